using DealerCrm.Web.Infrastructure.Auth;

namespace DealerCrm.Web.Infrastructure.Notifications;

/// <summary>The bell's number: the user's unread notices, from the <see cref="BadgeCache"/> while fresh.</summary>
public sealed class NotificationBadge(Inbox inbox, BadgeCache badges, IHttpContextAccessor http)
{
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var user = http.HttpContext!.User;
        return user.UserId() is { } userId
            ? await badges.GetOrCountAsync(userId, BadgeCache.Notifications, () => inbox.CountUnreadAsync(user, cancellationToken))
            : 0;
    }
}
