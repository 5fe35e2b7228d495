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

    public async Task<RepeatRepairFigure> RepeatRepairAsync(ReportPeriod period, int withinDays, CancellationToken cancellationToken) =>
        new(await Repairs(period).CountAsync(cancellationToken), await RepeatRepairVisits(period, withinDays).CountAsync(cancellationToken));
}
