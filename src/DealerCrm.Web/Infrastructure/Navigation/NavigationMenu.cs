using DealerCrm.Web.Infrastructure.Auth;

namespace DealerCrm.Web.Infrastructure.Navigation;

/// <summary>
/// One link of the main navigation; shown only to users its page's policy admits, with an optional
/// count badge. Links of one <see cref="Group"/> share a drop-down menu when a user may follow two
/// or more of them (a manager's navigation would otherwise run past the bar's width).
/// </summary>
public sealed record NavItem(string TextKey, string Page, string Policy, string Icon, string? Badge = null, string? Group = null);

/// <summary>A number shown beside a navigation link (e.g. follow-ups due now), named by <see cref="NavItem.Badge"/>.</summary>
public interface INavBadgeSource
{
    string Name { get; }

    Task<int> CountAsync(CancellationToken cancellationToken);
}

/// <summary>The site's navigation, in the order staff see it.</summary>
public static class NavigationMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Nav.Home", "/Index", Policies.Staff, "bi-house"),
        new("Nav.Cockpit", "/Cockpit/Index", Policies.Cockpit, "bi-speedometer2"),
        new("Nav.FollowUps", "/FollowUps/Index", Policies.FollowUpsWork, "bi-telephone-outbound", Badge: "FollowUps"),
        new("Nav.Customers", "/Customers/Index", Policies.CustomersRead, "bi-person-vcard"),
        new("Nav.Complaints", "/Complaints/Index", Policies.ComplaintsView, "bi-exclamation-octagon", Group: "Complaints"),
        new("Nav.ComplaintsAnalysis", "/Complaints/Analysis", Policies.ComplaintsAnalysis, "bi-bar-chart", Group: "Complaints"),
        new("Nav.FollowUpsOverview", "/FollowUps/Overview", Policies.FollowUpsReports, "bi-graph-up"),
        new("Nav.Letters", "/Letters/Batch", Policies.LettersPrint, "bi-envelope-paper"),
        new("Nav.Lounge", "/Lounge/Index", Policies.LoungeRecord, "bi-cup-hot", Group: "Lounge"),
        new("Nav.LoungeFines", "/Lounge/Fines", Policies.LoungeManage, "bi-cash-coin", Group: "Lounge"),
        new("Nav.LoungeOverview", "/Lounge/Overview", Policies.LoungeManage, "bi-bar-chart", Group: "Lounge"),
        new("Nav.MyFines", "/Lounge/MyFines", Policies.Staff, "bi-receipt", Group: "Lounge"),
        new("Nav.Csi", "/Csi/Index", Policies.CsiDashboard, "bi-emoji-smile", Group: "Csi"),
        new("Nav.CsiSurveys", "/Csi/Surveys/Index", Policies.CsiSurveys, "bi-clipboard-check", Group: "Csi"),
        new("Nav.CsiMyScores", "/Csi/MyScores", Policies.CsiOwnScores, "bi-star-half", Group: "Csi"),
        new("Nav.PrivacyLog", "/Privacy/RevealLog", Policies.PrivacyRead, "bi-shield-lock"),
        new("Nav.Users", "/Admin/Users/Index", Policies.Admin, "bi-people", Group: "Admin"),
        new("Nav.LetterTemplate", "/Admin/LetterTemplate/Index", Policies.Admin, "bi-file-earmark-text", Group: "Admin"),
        new("Nav.Calendar", "/Admin/Calendar/Index", Policies.Admin, "bi-calendar3", Group: "Admin"),
        new("Nav.Settings", "/Admin/Settings/Index", Policies.Admin, "bi-sliders", Group: "Admin"),
        new("Nav.Jobs", "/Admin/Jobs/Index", Policies.Admin, "bi-gear-wide-connected", Group: "Admin"),
    ];
}
