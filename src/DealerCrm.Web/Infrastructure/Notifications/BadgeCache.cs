using System.Collections.Concurrent;
using DealerCrm.Domain.Settings;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Infrastructure.Notifications;

/// <summary>
/// Each user's navigation counts (follow-ups due now, unread notices), reused for
/// <see cref="NotificationPolicy.BadgeCacheSeconds"/>: the badges are on every page, and
/// counting them is most of a trivial page's cost. Forgotten at once, in this process, when the
/// user saves anything (<see cref="BadgeRefreshFilter"/>) or is sent a notice (<see cref="Notifier"/>);
/// another instance of the app catches up within the lifetime. The queue page counts afresh.
/// </summary>
/// <remarks>
/// One small entry per user and badge (staff number in the dozens), so a dictionary rather than
/// IMemoryCache: its expiry reads the app's <see cref="TimeProvider"/>, like every time rule.
/// A count is stored with the generations read before it was taken, so a count that raced with
/// a change is not kept.
/// </remarks>
public sealed class BadgeCache(TimeProvider time, IOptions<NotificationPolicy> policy)
{
    public const string FollowUps = "FollowUps";
    public const string Notifications = "Notifications";

    private readonly ConcurrentDictionary<(string UserId, string Badge), Entry> _entries = new();
    private readonly ConcurrentDictionary<string, long> _userGenerations = new(StringComparer.Ordinal);

    // Bumped by a notice to a role: every reader's unread count is taken again.
    private long _roleNoticeGeneration;

    private sealed record Entry(int Count, DateTime ExpiresUtc, long UserGeneration, long RoleGeneration);

    /// <summary>The cached count while fresh, else <paramref name="count"/>'s (then kept).</summary>
    public async Task<int> GetOrCountAsync(string userId, string badge, Func<Task<int>> count)
    {
        var (userGeneration, roleGeneration) = Generations(userId);
        if (_entries.TryGetValue((userId, badge), out var entry)
            && entry.ExpiresUtc > time.GetUtcNow().UtcDateTime
            && entry.UserGeneration == userGeneration
            && entry.RoleGeneration == roleGeneration)
        {
            return entry.Count;
        }

        var value = await count();
        Keep(userId, badge, value, userGeneration, roleGeneration);
        return value;
    }

    /// <summary>A count just taken afresh (the queue page's): kept for the pages that follow.</summary>
    public void Set(string userId, string badge, int count, (long User, long Role) generations) =>
        Keep(userId, badge, count, generations.User, generations.Role);

    /// <summary>Read before counting, passed to <see cref="Set"/>.</summary>
    public (long User, long Role) Generations(string userId) =>
        (_userGenerations.GetValueOrDefault(userId), Interlocked.Read(ref _roleNoticeGeneration));

    /// <summary>The user did something, or was sent a notice: both their counts are taken again.</summary>
    public void ForgetUser(string userId)
    {
        _userGenerations.AddOrUpdate(userId, 1, (_, g) => g + 1);
        _entries.TryRemove((userId, FollowUps), out _);
        _entries.TryRemove((userId, Notifications), out _);
    }

    /// <summary>A notice went to a role: every unread count is taken again (role notices are a few a day).</summary>
    public void ForgetUnreadOfEveryone() => Interlocked.Increment(ref _roleNoticeGeneration);

    private void Keep(string userId, string badge, int count, long userGeneration, long roleGeneration) =>
        _entries[(userId, badge)] = new Entry(count, time.GetUtcNow().UtcDateTime.AddSeconds(policy.Value.BadgeCacheSeconds), userGeneration, roleGeneration);
}
