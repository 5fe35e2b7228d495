using DealerCrm.Domain.Duties;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Complaints;

/// <summary>
/// The three tiers of handlers (投诉处理的三个层次, RULES.md section 5) and where a case starts.
/// Each tier maps onto the duty engine as a pool (the role that takes the case at that tier) and
/// its supervisors (the tier's other handlers, the CS director present in every tier, and the
/// general manager over all): see <see cref="ComplaintDuty"/>.
/// </summary>
public static class ComplaintTiers
{
    public const int Lowest = 1;
    public const int Highest = 3;

    /// <summary>Every role that takes part in some tier: they may read every case (unless it is about them).</summary>
    public static IReadOnlyList<string> AllRoles { get; } =
    [
        Roles.CsDirector, Roles.CsAgent, Roles.ServiceAdvisor, Roles.DepartmentManager, Roles.TechnicalDirector, Roles.GeneralManager,
    ];

    /// <summary>The tier's handlers, its pool role first.</summary>
    public static IReadOnlyList<string> Handlers(int tier) => tier switch
    {
        1 => [Roles.CsAgent, Roles.ServiceAdvisor, Roles.CsDirector],
        2 => [Roles.DepartmentManager, Roles.TechnicalDirector, Roles.CsDirector],
        3 => [Roles.GeneralManager, Roles.CsDirector],
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Tiers are 1 to 3."),
    };

    /// <summary>The role whose pool the case waits in at this tier.</summary>
    public static string PoolRole(int tier) => Handlers(tier)[0];

    /// <summary>Authority complaints start at tier 3, safety complaints at tier 2, the rest at tier 1.</summary>
    public static int StartTier(ComplaintChannel channel, bool safety) =>
        channel == ComplaintChannel.Authority ? 3 : safety ? 2 : 1;

    /// <summary>The tier's running-time budget (settings; defaults 24 h, 48 h, 72 h).</summary>
    public static TimeSpan Deadline(this ComplaintPolicy policy, int tier) => TimeSpan.FromHours(tier switch
    {
        1 => policy.Tier1DeadlineHours,
        2 => policy.Tier2DeadlineHours,
        3 => policy.Tier3DeadlineHours,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Tiers are 1 to 3."),
    });

    /// <summary>The recovery steps a case of this severity needs before it may close.</summary>
    public static IReadOnlyList<RecoveryStep> RequiredSteps(ComplaintSeverity severity) => severity == ComplaintSeverity.Minor
        ? [RecoveryStep.Apology, RecoveryStep.UrgentRestoration]
        : Enum.GetValues<RecoveryStep>();
}

/// <summary>A complaint as a duty of the engine (ADR 0010/0012): who may see and handle it.</summary>
public static class ComplaintDuty
{
    /// <summary>Each tier's pool is supervised by the tier's other handlers and the general manager.</summary>
    public static DutySupervision Supervision { get; } = new(
        Enumerable.Range(ComplaintTiers.Lowest, ComplaintTiers.Highest)
            .ToDictionary(
                ComplaintTiers.PoolRole,
                t => ComplaintTiers.Handlers(t).Skip(1).Append(Roles.GeneralManager).Distinct(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal));

    public static DutyAccess<Complaint> Access { get; } = new(
        owner: c => c.HandlerUserId,
        poolRole: c => c.PoolRole,
        admits: (c, userId) => c.ConcernedUserId == null || c.ConcernedUserId != userId,
        isOpen: c => c.Status != ComplaintStatus.Closed,
        Supervision);

    /// <summary>
    /// May act on the case now: it is open and the user is one of its current tier's handlers (the
    /// one who has it, a member of the tier's pool, or a supervisor of it: the tier's other roles,
    /// the CS director, the general manager), never the person it is about.
    /// </summary>
    public static bool MayHandle(Complaint complaint, DutyViewer viewer) =>
        Access.May(DutyRule.Act, complaint, viewer) || Access.May(DutyRule.Own, complaint, viewer) || Access.May(DutyRule.Reassign, complaint, viewer);

    /// <summary>A closed case is reopened, and the customer's rejection escalated, by the CS director (or the general manager).</summary>
    public static bool MayDirect(Complaint complaint, DutyViewer viewer) =>
        complaint.ConcernedUserId != viewer.UserId && (viewer.Roles.Contains(Roles.CsDirector) || viewer.Roles.Contains(Roles.GeneralManager));
}
