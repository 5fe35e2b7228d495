using DealerCrm.Domain.Common;
using DealerCrm.Domain.Duties;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.ViewComponents;

/// <summary>An open duty on a customer's file: what, due when, whose (null: waiting in its role's pool).</summary>
public sealed record CustomerDuty(long Id, FollowUpKind Kind, DateTime DueUtc, string? OwnerName, string OwnerRole);

public sealed record CustomerDuties(IReadOnlyList<CustomerDuty> Items, DateTime NowUtc);

/// <summary>
/// The open and upcoming follow-ups at the top of a customer's page, those the user may see by the
/// duty access rule (<see cref="DutyRule.See"/>, applied in SQL): an overdue first call is not hidden
/// from whoever opens the file and may act on it.
/// </summary>
public sealed class CustomerDutiesViewComponent(DealerCrmDbContext db, IAuthorizationService authorization, DealershipClock clock) : ViewComponent
{
    public const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync(int customerId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.FollowUpsView)).Succeeded)
        {
            return Content("");
        }

        var viewer = UserClaimsPrincipal.DutyViewer(FollowUpDuty.Access);
        var items = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.CustomerId == customerId && t.Status == FollowUpStatus.Open)
            .Where(FollowUpDuty.Access.For(DutyRule.See, viewer))
            .OrderBy(t => t.DueUtc).ThenBy(t => t.Id).Take(Shown)
            .Select(t => new CustomerDuty(t.Id, t.Kind, t.DueUtc, db.Users.Where(u => u.Id == t.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(), t.OwnerRole))
            .ToListAsync(HttpContext.RequestAborted);
        return items.Count == 0 ? Content("") : View(new CustomerDuties(items, clock.UtcNow));
    }
}
