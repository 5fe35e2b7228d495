using System.Net;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Tests.Customers;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// Lists people sort and page: the overdue list by due time, customer or owner with the filters
/// kept in the URL; numbered pages with a page size; the weekly report's answers paged by call;
/// the customer search in the navigation of every page for those who may search.
/// </summary>
public sealed class ListTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task The_overdue_list_sorts_by_due_time_customer_and_owner_and_its_links_keep_the_filters()
    {
        using var director = await factory.SignInAsync("csdirector");
        const string filters = "from=2026-11-01&to=2026-11-20";

        List<(string Due, string Customer, string Owner)> Rows(string html) =>
            Html.Parse(html).QuerySelectorAll("[data-testid='reassign-form'] tbody tr")
                .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
                .Select(c => (c[1], c[3], c[4])).ToList();

        var byDue = await director.GetHtmlAsync($"/FollowUps/Overview?{filters}");
        var byCustomer = await director.GetHtmlAsync($"/FollowUps/Overview?{filters}&sort=customer");
        var byCustomerDesc = await director.GetHtmlAsync($"/FollowUps/Overview?{filters}&sort=-customer");
        var byOwner = await director.GetHtmlAsync($"/FollowUps/Overview?{filters}&sort=owner");
        Assert.True(Rows(byDue).Count > 2);
        var ordinal = StringComparer.Ordinal;
        Assert.Equal(Rows(byDue).Select(r => r.Customer).Order(ordinal), Rows(byCustomer).Select(r => r.Customer).Order(ordinal));
        Assert.NotEqual(Rows(byCustomer).Select(r => r.Customer), Rows(byCustomerDesc).Select(r => r.Customer));
        Assert.Equal(Rows(byCustomer).Select(r => r.Customer).Reverse(), Rows(byCustomerDesc).Select(r => r.Customer));
        Assert.All(Rows(byOwner), r => Assert.False(string.IsNullOrEmpty(r.Owner)));

        // The heading says how the list is sorted, and its link turns the order round, filters kept, from page 1.
        var heading = Html.Parse(byCustomer).QuerySelector("th[aria-sort]")!;
        Assert.Equal("ascending", heading.GetAttribute("aria-sort"));
        var link = WebUtility.HtmlDecode(heading.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains("from=2026-11-01", link, StringComparison.Ordinal);
        Assert.Contains("to=2026-11-20", link, StringComparison.Ordinal);
        Assert.Contains("sort=-customer", link, StringComparison.Ordinal);
        Assert.DoesNotContain("p=", link, StringComparison.Ordinal);

        // A sort key the list does not know falls back to due time, not an error.
        Assert.Equal(Rows(byDue), Rows(await director.GetHtmlAsync($"/FollowUps/Overview?{filters}&sort=%27%3Bdrop")));
    }

    [Theory]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(1, 3, new[] { 1, 2, 3 })]
    [InlineData(5, 10, new[] { 1, 0, 3, 4, 5, 6, 7, 0, 10 })]
    [InlineData(1, 10, new[] { 1, 2, 3, 0, 10 })]
    [InlineData(10, 10, new[] { 1, 0, 8, 9, 10 })]
    [InlineData(4, 10, new[] { 1, 2, 3, 4, 5, 6, 0, 10 })]
    public void Numbered_pages_show_the_first_the_last_and_two_either_side_with_gaps(int page, int pages, int[] expected)
    {
        var pager = new PagerModel(page, pages, pages * 20);
        Assert.Equal(expected, pager.Numbers().Select(n => n ?? 0));
    }

    [Fact]
    public async Task The_customer_list_offers_a_page_size_and_keeps_it_with_the_filters()
    {
        using var director = await factory.SignInAsync("csdirector");
        var twenty = await director.GetHtmlAsync("/Customers?q=&warranty=false");
        Assert.Equal(20, Html.CustomerIds(twenty).Count);
        var fifty = await director.GetHtmlAsync("/Customers?size=50");
        Assert.Equal(50, Html.CustomerIds(fifty).Count);
        Assert.Equal("50", Html.Parse(fifty).QuerySelector("#pager-size option[selected]")!.GetAttribute("value"));
        var page2 = Html.Parse(fifty).QuerySelector("[data-testid='pager-page-2']")!.GetAttribute("href")!;
        Assert.Contains("size=50", WebUtility.HtmlDecode(page2), StringComparison.Ordinal);
        // A size the list does not offer is the list's own.
        Assert.Equal(20, Html.CustomerIds(await director.GetHtmlAsync("/Customers?size=100000")).Count);
    }

    [Fact]
    public async Task The_search_box_is_in_the_navigation_of_every_page_for_those_who_may_search_customers()
    {
        using var agent = await factory.SignInAsync("csagent");
        foreach (var url in new[] { "/", "/FollowUps", "/Notifications" })
        {
            var form = Html.Parse(await agent.GetHtmlAsync(url)).QuerySelector("header [data-testid='nav-search']");
            Assert.NotNull(form);
            Assert.Equal("/Customers", form!.GetAttribute("action"));
        }

        // On the customer list its own search form is the one box, showing what was searched.
        var list = Html.Parse(await agent.GetHtmlAsync("/Customers?q=王"));
        Assert.Null(list.QuerySelector("#nav-q"));
        Assert.Equal("王", list.QuerySelector("#q")!.GetAttribute("value"));

        // The system administrator does not read customer files: no box.
        using var admin = await factory.SignInAsync("admin");
        Assert.False(Html.Has(await admin.GetHtmlAsync("/"), "nav-search"));
    }

    [Fact]
    public async Task The_weekly_reports_answers_are_grouped_by_call_and_paged()
    {
        using var director = await factory.SignInAsync("csdirector");
        var html = await director.GetHtmlAsync("/FollowUps/Report");
        var calls = Html.Parse(html).QuerySelectorAll("[data-testid='report-answers'] > li[data-call]");
        Assert.InRange(calls.Length, 1, 20);
        Assert.All(calls, c => Assert.NotEmpty(c.QuerySelectorAll("dd")));
    }
}
