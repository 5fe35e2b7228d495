using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>A month's days so far (up to yesterday), with how many had a completed sheet.</summary>
public sealed record LoungeMonthDays(int Month, int Days, int Completed)
{
    public int Missing => Days - Completed;
}

/// <summary>A month's violations (one fine each) and the fines still due and waived.</summary>
public sealed record LoungeMonthFines(int Month, int Violations, long DueFen, long WaivedFen)
{
    public Money Due => new(DueFen);
}

/// <summary>
/// The lounge's monthly figures, counted in SQL, for the lounge overview and the managers'
/// cockpit alike, so a month reads the same on both.
/// </summary>
public sealed class LoungeFigures(DealerCrmDbContext db, DealershipClock clock)
{
    /// <summary>The days of <paramref name="month"/> (yyyymm) before today, and how many of them had a completed sheet.</summary>
    public async Task<LoungeMonthDays> DaysAsync(int month, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var start = new DateOnly(month / 100, month % 100, 1);
        var end = start.AddMonths(1) < today ? start.AddMonths(1) : today;
        var completed = await db.LoungeSheets.CountAsync(s => s.Day >= start && s.Day < end && s.CompletedUtc != null, cancellationToken);
        return new LoungeMonthDays(month, Math.Max(0, end.DayNumber - start.DayNumber), completed);
    }

    /// <summary>The month's totals over the ledger's per-person sums (<see cref="FineLedger.TotalsAsync"/>, one row a person).</summary>
    public async Task<LoungeMonthFines> FinesAsync(int month, CancellationToken cancellationToken)
    {
        var people = await FineLedger.TotalsAsync(db.LoungeFines.AsNoTracking().Where(f => f.Month == month), cancellationToken);
        return new LoungeMonthFines(month, people.Sum(p => p.Count), people.Sum(p => p.DueFen), people.Sum(p => p.WaivedFen));
    }

    public int ThisMonth => LoungeFine.MonthOf(clock.Today);
}
