using DealerCrm.Web.Infrastructure.Auth;

namespace DealerCrm.Web.Infrastructure.Navigation;

/// <summary>One link of the main navigation; shown only to users its page's policy admits.</summary>
public sealed record NavItem(string TextKey, string Page, string Policy, string Icon);

/// <summary>The site's navigation, in the order staff see it.</summary>
public static class NavigationMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Nav.Home", "/Index", Policies.Staff, "bi-house"),
        new("Nav.Customers", "/Customers/Index", Policies.CustomersRead, "bi-person-vcard"),
        new("Nav.PrivacyLog", "/Privacy/RevealLog", Policies.PrivacyRead, "bi-shield-lock"),
        new("Nav.Users", "/Admin/Users/Index", Policies.Admin, "bi-people"),
        new("Nav.Settings", "/Admin/Settings/Index", Policies.Admin, "bi-sliders"),
    ];
}
