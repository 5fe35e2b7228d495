using DealerCrm.Domain.Duties;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.FollowUps;

/// <summary>A follow-up task as a duty: who may see, claim and work it (<see cref="DutyRules"/>).</summary>
public static class FollowUpDuty
{
    /// <summary>
    /// Each manager supervises their own department's pools (sees every task in them, whoever has
    /// it, and may hand it on): the CS director the customer-service duties, the sales manager the
    /// sales duties; the general manager all of them.
    /// </summary>
    public static DutySupervision Supervision { get; } = new(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Roles.CsAgent] = [Roles.GeneralManager, Roles.CsDirector],
        [Roles.Salesperson] = [Roles.GeneralManager, Roles.SalesManager],
        [Roles.SalesManager] = [Roles.GeneralManager, Roles.SalesManager],
    });

    /// <summary>
    /// Where a task keeps the duty's facts. "Not excluded" is written the way the queue's pool arms
    /// have always sent it to SQL (a NULL column never equals anyone).
    /// </summary>
    public static DutyAccess<FollowUpTask> Access { get; } = new(
        owner: t => t.OwnerUserId,
        poolRole: t => t.OwnerRole,
        admits: (t, userId) => (t.ExcludedUserId == null || t.ExcludedUserId != userId) && (t.AlsoExcludedUserId == null || t.AlsoExcludedUserId != userId),
        isOpen: t => t.Status == FollowUpStatus.Open,
        Supervision);
}
