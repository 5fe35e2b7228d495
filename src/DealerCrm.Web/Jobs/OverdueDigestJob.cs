using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Notifications;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Jobs;

/// <summary>
/// Once a local day, from <see cref="NotificationPolicy.OverdueDigestHour"/> on, tells each
/// manager role (<see cref="Managers"/>) whose people have overdue open follow-up tasks, with the
/// count per person (and per pool), linking to the overview. One notice per role and day, its
/// dedupe key "OverdueDigest:{day}:{role}": a second run that day, a restart or a second
/// instance sends nothing more. Counted in SQL, grouped by owner.
/// </summary>
public sealed class OverdueDigestJob(
    DealerCrmDbContext db,
    Notifier notifier,
    StaffDirectory staff,
    DealershipClock clock,
    IOptions<NotificationPolicy> policy,
    ILogger<OverdueDigestJob> logger) : IPeriodicJob
{
    public const string Name = "OverdueDigest";

    public const string Link = "/FollowUps/Overview";

    public static string DedupeKey(DateOnly day, string role) =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}:{day:yyyy-MM-dd}:{role}");

    async Task IPeriodicJob.RunOnceAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>Returns how many notices it sent (0 before the hour, or when today's went out already).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        if (clock.LocalNow.Hour < policy.Value.OverdueDigestHour)
        {
            return 0;
        }

        // Today's digests went out (all of them commit together): skip the count.
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{Name}:{today:yyyy-MM-dd}:");
        if (await db.Notifications.AnyAsync(n => n.DedupeKey != null && n.DedupeKey.StartsWith(prefix), cancellationToken))
        {
            return 0;
        }

        var overdue = await db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open && t.IsOverdue)
            .GroupBy(t => new { t.OwnerRole, t.OwnerUserId })
            .Select(g => new { g.Key.OwnerRole, g.Key.OwnerUserId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var names = await staff.NamesByIdAsync(cancellationToken);
        var sent = 0;
        foreach (var recipient in overdue
                     .SelectMany(o => Managers.Of(o.OwnerRole).Select(role => (Role: role, Owner: o)))
                     .GroupBy(x => x.Role, x => x.Owner))
        {
            var people = recipient
                .OrderByDescending(o => o.Count).ThenBy(o => o.OwnerUserId is null).ThenBy(o => o.OwnerRole, StringComparer.Ordinal).ThenBy(o => o.OwnerUserId, StringComparer.Ordinal)
                .Select(o => NoticeArg.Localized("Notifications.OverdueDigest.Person",
                    o.OwnerUserId is null
                        ? NoticeArg.Localized("FollowUps.Pool", NoticeArg.Localized("Role." + o.OwnerRole))
                        : NoticeArg.Of(names.GetValueOrDefault(o.OwnerUserId, o.OwnerUserId)),
                    NoticeArg.Of(o.Count)))
                .ToList();
            if (await notifier.NotifyRoleAsync(recipient.Key, NotificationKind.OverdueDigest, "Notifications.OverdueDigest",
                    [NoticeArg.Of(recipient.Sum(o => o.Count)), NoticeArg.ListOf(people)], Link, DedupeKey(today, recipient.Key), cancellationToken))
            {
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Overdue digest for {Day}: {Sent} notices", today, sent);
        return sent;
    }
}
