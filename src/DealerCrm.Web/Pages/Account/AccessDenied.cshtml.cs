using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages.Account;

/// <summary>
/// Identity's access-denied address. Refusals normally render the 403 page in place
/// (see the cookie events); this page serves anyone who lands here directly, with status 403.
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
