using DealerCrm.Domain.Calendar;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Calendar;

/// <summary>
/// The working calendar in force, read from the database once and kept in memory: deadlines
/// are counted on it on every list and by the jobs, while the administrator changes it a few
/// times a year. Saving a change on /Admin/Calendar calls <see cref="Invalidate"/>; the copy
/// also expires after <see cref="MaxAge"/>, so a second app instance catches up on its own.
/// </summary>
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private long _generation;
    private Cached? _cached;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        var cached = Volatile.Read(ref _cached);
        // Read before the query: a change saved meanwhile leaves this copy one generation behind, so it is read again next time.
        var generation = Interlocked.Read(ref _generation);
        var now = time.GetUtcNow();
        if (cached is not null && cached.Generation == generation && now - cached.ReadAt < MaxAge)
        {
            return cached.Calendar;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
        // The whole table is the calendar itself (a few dozen rows a year), not an aggregate.
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(days);
        Volatile.Write(ref _cached, new Cached(calendar, generation, now));
        return calendar;
    }

    /// <summary>Forgets the copy in memory: the next <see cref="GetAsync"/> reads the database.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Cached(WorkingCalendar Calendar, long Generation, DateTimeOffset ReadAt);
}
