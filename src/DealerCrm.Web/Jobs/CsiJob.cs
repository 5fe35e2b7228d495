using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Jobs;

/// <summary>
/// The CSI duties that time creates: survey tasks for the customers sampling picks
/// (<see cref="SurveySampling"/>), and hot alerts past their deadline, flagged overdue with a notice
/// to the CS director. Idempotent: a survey task's key is unique (one per delivery or service
/// visit) and an overdue notice has a dedupe key per alert.
/// </summary>
public sealed class CsiJob(DealerCrmDbContext db, Notifier notifier, DealershipClock clock, IOptions<CsiPolicy> policy, ILogger<CsiJob> logger) : IPeriodicJob
{
    public const string Name = "Csi";

    public sealed record Result(int SsiTasks, int CsiTasks, int OverdueAlerts);

    /// <summary>
    /// New survey tasks saved together, the change tracker emptied after each save, so that a
    /// backlog (the first run over bench/Memory's data plans about 14,000 tasks) never holds
    /// all its tracked tasks and their commands at once.
    /// </summary>
    internal int SaveEvery { get; set; } = 500;

    public static string OverdueKey(int alertId) => string.Create(CultureInfo.InvariantCulture, $"HotAlertOverdue:{alertId}");

    async Task IPeriodicJob.RunOnceAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    public async Task<Result> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sampling = new SurveySampling(policy.Value);
        var now = clock.UtcNow;
        var today = clock.Today;
        var askedAfter = sampling.LastAskedAfterUtc(now);
        var asked = new HashSet<int>();
        var unsaved = 0;
        async Task AddAsync(FollowUpTask task)
        {
            db.FollowUpTasks.Add(task);
            if (++unsaved >= SaveEvery)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                unsaved = 0;
            }
        }

        // SSI: every delivery of the last month without its survey task, whose buyer was not asked lately.
        var ssiFrom = sampling.SsiDeliveredFromUtc(now);
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.DeliveredAtUtc > ssiFrom && d.DeliveredAtUtc <= now)
            .Where(d => db.Customers.Any(c => c.Id == d.CustomerId && c.MergedIntoId == null && c.AnonymisedUtc == null))
            .Where(d => !db.FollowUpTasks.Any(t => t.DeliveryId == d.Id && t.Kind == FollowUpKind.SsiSurvey))
            .Where(d => !db.FollowUpTasks.Any(t => t.CustomerId == d.CustomerId && (t.Kind == FollowUpKind.SsiSurvey || t.Kind == FollowUpKind.CsiSurvey) && t.CreatedUtc > askedAfter))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.CustomerId, d.VehicleId, d.SalespersonId, d.DeliveredAtUtc })
            .ToListAsync(cancellationToken);
        var ssi = 0;
        foreach (var d in deliveries.Where(d => sampling.IsSsiEligible(d.DeliveredAtUtc, now)))
        {
            if (asked.Add(d.CustomerId))
            {
                await AddAsync(new FollowUpTask(sampling.PlanSsi(d.Id, d.CustomerId, d.VehicleId, d.SalespersonId, clock.LocalDateOf(d.DeliveredAtUtc), now), now));
                ssi++;
            }
        }

        // CSI: recent service visits of customers whose purchase is 6-24 months old, not asked lately.
        var (purchaseFrom, purchaseTo) = sampling.CsiPurchaseWindow(now);
        var visitFrom = sampling.CsiVisitFrom(today);
        var visits = await db.ServiceVisits.AsNoTracking()
            .Where(v => v.VisitDate >= visitFrom && v.VisitDate <= today)
            .Where(v => db.Customers.Any(c => c.Id == v.CustomerId && c.MergedIntoId == null && c.AnonymisedUtc == null))
            .Where(v => !db.FollowUpTasks.Any(t => t.ServiceVisitId == v.Id && t.Kind == FollowUpKind.CsiSurvey))
            .Where(v => !db.FollowUpTasks.Any(t => t.CustomerId == v.CustomerId && (t.Kind == FollowUpKind.SsiSurvey || t.Kind == FollowUpKind.CsiSurvey) && t.CreatedUtc > askedAfter))
            .Select(v => new
            {
                v.Id,
                v.CustomerId,
                v.VehicleId,
                v.ServiceAdvisorId,
                v.RecordedBy,
                v.VisitDate,
                Purchase = db.Deliveries.Where(d => d.CustomerId == v.CustomerId && d.DeliveredAtUtc >= purchaseFrom && d.DeliveredAtUtc <= purchaseTo)
                    .OrderByDescending(d => d.DeliveredAtUtc).Select(d => (DateTime?)d.DeliveredAtUtc).FirstOrDefault(),
            })
            .Where(v => v.Purchase != null)
            .OrderBy(v => v.Id)
            .ToListAsync(cancellationToken);
        var recorders = await RecorderIdsAsync(visits.Select(v => v.RecordedBy).Distinct().ToList(), cancellationToken);
        var csi = 0;
        foreach (var v in visits.Where(v => sampling.IsCsiEligible(v.Purchase!.Value, v.VisitDate, now, today)))
        {
            if (asked.Add(v.CustomerId))
            {
                await AddAsync(new FollowUpTask(
                    sampling.PlanCsi(v.Id, v.CustomerId, v.VehicleId, v.ServiceAdvisorId, recorders.GetValueOrDefault(v.RecordedBy), v.VisitDate, now), now));
                csi++;
            }
        }

        // Hot alerts past their deadline: flagged once, the CS director told once.
        var late = await db.HotAlerts.Where(a => a.Status == HotAlertStatus.Open && !a.IsOverdue && a.DueUtc < now).ToListAsync(cancellationToken);
        foreach (var alert in late.Where(a => a.MarkOverdueIfLate(now)))
        {
            await notifier.NotifyRoleAsync(Roles.CsDirector, NotificationKind.HotAlertOverdue, "Csi.Notice.AlertOverdue",
                [NoticeArg.Of(alert.Id)], $"/Csi/Alerts/Details/{alert.Id}", OverdueKey(alert.Id), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (ssi + csi + late.Count > 0)
        {
            logger.LogInformation("CSI job: {Ssi} SSI and {Csi} CSI survey tasks, {Late} hot alerts overdue", ssi, csi, late.Count);
        }

        return new Result(ssi, csi, late.Count);
    }

    /// <summary>The visits keep who entered them by login; the task keeps people by id.</summary>
    private async Task<Dictionary<string, string>> RecorderIdsAsync(List<string> logins, CancellationToken cancellationToken) =>
        logins.Count == 0
            ? []
            : await db.Users.Where(u => logins.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
}
