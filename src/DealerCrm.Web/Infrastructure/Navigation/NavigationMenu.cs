using DealerCrm.Web.Infrastructure.Auth;

namespace DealerCrm.Web.Infrastructure.Navigation;

/// <summary>One link of the main navigation; shown only to users its page's policy admits, with an optional count badge.</summary>
public sealed record NavItem(string TextKey, string Page, string Policy, string Icon, string? Badge = null);

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
        new("Nav.Complaints", "/Complaints/Index", Policies.ComplaintsView, "bi-exclamation-octagon"),
        new("Nav.ComplaintsAnalysis", "/Complaints/Analysis", Policies.ComplaintsAnalysis, "bi-bar-chart"),
        new("Nav.FollowUpsOverview", "/FollowUps/Overview", Policies.FollowUpsReports, "bi-graph-up"),
        new("Nav.Letters", "/Letters/Batch", Policies.LettersPrint, "bi-envelope-paper"),
        new("Nav.Lounge", "/Lounge/Index", Policies.LoungeRecord, "bi-cup-hot"),
        new("Nav.LoungeFines", "/Lounge/Fines", Policies.LoungeManage, "bi-cash-coin"),
        new("Nav.LoungeOverview", "/Lounge/Overview", Policies.LoungeManage, "bi-bar-chart"),
        new("Nav.MyFines", "/Lounge/MyFines", Policies.Staff, "bi-receipt"),
        new("Nav.Csi", "/Csi/Index", Policies.CsiDashboard, "bi-emoji-smile"),
        new("Nav.CsiSurveys", "/Csi/Surveys/Index", Policies.CsiSurveys, "bi-clipboard-check"),
        new("Nav.CsiMyScores", "/Csi/MyScores", Policies.CsiOwnScores, "bi-star-half"),
        new("Nav.PrivacyLog", "/Privacy/RevealLog", Policies.PrivacyRead, "bi-shield-lock"),
        new("Nav.Users", "/Admin/Users/Index", Policies.Admin, "bi-people"),
        new("Nav.LetterTemplate", "/Admin/LetterTemplate/Index", Policies.Admin, "bi-file-earmark-text"),
        new("Nav.Calendar", "/Admin/Calendar/Index", Policies.Admin, "bi-calendar3"),
        new("Nav.Settings", "/Admin/Settings/Index", Policies.Admin, "bi-sliders"),
        new("Nav.Jobs", "/Admin/Jobs/Index", Policies.Admin, "bi-gear-wide-connected"),
    ];
}
