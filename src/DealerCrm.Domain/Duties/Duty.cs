namespace DealerCrm.Domain.Duties;

/// <summary>
/// A duty as the access rule reads it, whatever its kind (a follow-up call, a complaint tier, a
/// CSI hot alert): who has it (nobody while it waits in a pool), the role whose pool it waits in,
/// who must never handle it, and whether it is still to be done. Each kind maps its own entity
/// onto this shape with a <see cref="DutyAccess{TDuty}"/>.
/// </summary>
public sealed record Duty(string? OwnerUserId, string PoolRole, IReadOnlySet<string> ExcludedUserIds, bool IsOpen)
{
    /// <summary>Not one of those who must never handle it (the advisor whose work a revisit checks).</summary>
    public bool Admits(string userId) => !ExcludedUserIds.Contains(userId);
}

/// <summary>
/// Who is asking: their id, the roles they hold, and the pools whose duties they supervise
/// (worked out from the duty kind's <see cref="DutySupervision"/>).
/// </summary>
public sealed record DutyViewer(string UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> SupervisedPools)
{
    /// <summary>The same person seen as a member of one pool only: a queue reads each pool as an index range of its own.</summary>
    public DutyViewer InPoolOf(string role) => this with { Roles = [role], SupervisedPools = [] };
}
