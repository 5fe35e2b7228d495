using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.FollowUps;

/// <summary>The follow-up queue: overdue, due today, upcoming; pool tasks can be claimed from here.</summary>
[Authorize(Policy = Policies.FollowUpsWork)]
public sealed class IndexModel(
    DealerCrmDbContext db,
    FollowUpWorklist queue,
    IAuthorizationService authorization,
    DealershipClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public QueueTab Tab { get; set; } = QueueTab.Today;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public QueueCounts Counts { get; private set; } = new(0, 0, 0);

    public PagedList<Row> Tasks { get; private set; } = null!;

    public DateTime NowUtc { get; private set; }

    public sealed record Row(long Id, FollowUpKind Kind, DateTime DueUtc, DateTime ActionableFromUtc, int Attempts, string? OwnerUserId, string OwnerRole,
        int CustomerId, string CustomerName, string CustomerNumber, string? Vehicle, string? Plate, bool CustomerUnhappy);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await queue.CountsAsync(User, cancellationToken);
        // Open on the first tab that holds work, unless the user chose one.
        if (!Request.Query.ContainsKey("tab"))
        {
            Tab = Counts.Overdue > 0 ? QueueTab.Overdue : Counts.Today > 0 ? QueueTab.Today : QueueTab.Upcoming;
        }

        NowUtc = clock.UtcNow;
        // The tab is counted up to the cap, and the list pages no further: past the first hundred
        // tasks due, the next ones appear as the first are worked.
        var total = Counts.Of(Tab);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await queue.InDueOrder(User, Tab, (page - 1) * PageSize, PageSize)
            .Join(db.Customers, t => t.CustomerId, c => c.Id, (t, c) => new { t, c })
            .OrderBy(x => x.t.DueUtc).ThenBy(x => x.t.Id)
            .Select(x => new Row(x.t.Id, x.t.Kind, x.t.DueUtc, x.t.ActionableFromUtc, x.t.Attempts, x.t.OwnerUserId, x.t.OwnerRole,
                x.c.Id, x.c.Name, x.c.Number,
                db.Vehicles.Where(v => v.Id == x.t.VehicleId).Select(v => v.Model).FirstOrDefault(),
                db.Vehicles.Where(v => v.Id == x.t.VehicleId).Select(v => v.Plate).FirstOrDefault(),
                x.t.CustomerUnhappy))
            .ToListAsync(cancellationToken);
        Tasks = new PagedList<Row> { Items = rows, Page = page, PageSize = PageSize, TotalCount = total, TotalIsCapped = true };
        return Page();
    }

    /// <summary>Takes a pool task from the list; a colleague who was quicker is named.</summary>
    public async Task<IActionResult> OnPostClaimAsync(long id, CancellationToken cancellationToken)
    {
        var result = await FollowUpClaim.TryAsync(db, authorization, id, User, clock, l, cancellationToken);
        TempData["Flash"] = result.Message;
        return result.Claimed ? RedirectToPage("Details", new { id, tab = Tab }) : RedirectToPage(new { tab = Tab });
    }
}
