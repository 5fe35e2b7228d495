using DealerCrm.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>Lists and reports on paper: no navigation, filters or buttons, whole tables, each group of a report on its own page.</summary>
public sealed class PrintJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_weekly_report_prints_without_navigation_each_group_on_a_new_page()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("csdirector");
        await page.GotoAsync("/FollowUps/Report");
        await Assertions.Expect(page.GetByTestId("report-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header nav")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await Assertions.Expect(page.Locator("header nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("report-export")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("report-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var breaks = await page.Locator("main section").EvaluateAllAsync<string[]>("sections => sections.map(s => getComputedStyle(s).breakBefore)");
        Assert.Equal(["auto", "page", "page", "auto"], breaks);

        // Chromium's own print: the summary on the first page, the feedback and the results after it.
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Screenshots.Directory, "followups-report-print.pdf"), PreferCSSPageSize = true });
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        var first = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains("回访汇总", first, StringComparison.Ordinal);
        Assert.DoesNotContain("客户反馈", first, StringComparison.Ordinal);
        Assert.DoesNotContain("客户档案", first, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_customer_list_prints_as_a_whole_table_without_the_search_form()
    {
        var page = await site.NewPageAsync(width: 820, height: 1180);
        await page.SignInAsync("csdirector");
        await page.GotoAsync("/Customers");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await Assertions.Expect(page.GetByTestId("customer-search")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header nav")).ToBeHiddenAsync();
        var table = page.GetByTestId("customers-table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        // Not clipped in a scroll box: the table's box is as wide as its content.
        var clipped = await table.EvaluateAsync<bool>("t => { const box = t.closest('.table-responsive'); return box !== null && getComputedStyle(box).overflowX !== 'visible'; }");
        Assert.False(clipped);
        Assert.Equal("table-header-group", await table.Locator("thead").EvaluateAsync<string>("h => getComputedStyle(h).display"));
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Screenshots.Directory, "customers-print.pdf"), PreferCSSPageSize = true });
        await page.Context.CloseAsync();
    }
}
