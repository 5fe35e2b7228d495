using DealerCrm.Domain.Complaints;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>The customer file's complaints section: the customer's cases, newest first, for those who may read complaints.</summary>
public sealed class CustomerComplaintsViewComponent(DealerCrmDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public const int Shown = 20;

    public sealed record Row(int Id, string Number, DateTime ReceivedUtc, ComplaintCategory Category, int Tier, ComplaintStatus Status);

    public sealed record Model(int CustomerId, IReadOnlyList<Row> Rows);

    public async Task<IViewComponentResult> InvokeAsync(int customerId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.ComplaintsView)).Succeeded)
        {
            return Content("");
        }

        var me = UserClaimsPrincipal.UserId();
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.CustomerId == customerId && (c.ConcernedUserId == null || c.ConcernedUserId != me))
            .OrderByDescending(c => c.ReceivedUtc).Take(Shown)
            .Select(c => new Row(c.Id, c.Number, c.ReceivedUtc, c.Category, c.Tier, c.Status))
            .ToListAsync(HttpContext.RequestAborted);
        return View(new Model(customerId, rows));
    }
}
