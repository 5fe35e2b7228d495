using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Pages.FollowUps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DealerCrm.Web.ViewComponents;

/// <summary>The shared pools a manager supervises, on their home page: the pools' names and the work waiting in them.</summary>
public sealed record PoolWork(IReadOnlyList<string> Pools, QueueCounts Counts);

/// <summary>
/// A supervisor's home card for the pools they supervise (the CS director: the CS agents' pool).
/// Their own queue is empty of it, since they do not hold the pool's role. The general manager's
/// home is the managers' cockpit's (a later issue), so it is left as it is.
/// </summary>
public sealed class PoolWorkViewComponent(IAuthorizationService authorization, FollowUpWorklist worklist) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = UserClaimsPrincipal;
        var pools = user.DutyViewer(FollowUpDuty.Access).SupervisedPools;
        if (pools.Count == 0 || user.IsInRole(Roles.GeneralManager) || !(await authorization.AuthorizeAsync(user, Policies.FollowUpsManage)).Succeeded)
        {
            return Content("");
        }

        return View(new PoolWork(pools, await worklist.SupervisedPoolCountsAsync(user, HttpContext.RequestAborted)));
    }
}
