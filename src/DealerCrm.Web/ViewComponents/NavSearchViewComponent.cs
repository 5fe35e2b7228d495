using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DealerCrm.Web.ViewComponents;

/// <summary>The customer search box in the navigation, on every page, for those who may search customers.</summary>
public sealed class NavSearchViewComponent(IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.CustomersRead)).Succeeded
            ? View("Default", (string?)HttpContext.Request.Query["q"])
            : Content("");
}
