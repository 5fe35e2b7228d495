using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Reporting;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.FollowUps;

/// <summary>A row of a rates table: who or what, and their rates.</summary>
public sealed record RatesRow(string Label, FollowUpRates Rates, string? UserId = null);

/// <summary>
/// Return-visit and on-time rates for a period, counted in SQL (grouped by status and on-time)
/// and folded by the domain's <see cref="FollowUpRates"/>, so "done" means the same everywhere.
/// A task belongs to the period its due time falls in; tasks not yet due are not counted.
/// </summary>
/// <summary>Overdue tasks of one owner: a person, or (no user) the pool of a role.</summary>
public sealed record OverdueLoad(string? OwnerUserId, string OwnerRole, int Count, DateTime OldestDueUtc);

public sealed class FollowUpStats(DealerCrmDbContext db, DealershipClock clock)
{
    public IQueryable<FollowUpTask> DueIn(DateOnly from, DateOnly throughInclusive)
    {
        var start = clock.StartOfDayUtc(from);
        var end = clock.StartOfDayUtc(throughInclusive.AddDays(1));
        var now = clock.UtcNow;
        return db.FollowUpTasks.Where(t => t.DueUtc >= start && t.DueUtc < end && t.DueUtc <= now);
    }

    public async Task<FollowUpRates> TotalAsync(IQueryable<FollowUpTask> tasks, CancellationToken cancellationToken)
    {
        var groups = await tasks.GroupBy(t => new { t.Status, OnTime = t.CompletedUtc <= t.DueUtc })
            .Select(g => new { g.Key.Status, g.Key.OnTime, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return FollowUpRates.From(groups.Select(g => (g.Status, g.OnTime, g.Count)));
    }

    /// <summary>
    /// The rates of each of <paramref name="periods"/> (consecutive, oldest first) in one query,
    /// grouped by period in SQL: for each, what <see cref="TotalAsync"/> gives for the tasks
    /// <see cref="DueIn"/> it, narrowed by <paramref name="narrow"/> (e.g. <see cref="UnderWarranty"/>).
    /// </summary>
    public async Task<IReadOnlyList<FollowUpRates>> TotalsByPeriodAsync(
        IReadOnlyList<ReportPeriod> periods, Func<IQueryable<FollowUpTask>, IQueryable<FollowUpTask>>? narrow, CancellationToken cancellationToken)
    {
        var tasks = DueIn(periods[0].From, periods[^1].Through);
        var period = PeriodBuckets.Of<FollowUpTask, DateTime>(t => t.DueUtc, [.. periods.Select(p => clock.StartOfDayUtc(p.Through.AddDays(1)))]);
        var groups = await (narrow is null ? tasks : narrow(tasks))
            .WithPeriod(period, (t, p) => new { Period = p, t.Status, OnTime = t.CompletedUtc <= t.DueUtc })
            .GroupBy(t => new { t.Period, t.Status, t.OnTime })
            .Select(g => new { g.Key.Period, g.Key.Status, g.Key.OnTime, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. periods.Select((_, i) => FollowUpRates.From(groups.Where(g => g.Period == i).Select(g => (g.Status, g.OnTime, g.Count))))];
    }

    public async Task<IReadOnlyList<(FollowUpKind Kind, FollowUpRates Rates)>> ByKindAsync(IQueryable<FollowUpTask> tasks, CancellationToken cancellationToken)
    {
        var groups = await tasks.GroupBy(t => new { t.Kind, t.Status, OnTime = t.CompletedUtc <= t.DueUtc })
            .Select(g => new { g.Key.Kind, g.Key.Status, g.Key.OnTime, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups.GroupBy(g => g.Kind).OrderBy(g => g.Key)
            .Select(g => (g.Key, FollowUpRates.From(g.Select(x => (x.Status, x.OnTime, x.Count))))).ToList();
    }

    /// <summary>By the person who owns (owned) each task; tasks still in a pool count for the pool.</summary>
    public async Task<IReadOnlyList<(string? UserId, string Role, FollowUpRates Rates)>> ByOwnerAsync(IQueryable<FollowUpTask> tasks, CancellationToken cancellationToken)
    {
        var groups = await tasks.GroupBy(t => new { t.OwnerUserId, t.OwnerRole, t.Status, OnTime = t.CompletedUtc <= t.DueUtc })
            .Select(g => new { g.Key.OwnerUserId, g.Key.OwnerRole, g.Key.Status, g.Key.OnTime, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups.GroupBy(g => (g.OwnerUserId, g.OwnerUserId is null ? g.OwnerRole : ""))
            .Select(g => (g.Key.OwnerUserId, g.First().OwnerRole, FollowUpRates.From(g.Select(x => (x.Status, x.OnTime, x.Count)))))
            .ToList();
    }

    /// <summary>Open tasks past their due time, now: the overview's and the cockpit's "overdue".</summary>
    public IQueryable<FollowUpTask> OverdueNow()
    {
        var now = clock.UtcNow;
        return db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Open && t.DueUtc < now);
    }

    /// <summary>The overdue tasks now by owner (a person, or the pool of a role), most first: the overview's and the cockpit's.</summary>
    public async Task<IReadOnlyList<OverdueLoad>> OverdueByOwnerAsync(CancellationToken cancellationToken) =>
        (await OverdueNow().GroupBy(t => new { t.OwnerUserId, t.OwnerRole })
            .Select(g => new OverdueLoad(g.Key.OwnerUserId, g.Key.OwnerRole, g.Count(), g.Min(t => t.DueUtc)))
            .ToListAsync(cancellationToken))
        .OrderByDescending(g => g.Count).ThenBy(g => g.OldestDueUtc).ToList();

    /// <summary>Tasks of customers who now have a vehicle under warranty: RULES' 100% target applies to them.</summary>
    public IQueryable<FollowUpTask> UnderWarranty(IQueryable<FollowUpTask> tasks)
    {
        var today = clock.Today;
        return tasks.Where(t => db.Vehicles.Any(v => v.CustomerId == t.CustomerId && v.WarrantyExpiry >= today));
    }

    /// <summary>The Monday that starts the local week of a day.</summary>
    public static DateOnly WeekStart(DateOnly day) => Domain.Reporting.ReportPeriod.WeekStart(day);
}
