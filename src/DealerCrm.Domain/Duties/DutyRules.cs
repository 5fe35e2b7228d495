using System.Linq.Expressions;

namespace DealerCrm.Domain.Duties;

/// <summary>The questions the access rule answers about a duty and a user.</summary>
public enum DutyRule
{
    /// <summary>Open its page: who has it, any member of its pool while nobody has it, its supervisors; never an excluded person.</summary>
    See,

    /// <summary>Take it from its pool: open, nobody has it, the user holds the pool's role and is not excluded.</summary>
    Claim,

    /// <summary>Work it now: open, the user has it, not excluded.</summary>
    Act,

    /// <summary>Has it, open or done: what its holder may still add after the work (an unhappy customer's note).</summary>
    Hold,

    /// <summary>Hand an open duty to someone else or back to its pool: its supervisors, never an excluded person.</summary>
    Reassign,

    /// <summary>May be given it (the one a supervisor hands it to): open, holds the pool's role, not excluded.</summary>
    Own,
}

/// <summary>
/// Who may see, claim and act on a duty, written once over the general <see cref="Duty"/> shape.
/// <see cref="DutyAccess{TDuty}"/> rewrites these expressions for each kind of duty, so EF applies
/// them in SQL and memory runs them compiled: the queue and the page cannot disagree.
/// </summary>
public static class DutyRules
{
    public static readonly Expression<Func<Duty, DutyViewer, bool>> See = (d, u) =>
        d.Admits(u.UserId)
        && (d.OwnerUserId == u.UserId || (d.OwnerUserId == null && u.Roles.Contains(d.PoolRole)) || u.SupervisedPools.Contains(d.PoolRole));

    public static readonly Expression<Func<Duty, DutyViewer, bool>> Claim = (d, u) =>
        d.IsOpen && d.OwnerUserId == null && u.Roles.Contains(d.PoolRole) && d.Admits(u.UserId);

    public static readonly Expression<Func<Duty, DutyViewer, bool>> Act = (d, u) =>
        d.IsOpen && d.OwnerUserId == u.UserId && d.Admits(u.UserId);

    public static readonly Expression<Func<Duty, DutyViewer, bool>> Hold = (d, u) =>
        d.OwnerUserId == u.UserId && d.Admits(u.UserId);

    public static readonly Expression<Func<Duty, DutyViewer, bool>> Reassign = (d, u) =>
        d.IsOpen && u.SupervisedPools.Contains(d.PoolRole) && d.Admits(u.UserId);

    public static readonly Expression<Func<Duty, DutyViewer, bool>> Own = (d, u) =>
        d.IsOpen && u.Roles.Contains(d.PoolRole) && d.Admits(u.UserId);

    public static Expression<Func<Duty, DutyViewer, bool>> Of(DutyRule rule) => rule switch
    {
        DutyRule.See => See,
        DutyRule.Claim => Claim,
        DutyRule.Act => Act,
        DutyRule.Hold => Hold,
        DutyRule.Reassign => Reassign,
        DutyRule.Own => Own,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
