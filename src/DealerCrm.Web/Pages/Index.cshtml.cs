using DealerCrm.Domain.Common;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages;

/// <summary>The home page: each role's work for today and the places it may go.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(IAuthorizationService authorization, DealershipClock clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<string> MyRoles { get; private set; } = [];

    public IReadOnlyList<NavItem> Shortcuts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Today = clock.Today;
        MyRoles = Roles.All.Where(User.IsInRole).ToList();
        var shortcuts = new List<NavItem>();
        foreach (var item in NavigationMenu.Items.Where(i => i.Page != "/Index"))
        {
            if ((await authorization.AuthorizeAsync(User, item.Policy)).Succeeded)
            {
                shortcuts.Add(item);
            }
        }

        Shortcuts = shortcuts;
    }
}
