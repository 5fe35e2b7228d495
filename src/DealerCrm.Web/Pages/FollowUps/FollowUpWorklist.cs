using System.Security.Claims;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Duties;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.FollowUps;

public enum QueueTab
{
    Overdue,
    Today,
    Upcoming,
}

/// <summary>How many tasks each tab holds, counted up to <see cref="CappedCount.Limit"/>.</summary>
public sealed record QueueCounts(int Overdue, int Today, int Upcoming)
{
    /// <summary>What the navigation badge shows: what needs doing now.</summary>
    public int Now => Math.Min(Overdue + Today, CappedCount.Limit);

    public int Of(QueueTab tab) => tab switch
    {
        QueueTab.Overdue => Overdue,
        QueueTab.Today => Today,
        _ => Upcoming,
    };
}

/// <summary>
/// A user's follow-up queue: open tasks they own, plus open tasks waiting in the pools of the
/// roles they hold (claimable), never a task they are excluded from.
/// </summary>
/// <remarks>
/// A pool can hold hundreds of thousands of overdue tasks (every duty at go-live), so nothing
/// here reads a whole pool: the queue is cut into arms (mine, each role's pool; in a tab, each
/// arm's part that one index range serves in due order), each arm is cut to what the page or
/// the count needs, and only then are the arms merged.
/// </remarks>
public sealed class FollowUpWorklist(DealerCrmDbContext db, DealershipClock clock)
{
    // The request's counts, once taken: the navigation badge of the same page reuses them.
    private (ClaimsPrincipal User, QueueCounts Counts)? _counted;

    public async Task<QueueCounts> CountsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var counts = new QueueCounts(
            await CountAsync(Arms(user, QueueTab.Overdue), cancellationToken),
            await CountAsync(Arms(user, QueueTab.Today), cancellationToken),
            await CountAsync(Arms(user, QueueTab.Upcoming), cancellationToken));
        _counted = (user, counts);
        return counts;
    }

    /// <summary>Overdue and due today together, in one query (or from the counts the page took): the navigation badge.</summary>
    public async Task<int> CountNowAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        _counted is { } counted && ReferenceEquals(counted.User, user)
            ? counted.Counts.Now
            : await CountAsync(Arms(user, QueueTab.Overdue).Concat(Arms(user, QueueTab.Today)), cancellationToken);

    /// <summary>The tab's tasks from the first up to <paramref name="take"/> after <paramref name="skip"/>, by due time.</summary>
    public IQueryable<FollowUpTask> InDueOrder(ClaimsPrincipal user, QueueTab tab, int skip, int take) =>
        ListArms.Page(Arms(user, tab), skip, take, merged => merged.OrderBy(t => t.DueUtc).ThenBy(t => t.Id));

    /// <summary>
    /// The shared pools the user supervises (a CS director: the CS agents' pool), as counts of the
    /// work waiting in them unclaimed: overdue, due today, later. Their own queue holds none of it:
    /// a supervisor does not hold the pool's role, so it is not theirs to claim.
    /// </summary>
    public async Task<QueueCounts> SupervisedPoolCountsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var pools = user.DutyViewer(FollowUpDuty.Access).SupervisedPools
            .Select(role => db.FollowUpTasks.AsNoTracking().Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == null && t.OwnerRole == role))
            .ToList();
        return pools.Count == 0
            ? new QueueCounts(0, 0, 0)
            : new QueueCounts(
                await CountAsync(Windows(pools, QueueTab.Overdue), cancellationToken),
                await CountAsync(Windows(pools, QueueTab.Today), cancellationToken),
                await CountAsync(Windows(pools, QueueTab.Upcoming), cancellationToken));
    }

    private static Task<int> CountAsync(IEnumerable<IQueryable<FollowUpTask>> arms, CancellationToken cancellationToken) =>
        ListArms.CappedCountAsync(arms, cancellationToken);

    /// <summary>
    /// Overdue: past due. Today: due before the day ends. Upcoming: later, or waiting for a retry.
    /// Each owner's part of a tab is one or two index ranges: by due time, and (for tasks waiting
    /// for a retry or a call-back) by the time they can be worked again. Each arm is sorted by due
    /// time even where only counted: it steers SQLite, which has no statistics to choose between
    /// the due-time and the actionable-time indexes, to the one that reads no more than it returns.
    /// </summary>
    private IEnumerable<IQueryable<FollowUpTask>> Arms(ClaimsPrincipal user, QueueTab tab) => Windows(Owners(user), tab);

    private IEnumerable<IQueryable<FollowUpTask>> Windows(IEnumerable<IQueryable<FollowUpTask>> owners, QueueTab tab)
    {
        var now = clock.UtcNow;
        var endOfToday = clock.StartOfDayUtc(clock.Today.AddDays(1));
        foreach (var owned in owners)
        {
            var parts = tab switch
            {
                QueueTab.Overdue => [owned.Where(t => t.DueUtc < now && t.ActionableFromUtc <= now)],
                QueueTab.Today => [owned.Where(t => t.DueUtc >= now && t.DueUtc < endOfToday && t.ActionableFromUtc <= now)],
                _ => new[] { owned.Where(t => t.DueUtc >= endOfToday && t.ActionableFromUtc <= now), owned.Where(t => t.ActionableFromUtc > now) },
            };
            foreach (var part in parts)
            {
                yield return part.OrderBy(t => t.DueUtc).ThenBy(t => t.Id);
            }
        }
    }

    /// <summary>The tasks the user may work (<see cref="DutyRule.Act"/>), then each pool of a role they hold (<see cref="DutyRule.Claim"/>).</summary>
    private IEnumerable<IQueryable<FollowUpTask>> Owners(ClaimsPrincipal user)
    {
        var viewer = user.DutyViewer(FollowUpDuty.Access);
        var tasks = db.FollowUpTasks.AsNoTracking();
        yield return tasks.Where(FollowUpDuty.Access.For(DutyRule.Act, viewer));
        foreach (var role in viewer.Roles)
        {
            // One pool at a time: "OwnerRole = @role", one index range per arm.
            yield return tasks.Where(FollowUpDuty.Access.For(DutyRule.Claim, viewer.InPoolOf(role)));
        }
    }
}
