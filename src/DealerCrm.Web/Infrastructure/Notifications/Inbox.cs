using System.Security.Claims;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Notifications;

/// <summary>A notice as a reader's list shows it: read or not by this reader.</summary>
public sealed record InboxItem(long Id, DateTime CreatedUtc, NotificationKind Kind, string TextKey, string TextArgs, string Link, DateTime? ReadUtc)
{
    public NoticeText Text => NoticeText.FromStored(TextKey, TextArgs);
}

/// <summary>
/// One user's notices: those to them and those to the roles they hold, each read or not by
/// them alone. Nobody reaches another user's notice: every lookup starts from the user's own.
/// </summary>
public sealed class Inbox(DealerCrmDbContext db, DealershipClock clock, BadgeCache badges)
{
    /// <summary>The user's notices: theirs, then each role's (one index range each, no OR for SQLite to scan).</summary>
    public IQueryable<Notification> Visible(ClaimsPrincipal user)
    {
        var userId = user.UserId() ?? "";
        var notices = db.Notifications.AsNoTracking();
        var visible = notices.Where(n => n.RecipientUserId == userId);
        foreach (var role in Roles.All.Where(user.IsInRole))
        {
            visible = visible.Concat(notices.Where(n => n.RecipientRole == role));
        }

        return visible;
    }

    public IQueryable<Notification> Unread(ClaimsPrincipal user)
    {
        var userId = user.UserId() ?? "";
        return Visible(user).Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId));
    }

    /// <summary>Unread notices, counted up to <see cref="CappedCount.Limit"/>: the bell.</summary>
    public async Task<int> CountUnreadAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await Unread(user).Take(CappedCount.Limit).CountAsync(cancellationToken);

    /// <summary>The list: unread first, then newest first.</summary>
    public IQueryable<InboxItem> Items(ClaimsPrincipal user)
    {
        var userId = user.UserId() ?? "";
        return Visible(user)
            .Select(n => new
            {
                Notice = n,
                ReadUtc = db.NotificationReads.Where(r => r.NotificationId == n.Id && r.UserId == userId).Select(r => (DateTime?)r.ReadUtc).FirstOrDefault(),
            })
            .OrderBy(i => i.ReadUtc == null ? 0 : 1).ThenByDescending(i => i.Notice.CreatedUtc).ThenByDescending(i => i.Notice.Id)
            .Select(i => new InboxItem(i.Notice.Id, i.Notice.CreatedUtc, i.Notice.Kind, i.Notice.TextKey, i.Notice.TextArgs, i.Notice.Link, i.ReadUtc));
    }

    /// <summary>Marks one of the user's notices read; null when it is not theirs (or does not exist).</summary>
    public async Task<Notification?> MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var notice = await Visible(user).Where(n => n.Id == id).FirstOrDefaultAsync(cancellationToken);
        if (notice is not null)
        {
            await SaveReadsAsync(user, [id], cancellationToken);
        }

        return notice;
    }

    /// <summary>Marks every unread notice of the user read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var ids = await Unread(user).Select(n => n.Id).ToListAsync(cancellationToken);
        await SaveReadsAsync(user, ids, cancellationToken);
        return ids.Count;
    }

    private async Task SaveReadsAsync(ClaimsPrincipal user, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var userId = user.UserId()!;
        var already = await db.NotificationReads.Where(r => r.UserId == userId && ids.Contains(r.NotificationId)).Select(r => r.NotificationId).ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        db.NotificationReads.AddRange(ids.Except(already).Select(id => new NotificationRead(id, userId, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same notice marked read twice at once (a double click): the first one stands.
            db.ChangeTracker.Clear();
        }

        badges.ForgetUser(userId);
    }
}
