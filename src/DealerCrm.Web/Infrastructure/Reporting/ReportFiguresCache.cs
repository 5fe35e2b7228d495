using System.Collections.Concurrent;

namespace DealerCrm.Web.Infrastructure.Reporting;

/// <summary>
/// A report page's counted figures, reused for <see cref="Lifetime"/> (setting
/// <c>Reports:FiguresCacheSeconds</c>, 60 by default; 0 counts afresh every time). The cockpit
/// counts over the whole follow-up table and months of visits (100 ms and more of SQL on a
/// million tasks), and managers open it together (the Monday meeting): counted once a minute for
/// all of them, the page stays fast while its figures are at most that old. Requests for figures
/// being counted wait for that count rather than each starting their own. Expiry reads the app's
/// <see cref="TimeProvider"/>, like every time rule.
/// </summary>
public sealed class ReportFiguresCache(TimeProvider time, IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Reports:FiguresCacheSeconds", 60)));

    // Lazy: of two requests racing to count, only the one whose entry is kept starts counting.
    private sealed record Entry(Lazy<Task<object>> Figures, DateTime ExpiresUtc)
    {
        public bool FreshAt(DateTime now) => ExpiresUtc > now && !(Figures.IsValueCreated && (Figures.Value.IsFaulted || Figures.Value.IsCanceled));
    }

    /// <summary>
    /// The figures kept under <paramref name="key"/> while fresh, else <paramref name="count"/>'s
    /// (then kept). The key names everything the figures depend on (the period, the day). A count
    /// that failed is not kept.
    /// </summary>
    public async Task<T> GetOrCountAsync<T>(string key, Func<Task<T>> count)
        where T : class
    {
        if (Lifetime == TimeSpan.Zero)
        {
            return await count();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var mine = new Entry(new Lazy<Task<object>>(async () => await count()), now + Lifetime);
        var entry = _entries.AddOrUpdate(key, mine, (_, kept) => kept.FreshAt(now) ? kept : mine);
        try
        {
            return (T)await entry.Figures.Value;
        }
        catch when (entry != mine)
        {
            // The request counting for everyone failed (its client went away, say): count for this one.
            return await count();
        }
        finally
        {
            if (!entry.FreshAt(now))
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }
}
