using System.Collections.Concurrent;
using DealerCrm.Domain.Settings;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>
/// Failed sign-ins for login names that belong to no account, counted in memory per normalised
/// name like Identity counts them for real accounts (same limit, same lockout minutes, on the
/// app's clock), so the sign-in page answers an unknown name exactly as it answers an existing
/// one and does not tell which accounts exist.
/// </summary>
public sealed class UnknownLoginThrottle(TimeProvider time, IOptions<SecurityPolicy> policy)
{
    // Bounded: past this many names, entries that are not locked are forgotten.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil);

    public bool IsLockedOut(string normalizedLogin) =>
        _entries.TryGetValue(normalizedLogin, out var entry) && entry.LockedUntil > time.GetUtcNow();

    /// <summary>Records a failure; true when the name is now locked out.</summary>
    public bool RecordFailure(string normalizedLogin)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, old) in _entries)
            {
                if (!(old.LockedUntil > now))
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }

        var updated = _entries.AddOrUpdate(
            normalizedLogin,
            _ => Next(new Entry(0, null), now),
            (_, current) => Next(current, now));
        return updated.LockedUntil > now;
    }

    private Entry Next(Entry current, DateTimeOffset now)
    {
        if (current.LockedUntil > now)
        {
            return current;
        }

        var failures = current.Failures + 1;
        return failures >= policy.Value.MaxFailedSignIns
            ? new Entry(0, now.AddMinutes(policy.Value.LockoutMinutes))
            : new Entry(failures, null);
    }
}
