using DealerCrm.Domain.Common;
using DealerCrm.Domain.Jobs;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Pages.Lounge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Jobs;

/// <summary>
/// The lounge's time rules on the job host: opens the day's sheet (the duty), and settles each
/// past day's sheet once its day is over: every counted item short of its minimum becomes a
/// violation of the day's attendant with its fine and a notice to them. Idempotent: a settled sheet is closed in the same save (and
/// versioned), a shortfall's key and a fine's check are unique. A sheet that cannot be settled is
/// set aside and the job goes on with the next.
/// </summary>
public sealed class LoungeJob(
    DealerCrmDbContext db,
    LoungeBook book,
    DealershipClock clock,
    IOptions<LoungePolicy> policy,
    ILogger<LoungeJob> logger) : IPeriodicJob
{
    public const string Name = "Lounge";

    public const string Source = "LoungeSheet";

    /// <summary>Past sheets settled per run; a backlog (the site was down for days) drains over runs.</summary>
    public const int BatchSize = 60;

    public sealed record Result(int Settled, int Fines, int SetAside);

    async Task IPeriodicJob.RunOnceAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    public async Task<Result> RunOnceAsync(CancellationToken cancellationToken)
    {
        await OpenTodayAsync(cancellationToken);

        var today = clock.Today;
        var blocked = await db.SetAsideRows.AsNoTracking()
            .Where(r => r.Job == Name && r.Source == Source && r.Status == SetAsideStatus.SetAside)
            .Select(r => r.SourceId).ToListAsync(cancellationToken);
        var due = await db.LoungeSheets.AsNoTracking()
            .Where(s => s.ClosedUtc == null && s.Day < today && !blocked.Contains(s.Id))
            .OrderBy(s => s.Day).Select(s => s.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);

        int settled = 0, fines = 0, setAside = 0;
        foreach (var id in due)
        {
            try
            {
                fines += await SettleAsync(id, cancellationToken);
                settled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                logger.LogWarning(e, "Lounge job: sheet {SheetId} set aside", id);
                await SetAsideAsync(id, e, cancellationToken);
                setAside++;
            }
        }

        if (settled + setAside > 0)
        {
            logger.LogInformation("Lounge job: {Settled} sheets settled, {Fines} fines, {SetAside} set aside", settled, fines, setAside);
        }

        return new Result(settled, fines, setAside);
    }

    /// <summary>Today's sheet exists from the start of the day (two instances racing meet the unique day).</summary>
    private async Task OpenTodayAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        if (await db.LoungeSheets.AnyAsync(s => s.Day == today, cancellationToken))
        {
            return;
        }

        db.LoungeSheets.Add(new LoungeSheet(today, clock.UtcNow));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened meanwhile by the page or another instance.
        }

        db.ChangeTracker.Clear();
    }

    private async Task<int> SettleAsync(long sheetId, CancellationToken cancellationToken)
    {
        var sheet = await db.LoungeSheets.SingleAsync(s => s.Id == sheetId, cancellationToken);
        var counted = (await db.LoungeItems.AsNoTracking().Where(i => i.CountRule != LoungeCountRule.None).ToListAsync(cancellationToken))
            .Where(i => LoungeRules.InUseOn(i, sheet.Day, clock)).ToList();
        var cleanings = await db.LoungeChecks
            .Where(c => c.SheetId == sheetId && c.Kind == LoungeCheckKind.Cleaning)
            .GroupBy(c => c.ItemId)
            .Select(g => new { ItemId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ItemId, g => g.Count, cancellationToken);

        // A day nobody took has no one to fine: the overview lists it among the days without a completed sheet.
        var fines = 0;
        // The shortfall is stamped in the last second of its day, so the day's lists and months hold it.
        var at = sheet.DeadlineUtc(clock).AddSeconds(-1);
        if (sheet.AttendantUserId is { } attendant)
        {
            foreach (var shortfall in LoungeRules.Shortfalls(counted, cleanings, policy.Value))
            {
                var item = counted.Single(i => i.Id == shortfall.ItemId);
                var key = LoungeCheck.ShortfallKey(sheet.Day, item.Id);
                if (await db.LoungeChecks.AnyAsync(c => c.Key == key, cancellationToken))
                {
                    continue;
                }

                var check = LoungeCheck.Shortfall(sheet, item, at, attendant, shortfall.Done, shortfall.Minimum);
                db.LoungeChecks.Add(check);
                if (await book.FineAsync(check, sheet, item, cancellationToken) is not null)
                {
                    fines++;
                }
            }
        }
        sheet.Close(clock.UtcNow);
        if (await db.SetAsideRows.SingleOrDefaultAsync(r => r.Job == Name && r.Source == Source && r.SourceId == sheetId, cancellationToken) is { } retried)
        {
            retried.Resolve(clock.UtcNow);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return fines;
    }

    private async Task SetAsideAsync(long sheetId, Exception error, CancellationToken cancellationToken)
    {
        var reason = $"{error.GetType().Name}: {error.Message}";
        var row = await db.SetAsideRows.SingleOrDefaultAsync(r => r.Job == Name && r.Source == Source && r.SourceId == sheetId, cancellationToken);
        if (row is null)
        {
            db.SetAsideRows.Add(new SetAsideRow(Name, Source, sheetId, reason, clock.UtcNow));
        }
        else
        {
            row.Fail(reason, clock.UtcNow);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
