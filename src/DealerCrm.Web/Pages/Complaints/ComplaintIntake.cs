using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Calendar;
using DealerCrm.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>
/// Takes a complaint in, from the form, from an unhappy customer on a follow-up call, or from the
/// unhappy flags recorded before complaints existed: numbers it, starts its tier's clock, and tells
/// at once whoever must hear (the CS director of an on-site complaint, a higher tier's handlers),
/// recording each notice on the case, all in one save.
/// </summary>
public sealed class ComplaintIntake(
    DealerCrmDbContext db,
    ComplaintNumberAllocator numbers,
    WorkingCalendarProvider calendars,
    ComplaintNotices notices,
    DealershipClock clock,
    IOptions<ComplaintPolicy> policy)
{
    /// <summary>Adds the case and its notices to the context; the caller's save commits them.</summary>
    public async Task<Complaint> AddAsync(ComplaintDraft draft, ComplaintActor by, CancellationToken cancellationToken)
    {
        var number = await numbers.NextAsync(clock.Today, cancellationToken);
        var complaint = new Complaint(number, draft, by, policy.Value, await calendars.GetAsync(cancellationToken), clock);
        db.Complaints.Add(complaint);
        await notices.SendAsync(complaint, complaint.RolesToNotifyOnIntake(), NotificationKind.ComplaintReceived, "Notifications.ComplaintReceived",
            [complaint.Number, NoticeArg.Localized($"Enum.ComplaintChannel.{complaint.Channel}")], null, by, cancellationToken);
        return complaint;
    }

    /// <summary>
    /// "客户不满意" on a call: opens a complaint carrying the call over (customer, vehicle, the
    /// unhappy note, the task), or returns the one already opened from that call.
    /// </summary>
    public async Task<Complaint> FromFollowUpAsync(FollowUpTask task, string note, ComplaintActor by, CancellationToken cancellationToken)
    {
        if (await db.Complaints.FirstOrDefaultAsync(c => c.SourceFollowUpTaskId == task.Id, cancellationToken) is { } existing)
        {
            existing.Comment(note, by, clock.UtcNow);
            return existing;
        }

        return await AddAsync(FromCall(task, note), by, cancellationToken);
    }

    public ComplaintDraft FromCall(FollowUpTask task, string note) => new(
        ComplaintChannel.ReturnCall,
        ComplaintCategory.Other,
        ComplaintSeverity.Minor,
        false,
        task.CustomerId,
        task.VehicleId,
        note.Length <= Complaint.TextMaxLength ? note : note[..Complaint.TextMaxLength],
        ComplaintDepartment.CustomerService,
        clock.UtcNow.AddHours(policy.Value.Tier1DeadlineHours),
        SourceFollowUpTaskId: task.Id);
}

/// <summary>Sends a case's notices through the engine's bell and keeps each on the case's timeline.</summary>
public sealed class ComplaintNotices(Notifier notifier, DealershipClock clock)
{
    public async Task SendAsync(Complaint complaint, IReadOnlyList<string> roles, NotificationKind kind, string key, IReadOnlyList<NoticeArg> args, string? dedupeKey, ComplaintActor by, CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        foreach (var role in roles)
        {
            if (await notifier.NotifyRoleAsync(role, kind, key, args, Link(complaint), dedupeKey is null ? null : $"{dedupeKey}:{role}", cancellationToken))
            {
                sent.Add(role);
            }
        }

        complaint.RecordNotice(sent, by, clock.UtcNow);
    }

    /// <summary>By number: a new case has no id before its save, and the notice goes in that save.</summary>
    public static string Link(Complaint complaint) => $"/Complaints/{complaint.Number}";
}

/// <summary>
/// The unhappy flags recorded on calls before complaints existed become complaints, once: run at
/// start-up after the migration; a flag that already has its complaint is skipped (the unique
/// index on the source task makes a second instance's duplicate fail rather than double).
/// Their clocks start now: the customer was never told a complaint was open.
/// </summary>
public sealed class UnhappyCallBackfill(DealerCrmDbContext db, ComplaintIntake intake, ILogger<UnhappyCallBackfill> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var flagged = await db.FollowUpTasks
            .Where(t => t.CustomerUnhappy && !db.Complaints.Any(c => c.SourceFollowUpTaskId == t.Id))
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        foreach (var task in flagged)
        {
            await intake.AddAsync(intake.FromCall(task, task.UnhappyNote ?? "-"), ComplaintActor.System, cancellationToken);
        }

        if (flagged.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Count} unhappy calls recorded before complaints existed became complaints", flagged.Count);
        }

        return flagged.Count;
    }
}
