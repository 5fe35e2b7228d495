using DealerCrm.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>The general manager reads the cockpit, changes its period and follows a figure to the list behind it.</summary>
public sealed class CockpitJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(820, 1180, "tablet")]
    public async Task The_general_manager_changes_the_period_and_follows_the_deliveries_to_their_list(int width, int height, string size)
    {
        var page = await site.NewPageAsync(width, height);
        await page.SignInAsync("generalmanager@demo.local");
        // The general manager's home is the cockpit.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cockpit$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "经营驾驶舱", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-rates[data-chart-ready='true']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#chart-tiers[data-chart-ready='true']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#chart-csi[data-chart-ready='true']")).ToBeAttachedAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"cockpit-week-{size}");

        // A complaint figure leads to the list it counted.
        var open = await page.GetByTestId("kpi-complaints-open-value").InnerTextAsync();
        await page.GetByTestId("kpi-complaints-open").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Complaints$"));
        await Assertions.Expect(page.GetByTestId("complaints").Locator("tbody tr")).ToHaveCountAsync(Math.Min(int.Parse(open, System.Globalization.CultureInfo.InvariantCulture), 25));
        await page.GoBackAsync();

        // The period picker: this month, kept in the URL.
        await page.GetByLabel("统计周期").SelectOptionAsync("本月");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("period=Month"));
        await Assertions.Expect(page.GetByLabel("统计周期")).ToHaveValueAsync("Month");
        await Assertions.Expect(page.Locator("#chart-growth[data-chart-ready='true']")).ToBeAttachedAsync();
        await page.ScreenshotAsync($"cockpit-month-{size}");

        var deliveries = await page.GetByTestId("kpi-deliveries-value").InnerTextAsync();
        await page.GetByTestId("kpi-deliveries").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "交车明细", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("activity").Locator("tbody tr")).ToHaveCountAsync(Math.Min(int.Parse(deliveries, System.Globalization.CultureInfo.InvariantCulture), 50));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"cockpit-deliveries-{size}");

        // A period the wrong way round says so and keeps what was typed.
        await page.GotoAsync("/Cockpit");
        await page.GetByLabel("统计周期").SelectOptionAsync("自定义");
        await page.GetByLabel("自定义开始日期").FillAsync("2026-11-20");
        await page.GetByLabel("自定义结束日期").FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("period-error")).ToContainTextAsync("开始日期须早于结束日期");
        await Assertions.Expect(page.GetByLabel("自定义开始日期")).ToHaveValueAsync("2026-11-20");
    }

    [Fact]
    public async Task The_department_manager_reads_their_departments_complaints_and_scores_and_follows_a_case()
    {
        var page = await site.NewPageAsync(1280, 900);
        await page.SignInAsync("departmentmanager@demo.local");
        await page.GotoAsync("/Cockpit");
        await Assertions.Expect(page.GetByTestId("cockpit-department")).ToContainTextAsync("售后服务部");
        await Assertions.Expect(page.Locator("#chart-csi[data-chart-ready='true']")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("kpi-return-visit")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("cockpit-department");

        await page.GetByTestId("kpi-complaints-open").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("department=Service"));
        await Assertions.Expect(page.Locator("#department")).ToHaveValueAsync("Service");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_cs_directors_home_is_the_cockpit_led_by_todays_work()
    {
        var page = await site.NewPageAsync(1280, 900);
        await page.SignInAsync("csdirector@demo.local");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "今日客服工作", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("home-pool-counts")).ToContainTextAsync("逾期");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("cockpit-cs-director");
    }
}
