using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.ViewComponents;

/// <summary>Today's lounge sheet in a line, on the lounge attendant's home page, linking to it.</summary>
public sealed class LoungeTodayViewComponent(DealerCrmDbContext db, DealershipClock clock, IOptions<LoungePolicy> policy) : ViewComponent
{
    public sealed record Summary(int Checked, int ToCheck, IReadOnlyList<(int Position, CountTally Tally)> Counts, bool Completed);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!HttpContext.User.IsInRole(Roles.LoungeAttendant))
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        var today = clock.Today;
        var items = (await db.LoungeItems.AsNoTracking().ToListAsync(cancellationToken)).Where(i => LoungeRules.InUseOn(i, today, clock)).ToList();
        var sheet = await db.LoungeSheets.AsNoTracking().Where(s => s.Day == today).Select(s => new { s.Id, s.CompletedUtc }).SingleOrDefaultAsync(cancellationToken);
        var byItem = sheet is null
            ? []
            : await db.LoungeChecks.Where(c => c.SheetId == sheet.Id).GroupBy(c => new { c.ItemId, c.Kind })
                .Select(g => new { g.Key.ItemId, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        var cleanings = byItem.Where(x => x.Kind == LoungeCheckKind.Cleaning).ToDictionary(x => x.ItemId, x => x.Count);
        var missing = LoungeRules.MissingChecks(items, byItem.Where(x => x.Kind == LoungeCheckKind.Check).Select(x => x.ItemId));
        var plain = items.Count(i => !i.IsCounted);
        var positions = items.ToDictionary(i => i.Id, i => i.Position);
        var counts = LoungeRules.Tally(items, cleanings, policy.Value).Select(t => (positions[t.ItemId], t)).ToList();
        return View(new Summary(plain - missing.Count, plain, counts, sheet?.CompletedUtc is not null));
    }
}
