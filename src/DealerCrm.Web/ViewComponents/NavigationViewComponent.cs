using DealerCrm.Web.Infrastructure.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DealerCrm.Web.ViewComponents;

/// <summary>Renders the navigation links the signed-in user may follow.</summary>
public sealed class NavigationViewComponent(IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var visible = new List<NavItem>();
        foreach (var item in NavigationMenu.Items)
        {
            if ((await authorization.AuthorizeAsync(UserClaimsPrincipal, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return View(visible);
    }
}
