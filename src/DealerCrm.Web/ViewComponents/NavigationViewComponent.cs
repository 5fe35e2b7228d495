using DealerCrm.Web.Infrastructure.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DealerCrm.Web.ViewComponents;

/// <summary>A navigation link as shown: the item and its badge count, if it has one.</summary>
public sealed record NavLink(NavItem Item, int? Count);

/// <summary>Renders the navigation links the signed-in user may follow, with their counts.</summary>
public sealed class NavigationViewComponent(IAuthorizationService authorization, IEnumerable<INavBadgeSource> badges) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var visible = new List<NavLink>();
        foreach (var item in NavigationMenu.Items)
        {
            if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, item.Policy)).Succeeded)
            {
                continue;
            }

            var badge = item.Badge is null ? null : badges.FirstOrDefault(b => b.Name == item.Badge);
            visible.Add(new NavLink(item, badge is null ? null : await badge.CountAsync(HttpContext.RequestAborted)));
        }

        return View(visible);
    }
}
