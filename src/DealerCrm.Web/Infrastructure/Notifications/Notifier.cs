using DealerCrm.Domain.Common;
using DealerCrm.Domain.Notifications;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Notifications;

/// <summary>
/// Sends in-app notices (the bell) for other features. It only ADDS them to the request's
/// DbContext: the caller's own <c>SaveChangesAsync</c> commits them in the same transaction as
/// the action they tell of, so a notice is never sent for an action that failed, nor lost for
/// one that was saved. Once that save succeeds, the recipients' bell counts are refreshed.
/// </summary>
/// <remarks>
/// A notice with a dedupe key that is already on file (or already added in this scope) is not
/// added again and the call returns false; the unique index on the key refuses the one that
/// races past the check (the caller's save then fails: jobs simply run again).
/// </remarks>
public sealed class Notifier(DealerCrmDbContext db, DealershipClock clock, BadgeCache badges) : IDisposable
{
    private readonly List<Notification> _pending = [];

    public Task<bool> NotifyUserAsync(string userId, NotificationKind kind, string key, IReadOnlyList<NoticeArg> args, string link, string? dedupeKey = null, CancellationToken cancellationToken = default) =>
        AddAsync(Notification.ToUser(userId, clock.UtcNow, kind, new NoticeText(key, args), link, dedupeKey), cancellationToken);

    /// <summary>A notice to every member of the role; each reads it on their own.</summary>
    public Task<bool> NotifyRoleAsync(string role, NotificationKind kind, string key, IReadOnlyList<NoticeArg> args, string link, string? dedupeKey = null, CancellationToken cancellationToken = default) =>
        AddAsync(Notification.ToRole(role, clock.UtcNow, kind, new NoticeText(key, args), link, dedupeKey), cancellationToken);

    public void Dispose()
    {
        if (_pending.Count > 0)
        {
            db.SavedChanges -= OnSaved;
            _pending.Clear();
        }
    }

    private async Task<bool> AddAsync(Notification notice, CancellationToken cancellationToken)
    {
        if (notice.DedupeKey is { } key
            && (db.Notifications.Local.Any(n => n.DedupeKey == key) || await db.Notifications.AnyAsync(n => n.DedupeKey == key, cancellationToken)))
        {
            return false;
        }

        db.Notifications.Add(notice);
        if (_pending.Count == 0)
        {
            db.SavedChanges += OnSaved;
        }

        _pending.Add(notice);
        return true;
    }

    private void OnSaved(object? sender, SavedChangesEventArgs e)
    {
        db.SavedChanges -= OnSaved;
        foreach (var notice in _pending)
        {
            if (notice.RecipientUserId is { } userId)
            {
                badges.ForgetUser(userId);
            }
            else
            {
                badges.ForgetUnreadOfEveryone();
            }
        }

        _pending.Clear();
    }
}
