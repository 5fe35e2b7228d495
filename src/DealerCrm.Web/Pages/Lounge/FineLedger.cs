using DealerCrm.Domain.Lounge;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>One fine as the ledgers show it, traced to its check: the day, the item, what was found, by whom.</summary>
public sealed record FineRow(
    long Id, DateOnly Day, string StaffUserId, long AmountFen, bool Waived, string? WaiveReason, string? WaivedByUserId, DateTime? WaivedUtc,
    long CheckId, LoungeCheckKind Kind, DateTime AtUtc, int ItemPosition, string ItemText, string? Note, int? ButtCount, string? RecordedByUserId);

/// <summary>A person's month: fines, the amount due and the amount waived, summed in SQL.</summary>
public sealed record FineTotal(string StaffUserId, int Month, int Count, long DueFen, long WaivedFen);

/// <summary>The ledger's queries, shared by the managers' ledger, its export and each person's own page.</summary>
public static class FineLedger
{
    public static IQueryable<FineRow> Rows(DealerCrmDbContext db, IQueryable<LoungeFine> fines) =>
        from f in fines
        join c in db.LoungeChecks on f.CheckId equals c.Id
        join i in db.LoungeItems on c.ItemId equals i.Id
        orderby f.Day descending, c.AtUtc descending, f.Id descending
        select new FineRow(f.Id, f.Day, f.StaffUserId, f.AmountFen, f.WaivedUtc != null, f.WaiveReason, f.WaivedByUserId, f.WaivedUtc,
            c.Id, c.Kind, c.AtUtc, i.Position, i.Text, c.Note, c.ButtCount, c.RecordedByUserId);

    public static Task<List<FineTotal>> TotalsAsync(IQueryable<LoungeFine> fines, CancellationToken cancellationToken) =>
        fines.GroupBy(f => new { f.StaffUserId, f.Month })
            .Select(g => new FineTotal(g.Key.StaffUserId, g.Key.Month, g.Count(),
                g.Sum(f => f.WaivedUtc == null ? f.AmountFen : 0L),
                g.Sum(f => f.WaivedUtc != null ? f.AmountFen : 0L)))
            .ToListAsync(cancellationToken);

    public static string MonthText(int month) => $"{month / 100:0000}-{month % 100:00}";

    public static bool TryParseMonth(string? text, out int month)
    {
        month = 0;
        if (text is not { Length: 7 } || text[4] != '-' || !int.TryParse(text[..4], out var year) || !int.TryParse(text[5..], out var m)
            || year < 2000 || year > 2100 || m < 1 || m > 12)
        {
            return false;
        }

        month = (year * 100) + m;
        return true;
    }
}
