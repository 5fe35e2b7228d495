using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Jobs;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Calendar;
using DealerCrm.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>
/// Time's effects on complaints (RULES.md section 5), on the job host: a case whose tier deadline
/// passed unresolved moves up a tier (or, at the top tier, is marked overdue once), and a case
/// nearing the 7-working-day legal limit with the customer not yet told is flagged; each tells its
/// people through the bell in the same save. The candidates are read by index (the stored tier due
/// time, the stored legal due time); the domain decides each case. Each case is saved on its own:
/// a case a handler changed meanwhile (version check) is simply taken again on the next run, and
/// a case that cannot be processed is set aside (<see cref="SetAsideRow"/>) and the job goes on.
/// </summary>
public sealed class ComplaintsJob(
    DealerCrmDbContext db,
    ComplaintNotices notices,
    WorkingCalendarProvider calendars,
    DealershipClock clock,
    IOptions<ComplaintPolicy> policy,
    ILogger<ComplaintsJob> logger) : IPeriodicJob
{
    public const string Name = "Complaints";
    public const string Source = "Complaint";
    private const int Batch = 200;

    /// <summary>The legal limit is 7 working days; no holiday run makes 2 working days span more than this.</summary>
    private static readonly TimeSpan LegalLookAhead = TimeSpan.FromDays(14);

    public sealed record Result(int Escalated, int Flagged, int SetAside);

    async Task IPeriodicJob.RunOnceAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    public async Task<Result> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var held = await db.SetAsideRows.AsNoTracking()
            .Where(r => r.Job == Name && r.Status != SetAsideStatus.Resolved).Select(r => new { r.SourceId, r.Status }).ToListAsync(cancellationToken);
        var setAside = held.Where(r => r.Status == SetAsideStatus.SetAside).Select(r => r.SourceId).ToHashSet();
        var retried = held.Where(r => r.Status == SetAsideStatus.RetryRequested).Select(r => r.SourceId).ToHashSet();
        var due = await db.Complaints.AsNoTracking()
            .Where(c => (c.Status == ComplaintStatus.Open || c.Status == ComplaintStatus.AwaitingCustomer) && c.TierDueUtc != null && c.TierDueUtc <= now
                && !(c.Tier == ComplaintTiers.Highest && c.TierOverdue))
            .OrderBy(c => c.TierDueUtc).Select(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        var horizon = now + LegalLookAhead;
        var near = await db.Complaints.AsNoTracking()
            .Where(c => c.Status != ComplaintStatus.Closed && !c.LegalFlagged && c.CustomerToldUtc == null && c.LegalDueUtc <= horizon)
            .OrderBy(c => c.LegalDueUtc).Select(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);

        int escalated = 0, flagged = 0, failed = 0;
        // A retried case is taken again even when not yet due: it may have been set aside when it was.
        var ids = due.Concat(near).Concat(retried.Select(r => (int)r)).Distinct().Where(id => !setAside.Contains(id)).ToList();
        foreach (var id in ids)
        {
            try
            {
                var complaint = await db.Complaints.Include(c => c.Periods).SingleAsync(c => c.Id == id, cancellationToken);
                var tier = complaint.Tier;
                var told = complaint.ApplyDeadline(policy.Value, clock.UtcNow);
                if (complaint.Tier > tier)
                {
                    escalated++;
                    await notices.SendAsync(complaint, told, NotificationKind.ComplaintEscalated, "Notifications.ComplaintEscalated",
                        [complaint.Number, NoticeArg.Of(complaint.Tier)], $"Complaint:{id}:tier{complaint.Tier}", ComplaintActor.System, cancellationToken);
                }
                else if (told.Count > 0)
                {
                    await notices.SendAsync(complaint, told, NotificationKind.ComplaintDeadline, "Notifications.ComplaintTierOverdue",
                        [complaint.Number, NoticeArg.Of(complaint.Tier)], $"Complaint:{id}:overdue{complaint.Periods.Count}", ComplaintActor.System, cancellationToken);
                }

                if (complaint.ApplyLegalLimit(policy.Value, calendar, clock))
                {
                    flagged++;
                    var left = complaint.LegalLimit(policy.Value, calendar, clock).WorkingDaysLeft;
                    await notices.SendAsync(complaint, [Roles.CsDirector], NotificationKind.ComplaintDeadline, "Notifications.ComplaintLegalNear",
                        [complaint.Number, NoticeArg.Of(Math.Max(left, 0))], $"Complaint:{id}:legal", ComplaintActor.System, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                if (retried.Contains(id))
                {
                    await ResolveRetriedAsync(id, cancellationToken);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // A handler acted on the case meanwhile: the next run reads it afresh.
                db.ChangeTracker.Clear();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                failed++;
                logger.LogWarning(e, "Complaints job: case {Id} set aside", id);
                await SetAsideAsync(id, e, cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        if (escalated + flagged + failed > 0)
        {
            logger.LogInformation("Complaints job: {Escalated} escalated or overdue, {Flagged} near the legal limit, {SetAside} set aside", escalated, flagged, failed);
        }

        return new Result(escalated, flagged, failed);
    }

    private async Task SetAsideAsync(int id, Exception error, CancellationToken cancellationToken)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"{error.GetType().Name}: {error.Message}");
        var row = await db.SetAsideRows.FirstOrDefaultAsync(r => r.Job == Name && r.Source == Source && r.SourceId == id && r.Status != SetAsideStatus.Resolved, cancellationToken);
        if (row is null)
        {
            db.SetAsideRows.Add(new SetAsideRow(Name, Source, id, reason, clock.UtcNow));
        }
        else
        {
            row.Fail(reason, clock.UtcNow);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A case the administrator asked to retry went through: its set-aside row is resolved.</summary>
    private async Task ResolveRetriedAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.SetAsideRows.FirstOrDefaultAsync(r => r.Job == Name && r.Source == Source && r.SourceId == id && r.Status == SetAsideStatus.RetryRequested, cancellationToken);
        if (row is not null)
        {
            row.Resolve(clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
