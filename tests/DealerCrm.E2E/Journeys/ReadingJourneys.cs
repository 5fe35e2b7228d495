using System.Text.RegularExpressions;
using DealerCrm.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>
/// Reading and finding, in the browser: the CS director's home with the shared pool's work, the
/// search box in the navigation, the customer list's page size, a customer's open duties and
/// readable audit trail, the overdue list sorted, the weekly report paged; the service advisor's home.
/// </summary>
public sealed partial class ReadingJourneys(FollowUpSite site) : IClassFixture<FollowUpSite>
{
    [GeneratedRegex(@"/Customers\?q=")]
    private static partial Regex SearchResults();

    [GeneratedRegex(@"/Customers/\d+$")]
    private static partial Regex CustomerPage();

    [Fact]
    public async Task The_cs_director_finds_reads_and_sorts_and_the_service_advisor_sees_their_visits()
    {
        var director = await site.NewPageAsync();
        await director.SignInAsync("csdirector");
        await director.GotoAsync("/");
        await Assertions.Expect(director.GetByTestId("home-pool-counts")).ToContainTextAsync("逾期");
        await director.ScreenshotAsync("reading-home-director");
        await director.AssertAccessibleAsync();

        // The search box of the navigation, from the home page: a customer's surname.
        await director.GetByRole(AriaRole.Searchbox, new() { Name = "搜索客户" }).First.FillAsync("王");
        await director.GetByRole(AriaRole.Searchbox, new() { Name = "搜索客户" }).First.PressAsync("Enter");
        await Assertions.Expect(director).ToHaveURLAsync(SearchResults());
        await Assertions.Expect(director.Locator("#q")).ToHaveValueAsync("王");

        // The whole list, 50 a page, the size kept on the next page.
        await director.GotoAsync("/Customers");
        await director.Locator("#pager-size").SelectOptionAsync("50");
        await director.GetByTestId("pager-size").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(new Regex("size=50"));
        await Assertions.Expect(director.Locator("tbody tr")).ToHaveCountAsync(50);
        await director.GetByTestId("pager-page-2").ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(new Regex("size=50.*p=2|p=2.*size=50"));
        await director.ScreenshotAsync("reading-customers-page-size");
        await director.AssertAccessibleAsync();

        // The overdue list sorted by customer, then the other way round.
        await director.GotoAsync("/FollowUps/Overview");
        await director.GetByTestId("sort-customer").ClickAsync();
        await Assertions.Expect(director.Locator("th[aria-sort='ascending']")).ToContainTextAsync("客户名称");
        await director.GetByTestId("sort-customer").ClickAsync();
        await Assertions.Expect(director.Locator("th[aria-sort='descending']")).ToContainTextAsync("客户名称");
        await director.ScreenshotAsync("reading-overdue-sorted");
        await director.AssertAccessibleAsync();

        // An overdue customer's file: the duty at the top, then the trail as people read it.
        await director.Locator("[data-testid='reassign-form'] tbody tr td:nth-child(4) a").First.ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(CustomerPage());
        await Assertions.Expect(director.GetByTestId("customer-duties")).ToContainTextAsync("逾期");
        await director.ScreenshotAsync("reading-customer-duties");
        // The rest of the customer page is the quality branch's (its icon label, reveal button, card links).
        await director.AssertAccessibleAsync();
        await director.GotoAsync(director.Url + "/Audit");
        await Assertions.Expect(director.GetByTestId("audit-table")).Not.ToContainTextAsync("CustomerId");
        await director.ScreenshotAsync("reading-audit");
        await director.AssertAccessibleAsync();

        await director.GotoAsync("/FollowUps/Report");
        await Assertions.Expect(director.GetByTestId("report-answers")).ToBeVisibleAsync();
        await director.ScreenshotAsync("reading-report");
        await director.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(director));
        await director.Context.CloseAsync();

        var advisor = await site.NewPageAsync(390, 844);
        await advisor.SignInAsync("serviceadvisor");
        await advisor.GotoAsync("/");
        await Assertions.Expect(advisor.GetByTestId("home-recent-service")).ToBeVisibleAsync();
        await advisor.ScreenshotAsync("reading-home-advisor-phone");
        await advisor.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(advisor));
        await advisor.Context.CloseAsync();
    }
}
