using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>
/// 保密: the search must not be an oracle for the masked numbers. Users who may not reveal every
/// number find a customer by phone only by the whole mobile or its last four; every search by
/// phone digits is logged (never the digits) and unusually many in a day are flagged.
/// </summary>
public sealed class PhoneSearchPrivacyTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    [Theory]
    [InlineData(Roles.DepartmentManager)]
    [InlineData(Roles.TechnicalDirector)]
    [InlineData(Roles.Salesperson)]
    public async Task Partial_digit_strings_do_not_find_a_customer_by_phone_for_a_role_that_may_not_reveal_it(string role)
    {
        var (id, mobile) = await CustomerWithMobileAsync();
        using var user = await SiteClient.SignedInAsync(factory, role);

        // The oracle attack, from either end: one more digit at a time.
        for (var length = 1; length < mobile.Length; length++)
        {
            var leading = mobile[..length];
            Assert.DoesNotContain(id, Html.CustomerIds(await user.GetHtmlAsync($"/Customers?q={leading}")));
            if (length != PhoneSearchRule.LastDigitsLength)
            {
                var trailing = mobile[^length..];
                Assert.DoesNotContain(id, Html.CustomerIds(await user.GetHtmlAsync($"/Customers?q={trailing}")));
            }
        }

        // The whole number and the last four still find the customer.
        Assert.Contains(id, Html.CustomerIds(await user.GetHtmlAsync($"/Customers?q={mobile}")));
        Assert.Contains(id, Html.CustomerIds(await user.GetHtmlAsync($"/Customers?q={mobile[^4..]}")));
    }

    [Fact]
    public async Task The_export_applies_the_same_rule_to_a_department_manager()
    {
        var (_, mobile) = await CustomerWithMobileAsync();
        using var manager = await SiteClient.SignedInAsync(factory, Roles.DepartmentManager);

        using var partial = await manager.GetAsync($"/Customers/Export?q={mobile[^7..]}");
        using var whole = await manager.GetAsync($"/Customers/Export?q={mobile}");

        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(0, await ExportRowsAsync(partial));
        Assert.True(await ExportRowsAsync(whole) >= 1);
    }

    [Fact]
    public async Task A_cs_agent_keeps_the_partial_search()
    {
        var (id, mobile) = await CustomerWithMobileAsync();
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);

        Assert.Contains(id, Html.CustomerIds(await agent.GetHtmlAsync($"/Customers?q={mobile[^7..]}")));
    }

    [Fact]
    public async Task Every_phone_search_is_logged_with_who_and_when_but_not_the_digits()
    {
        var (_, mobile) = await CustomerWithMobileAsync();
        var login = DemoSeeder.RoleUsers.Single(u => u.Role == Roles.SalesManager).Login;
        using var user = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var before = await PhoneSearchesAsync(login);

        await user.GetHtmlAsync($"/Customers?q={mobile[^6..]}");
        await user.GetHtmlAsync($"/Customers?q={mobile}");
        await user.GetHtmlAsync("/Customers?q=王");

        var entries = await factory.WithDbAsync(db => db.PrivacyLog.AsNoTracking()
            .Where(e => e.Action == PrivacyAction.PhoneSearch && e.UserName == login).ToListAsync());
        Assert.Equal(before + 2, entries.Count);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        Assert.All(entries.TakeLast(2), e =>
        {
            Assert.Equal(now, e.AtUtc);
            Assert.NotNull(e.UserId);
            Assert.DoesNotContain(mobile[^4..], (e.Details ?? "") + (e.Reason ?? ""));
        });
        var everyText = await factory.WithDbAsync(db => db.PrivacyLog.AsNoTracking()
            .Select(e => (e.Details ?? "") + "|" + (e.Reason ?? "")).ToListAsync());
        Assert.DoesNotContain(everyText, t => t.Contains(mobile[^6..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unusually_many_phone_searches_in_a_day_are_flagged_to_the_cs_director()
    {
        var login = DemoSeeder.RoleUsers.Single(u => u.Role == Roles.ServiceAdvisor).Login;
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        const int threshold = 30;

        for (var i = 0; i < threshold; i++)
        {
            await advisor.GetHtmlAsync($"/Customers?q={1000 + i}");
        }

        var atThreshold = await director.GetHtmlAsync("/Privacy/RevealLog");
        Assert.False(Html.Has(atThreshold, "phone-search-flags") && Html.TextOf(atThreshold, "phone-search-flags").Contains(login, StringComparison.Ordinal));

        await advisor.GetHtmlAsync("/Customers?q=2000");

        var flagged = await director.GetHtmlAsync("/Privacy/RevealLog");
        Assert.Contains(login, Html.TextOf(flagged, "phone-search-flags"));
        Assert.Contains("31", Html.TextOf(flagged, "phone-search-flags"));
    }

    private Task<int> PhoneSearchesAsync(string login) => factory.WithDbAsync(db =>
        db.PrivacyLog.CountAsync(e => e.Action == PrivacyAction.PhoneSearch && e.UserName == login));

    private static async Task<int> ExportRowsAsync(HttpResponseMessage response)
    {
        using var book = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        return book.Worksheets.First().RowsUsed().Count() - 1;
    }

    /// <summary>A demo customer whose mobile no other customer, plate or VIN shares a tail with, not looked after by the demo salesperson.</summary>
    private Task<(int Id, string Mobile)> CustomerWithMobileAsync() => factory.WithDbAsync(async db =>
    {
        var salesperson = DemoSeeder.RoleUsers.Single(u => u.Role == Roles.Salesperson).Login;
        var salespersonId = await db.Users.Where(u => u.UserName == salesperson).Select(u => u.Id).SingleAsync();
        var candidates = await db.Customers.AsNoTracking()
            .Where(c => c.Mobile != null && c.MergedIntoId == null && c.AnonymisedUtc == null && c.SalespersonId != salespersonId && c.Kind == CustomerKind.Person)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Mobile }).Take(50).ToListAsync();
        var mobiles = await db.Customers.Where(c => c.Mobile != null).Select(c => c.Mobile!).ToListAsync();
        var first = candidates.First(c => mobiles.Count(m => m.EndsWith(c.Mobile![^4..], StringComparison.Ordinal)) == 1);
        return (first.Id, first.Mobile!);
    });
}
