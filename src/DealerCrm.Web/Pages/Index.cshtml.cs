using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Reporting;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Pages.FollowUps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages;

/// <summary>The home page: each role's work for today and the places it may go; the general manager and the CS director go to the cockpit.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(IAuthorizationService authorization, FollowUpWorklist worklist, FollowUpStats stats, DealershipClock clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<string> MyRoles { get; private set; } = [];

    public IReadOnlyList<NavItem> Shortcuts { get; private set; } = [];

    /// <summary>The user's follow-up queue, when they make calls.</summary>
    public QueueCounts? FollowUps { get; private set; }

    /// <summary>This week's return-visit rates, for managers.</summary>
    public FollowUpRates? WeekRates { get; private set; }

    public bool MaySearchCustomers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today;
        MyRoles = Roles.All.Where(User.IsInRole).ToList();
        if (CockpitScope.IsHomeFor(MyRoles))
        {
            return RedirectToPage("/Cockpit/Index");
        }

        var shortcuts = new List<NavItem>();
        foreach (var item in NavigationMenu.Items.Where(i => i.Page != "/Index"))
        {
            if (await AllowedAsync(item.Policy))
            {
                shortcuts.Add(item);
            }
        }

        Shortcuts = shortcuts;
        MaySearchCustomers = await AllowedAsync(Policies.CustomersRead);
        if (await AllowedAsync(Policies.FollowUpsWork))
        {
            FollowUps = await worklist.CountsAsync(User, cancellationToken);
        }

        if (await AllowedAsync(Policies.FollowUpsManage))
        {
            WeekRates = await stats.TotalAsync(stats.DueIn(FollowUpStats.WeekStart(Today), Today), cancellationToken);
        }

        return Page();
    }

    private async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
