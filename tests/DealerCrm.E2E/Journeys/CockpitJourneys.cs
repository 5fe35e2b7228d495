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
        await page.GotoAsync("/Cockpit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "经营驾驶舱", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-rates[data-chart-ready='true']")).ToBeAttachedAsync();
        await page.AssertAccessibleAsync();

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
}
