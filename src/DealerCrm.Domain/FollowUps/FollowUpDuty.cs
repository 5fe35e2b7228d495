using DealerCrm.Domain.Duties;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.FollowUps;

/// <summary>A follow-up task as a duty: who may see, claim and work it (<see cref="DutyRules"/>).</summary>
public static class FollowUpDuty
{
    /// <summary>
    /// The managers who read the follow-up overview supervise every follow-up pool: it shows them
    /// all overdue tasks and lets them hand any of them on. Narrowing one pool to its own managers
    /// is a change of this table alone.
    /// </summary>
    public static DutySupervision Supervision { get; } = DutySupervision.Of(
        Enum.GetValues<FollowUpKind>().Select(k => k.OwnerRole()),
        Roles.GeneralManager, Roles.CsDirector, Roles.SalesManager);

    /// <summary>
    /// Where a task keeps the duty's facts. "Not excluded" is written the way the queue's pool arms
    /// have always sent it to SQL (a NULL column never equals anyone).
    /// </summary>
    public static DutyAccess<FollowUpTask> Access { get; } = new(
        owner: t => t.OwnerUserId,
        poolRole: t => t.OwnerRole,
        admits: (t, userId) => t.ExcludedUserId == null || t.ExcludedUserId != userId,
        isOpen: t => t.Status == FollowUpStatus.Open,
        Supervision);
}
