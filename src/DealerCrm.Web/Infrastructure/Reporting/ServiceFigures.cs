using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Reporting;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Reporting;

/// <summary>Repair visits of a period and how many of them were repeats (<see cref="RepeatRepairs"/>).</summary>
public sealed record RepeatRepairFigure(int Repairs, int Repeats)
{
    public decimal? RatePercent => RepeatRepairs.RatePercent(Repeats, Repairs);
}

/// <summary>A period's deliveries, service visits and repeat repairs (<see cref="ServiceFigures.ByPeriodAsync"/>).</summary>
public sealed record GrowthFigures(int Deliveries, int Visits, RepeatRepairFigure RepeatRepairs);

/// <summary>
/// What the follow-up work grows from, counted in SQL for a period: deliveries, service visits
/// and the repeat-repair rate. The cockpit, its drill-down lists and the weekly pack all ask
/// these queries, so a figure reads the same everywhere.
/// </summary>
public sealed class ServiceFigures(DealerCrmDbContext db, DealershipClock clock)
{
    /// <summary>Deliveries whose local day falls in the period.</summary>
    public IQueryable<Delivery> Deliveries(ReportPeriod period)
    {
        var start = clock.StartOfDayUtc(period.From);
        var end = clock.StartOfDayUtc(period.Through.AddDays(1));
        return db.Deliveries.Where(d => d.DeliveredAtUtc >= start && d.DeliveredAtUtc < end);
    }

    public IQueryable<ServiceVisit> Visits(ReportPeriod period) =>
        db.ServiceVisits.Where(v => v.VisitDate >= period.From && v.VisitDate <= period.Through);

    public IQueryable<ServiceVisit> Repairs(ReportPeriod period) => Visits(period).Where(RepeatRepairs.IsRepair);

    public IQueryable<ServiceVisit> RepeatRepairVisits(ReportPeriod period, int withinDays) =>
        Repairs(period).Where(RepeatRepairs.IsRepeat(db.ServiceVisits, withinDays));

    /// <summary>
    /// Deliveries, visits and repeat repairs of each of <paramref name="periods"/> (consecutive,
    /// oldest first), each counted in one query grouped by period: for each period what
    /// <see cref="Deliveries"/>, <see cref="Visits"/> and <see cref="RepeatRepairAsync"/> count,
    /// in four queries for any number of periods rather than four a period.
    /// </summary>
    public async Task<IReadOnlyList<GrowthFigures>> ByPeriodAsync(IReadOnlyList<ReportPeriod> periods, int withinDays, CancellationToken cancellationToken)
    {
        var start = clock.StartOfDayUtc(periods[0].From);
        var end = clock.StartOfDayUtc(periods[^1].Through.AddDays(1));
        var (from, through) = (periods[0].From, periods[^1].Through);
        var deliveryPeriod = PeriodBuckets.Of<Delivery, DateTime>(d => d.DeliveredAtUtc, [.. periods.Select(p => clock.StartOfDayUtc(p.Through.AddDays(1)))]);
        var visitPeriod = PeriodBuckets.Of<ServiceVisit, DateOnly>(v => v.VisitDate, [.. periods.Select(p => p.Through.AddDays(1))]);
        var visits = db.ServiceVisits.Where(v => v.VisitDate >= from && v.VisitDate <= through);
        var repairs = visits.Where(RepeatRepairs.IsRepair);

        var deliveryCounts = await CountAsync(db.Deliveries.Where(d => d.DeliveredAtUtc >= start && d.DeliveredAtUtc < end), deliveryPeriod, cancellationToken);
        var visitCounts = await CountAsync(visits, visitPeriod, cancellationToken);
        var repairCounts = await CountAsync(repairs, visitPeriod, cancellationToken);
        var repeatCounts = await CountAsync(repairs.Where(RepeatRepairs.IsRepeat(db.ServiceVisits, withinDays)), visitPeriod, cancellationToken);
        return [.. periods.Select((_, i) => new GrowthFigures(
            deliveryCounts.GetValueOrDefault(i), visitCounts.GetValueOrDefault(i), new RepeatRepairFigure(repairCounts.GetValueOrDefault(i), repeatCounts.GetValueOrDefault(i))))];
    }

    private static async Task<Dictionary<int, int>> CountAsync<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, int>> period, CancellationToken cancellationToken) =>
        await rows.WithPeriod(period, (_, p) => new { Period = p }).GroupBy(r => r.Period)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<RepeatRepairFigure> RepeatRepairAsync(ReportPeriod period, int withinDays, CancellationToken cancellationToken) =>
        new(await Repairs(period).CountAsync(cancellationToken), await RepeatRepairVisits(period, withinDays).CountAsync(cancellationToken));
}
