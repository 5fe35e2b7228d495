using System.Security.Claims;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.FollowUps;

public enum QueueTab
{
    Overdue,
    Today,
    Upcoming,
}

public sealed record QueueCounts(int Overdue, int Today, int Upcoming)
{
    /// <summary>What the navigation badge shows: what needs doing now.</summary>
    public int Now => Overdue + Today;
}

/// <summary>
/// A user's follow-up queue: open tasks they own, plus open tasks waiting in the pools of the
/// roles they hold (claimable), never a task they are excluded from. Built as a UNION of the two
/// halves so each uses its own index.
/// </summary>
public sealed class FollowUpWorklist(DealerCrmDbContext db, DealershipClock clock)
{
    public IQueryable<FollowUpTask> Workable(ClaimsPrincipal user)
    {
        var userId = user.UserId() ?? "";
        var roles = Roles.All.Where(user.IsInRole).ToList();
        var mine = db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == userId);
        var pool = db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == null && roles.Contains(t.OwnerRole)
                                               && (t.ExcludedUserId == null || t.ExcludedUserId != userId));
        return mine.Concat(pool);
    }

    /// <summary>Overdue: past due. Today: due before the day ends. Upcoming: later, or waiting for a retry.</summary>
    public IQueryable<FollowUpTask> In(IQueryable<FollowUpTask> tasks, QueueTab tab)
    {
        var now = clock.UtcNow;
        var endOfToday = clock.StartOfDayUtc(clock.Today.AddDays(1));
        return tab switch
        {
            QueueTab.Overdue => tasks.Where(t => t.DueUtc < now && t.ActionableFromUtc <= now),
            QueueTab.Today => tasks.Where(t => t.DueUtc >= now && t.DueUtc < endOfToday && t.ActionableFromUtc <= now),
            _ => tasks.Where(t => t.DueUtc >= endOfToday || t.ActionableFromUtc > now),
        };
    }

    public async Task<QueueCounts> CountsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var workable = Workable(user);
        return new QueueCounts(
            await In(workable, QueueTab.Overdue).CountAsync(cancellationToken),
            await In(workable, QueueTab.Today).CountAsync(cancellationToken),
            await In(workable, QueueTab.Upcoming).CountAsync(cancellationToken));
    }
}
