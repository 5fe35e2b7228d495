using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;

namespace DealerCrm.Web.Tests.Cockpit;

/// <summary>The cockpit's complaint, satisfaction and lounge figures read as on their own pages; each reader sees their own scope.</summary>
public sealed partial class CockpitTests
{
    [Fact]
    public async Task Complaints_open_late_and_near_the_limit_are_the_rows_of_the_lists_they_link_to()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        var cockpit = await manager.GetHtmlAsync("/Cockpit");
        foreach (var kpi in new[] { "kpi-complaints-open", "kpi-complaints-late", "kpi-complaints-near-limit" })
        {
            var link = WebUtility.HtmlDecode(Html.Element(cockpit, kpi).GetAttribute("href")!);
            Assert.StartsWith("/Complaints", link, StringComparison.Ordinal);
            Assert.Equal(Capped(Number(Html.TextOf(cockpit, kpi + "-value"))), await ListCountAsync(manager, link));
        }

        Assert.True(Number(Html.TextOf(cockpit, "kpi-complaints-open-value")) > 0, "The demo has open complaints.");
        var byTier = Enumerable.Range(1, 3).Sum(t => Number(Html.TextOf(cockpit, $"open-tier-{t}")));
        Assert.Equal(Number(Html.TextOf(cockpit, "kpi-complaints-open-value")), byTier);
    }

    [Fact]
    public async Task The_periods_complaints_time_to_close_and_share_escalated_are_the_analysis_pages_for_the_same_days()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var cockpit = await manager.GetHtmlAsync("/Cockpit?period=Quarter");
        var link = WebUtility.HtmlDecode(Html.Element(cockpit, "kpi-complaints-received").GetAttribute("href")!);
        Assert.StartsWith("/Complaints/Analysis?from=", link, StringComparison.Ordinal);
        var analysis = await manager.GetHtmlAsync(link);

        Assert.Equal(Html.TextOf(analysis, "total"), Html.TextOf(cockpit, "kpi-complaints-received-value"));
        Assert.True(Number(Html.TextOf(analysis, "total")) > 0, "The demo's quarter has complaints.");
        Assert.Equal(Decimal(Html.TextOf(analysis, "mean")), Math.Round(Decimal(Html.TextOf(cockpit, "kpi-complaints-mean-value")), 1));
        Assert.Equal(Decimal(Html.TextOf(analysis, "p90")), Math.Round(Decimal(Html.TextOf(cockpit, "kpi-complaints-p90-value")), 1));
        Assert.Equal(Decimal(Html.TextOf(analysis, "escalated")), Math.Round(Decimal(Html.TextOf(cockpit, "kpi-complaints-escalated-value")), 0));
    }

    [Fact]
    public async Task Csi_and_ssi_this_month_and_over_the_year_are_the_dashboards()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        var cockpit = await manager.GetHtmlAsync("/Cockpit");
        foreach (var program in new[] { "Csi", "Ssi" })
        {
            var key = program.ToLowerInvariant();
            var dashboard = await manager.GetHtmlAsync($"/Csi?program={program}");
            Assert.Equal($"/Csi?program={program}", Html.Element(cockpit, $"kpi-{key}-index").GetAttribute("href"));
            Assert.Equal(Html.TextOf(dashboard, "kpi-index"), Html.TextOf(cockpit, $"kpi-{key}-index-value"));
            Assert.Equal(Decimal(Html.TextOf(dashboard, "kpi-satisfaction")), Decimal(Html.TextOf(cockpit, $"kpi-{key}-satisfaction-value")));
            Assert.Equal(Html.TextOf(dashboard, "kpi-alerts"), Html.TextOf(cockpit, $"kpi-{key}-alerts-value"));

            // The weakest factor is the dashboard's lowest-scoring row.
            var factors = Html.Parse(dashboard).QuerySelectorAll("[data-testid='table-factors'] tbody tr")
                .Select(r => (Name: r.QuerySelector("th")!.TextContent.Trim(), Score: Decimal(r.QuerySelectorAll("td")[^1].TextContent)))
                .ToList();
            Assert.NotEmpty(factors);
            Assert.Contains(factors.MinBy(f => f.Score).Name, Html.TextOf(cockpit, $"{key}-weakest"), StringComparison.Ordinal);
        }

        Assert.Contains("服务顾问", Html.TextOf(cockpit, "csi-by-staff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lounge_this_month_is_the_overviews_days_and_the_fine_ledgers_total()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        var cockpit = await manager.GetHtmlAsync("/Cockpit");
        var overview = await manager.GetHtmlAsync("/Lounge/Overview");
        var thisMonth = Html.Parse(overview).QuerySelectorAll("[data-testid='days-table'] tbody tr")[^1];
        Assert.Equal(thisMonth.QuerySelectorAll("td")[^1].TextContent.Trim(), Html.TextOf(cockpit, "kpi-lounge-missing-value"));

        var ledger = await manager.GetHtmlAsync(WebUtility.HtmlDecode(Html.Element(cockpit, "kpi-lounge-fines").GetAttribute("href")!));
        Assert.Equal(Html.TextOf(ledger, "sum-due"), Html.TextOf(cockpit, "kpi-lounge-fines-value"));
        var count = Html.Parse(ledger).QuerySelector("[data-testid='totals'] tfoot td")!.TextContent.Trim();
        Assert.Equal(count, Html.TextOf(cockpit, "kpi-lounge-violations-value"));
    }

    [Fact]
    public async Task A_department_manager_sees_their_departments_complaints_and_its_peoples_scores_only()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.DepartmentManager);
        var cockpit = await manager.GetHtmlAsync("/Cockpit");
        Assert.Contains("售后服务", Html.TextOf(cockpit, "cockpit-department"), StringComparison.Ordinal);
        Assert.False(Html.Has(cockpit, "kpi-return-visit"));
        Assert.False(Html.Has(cockpit, "kpi-lounge-missing"));
        Assert.False(Html.Has(cockpit, "kpi-deliveries"));
        Assert.True(Html.Has(cockpit, "kpi-csi-index"));
        Assert.False(Html.Has(cockpit, "kpi-ssi-index"));
        // The CSI dashboard is not theirs to open: the figure is shown, not linked.
        Assert.Null(Html.Element(cockpit, "kpi-csi-index").GetAttribute("href"));

        var open = WebUtility.HtmlDecode(Html.Element(cockpit, "kpi-complaints-open").GetAttribute("href")!);
        Assert.Contains("department=Service", open, StringComparison.Ordinal);
        Assert.Equal(Capped(Number(Html.TextOf(cockpit, "kpi-complaints-open-value"))), await ListCountAsync(manager, open));
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var all = Number(Html.TextOf(await director.GetHtmlAsync("/Cockpit"), "kpi-complaints-open-value"));
        Assert.True(Number(Html.TextOf(cockpit, "kpi-complaints-open-value")) < all, "Service's open cases are some of the dealership's.");

        var pdf = await manager.GetAsync("/Cockpit?handler=Pack");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
    }

    [Fact]
    public async Task A_department_manager_without_a_department_is_told_to_ask_the_administrator()
    {
        await factory.CreateUserAsync("nodeptmanager", "无部门经理", Roles.DepartmentManager);
        using var manager = await factory.SignInAsync("nodeptmanager");
        var cockpit = await manager.GetHtmlAsync("/Cockpit");
        Assert.Contains("系统管理员", Html.TextOf(cockpit, "cockpit-no-department"), StringComparison.Ordinal);
        Assert.False(Html.Has(cockpit, "kpi-complaints-open"));

        // The administrator gives them the sales department; their cockpit follows.
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var id = await CustomerTestData.UserIdAsync(factory, "nodeptmanager");
        var edit = await admin.GetHtmlAsync($"/Admin/Users/Edit/{id}");
        using var saved = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", new()
        {
            ["Input.DisplayName"] = "无部门经理",
            ["Input.Email"] = "nodeptmanager@test.local",
            ["Input.PhoneNumber"] = "13900000000",
            ["Input.Roles"] = Roles.DepartmentManager,
            ["Input.ManagedDepartment"] = "Sales",
            ["Input.ConcurrencyStamp"] = Html.InputValue(edit, "Input.ConcurrencyStamp")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Sales", Html.SelectedValue(await admin.GetHtmlAsync($"/Admin/Users/Edit/{id}"), "Input.ManagedDepartment"));
        var after = await manager.GetHtmlAsync("/Cockpit");
        Assert.Contains("销售", Html.TextOf(after, "cockpit-department"), StringComparison.Ordinal);
        Assert.True(Html.Has(after, "kpi-ssi-index"));
    }

    [Fact]
    public async Task An_unknown_department_is_refused_with_a_message_and_the_form_kept()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var id = await CustomerTestData.UserIdAsync(factory, "technicaldirector");
        var edit = await admin.GetHtmlAsync($"/Admin/Users/Edit/{id}");
        using var refused = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", new()
        {
            ["Input.DisplayName"] = "王志刚（改）",
            ["Input.Roles"] = Roles.TechnicalDirector,
            ["Input.ManagedDepartment"] = "99",
            ["Input.ConcurrencyStamp"] = Html.InputValue(edit, "Input.ConcurrencyStamp")!,
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        // A value that is no department at all is refused by the binder with its own message beside the field.
        Assert.Contains("“99”不是有效的值", Html.PlainText(html), StringComparison.Ordinal);
        Assert.Equal("王志刚（改）", Html.InputValue(html, "Input.DisplayName"));
    }

    [Theory]
    [InlineData(Roles.GeneralManager, true)]
    [InlineData(Roles.CsDirector, true)]
    [InlineData(Roles.TechnicalDirector, false)]
    [InlineData(Roles.ServiceAdvisor, false)]
    public async Task The_home_page_of_the_general_manager_and_the_cs_director_is_the_cockpit(string role, bool cockpit)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        using var home = await client.GetAsync("/");
        if (cockpit)
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/Cockpit", home.Headers.Location!.OriginalString);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
    }

    [Fact]
    public async Task The_cs_directors_cockpit_leads_with_todays_customer_service_work()
    {
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var html = await director.GetHtmlAsync("/Cockpit");
        Assert.True(Html.Has(html, "home-pool-counts"));
        var sections = Html.Parse(html).QuerySelectorAll("section[aria-labelledby]").Select(s => s.GetAttribute("aria-labelledby")).ToList();
        Assert.Equal(["today-heading", "followups-heading", "complaints-heading", "scores-heading", "lounge-heading", "growth-heading"], sections);
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        Assert.False(Html.Has(await manager.GetHtmlAsync("/Cockpit"), "home-pool-counts"));
    }

    /// <summary>The list's total as it shows it: counted up to <see cref="CappedCount.Limit"/> ("99+" reads as the limit).</summary>
    private static async Task<int> ListCountAsync(SiteClient client, string url)
    {
        var list = await client.GetHtmlAsync(url);
        return Html.Has(list, "complaints-empty") ? 0 : Html.Total(list);
    }

    /// <summary>An exact figure as a list counted up to the limit shows it.</summary>
    private static int Capped(int count) => Math.Min(count, CappedCount.Limit);

    private static int Number(string text) => int.Parse(Regex.Match(text, @"\d+").Value, CultureInfo.InvariantCulture);

    private static decimal Decimal(string text) => decimal.Parse(Regex.Match(text.Replace(",", "", StringComparison.Ordinal), @"\d+(\.\d+)?").Value, CultureInfo.InvariantCulture);
}
