using System.Net;
using ClosedXML.Excel;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>保密: phone numbers masked everywhere until a permitted user reveals them with a reason, and every reveal logged.</summary>
public sealed class ContactPrivacyTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    [Fact]
    public async Task No_full_phone_number_is_in_the_html_of_the_list_file_edit_contact_and_family_pages_before_a_reveal()
    {
        var numbers = await CustomerTestData.AllPhoneNumbersAsync(factory);
        Assert.True(numbers.Count > 300, $"{numbers.Count} numbers");
        var samples = await factory.WithDbAsync(db => db.Customers
            .Where(c => db.CustomerPhones.Any(p => p.CustomerId == c.Id) || c.Family.Any(f => f.Phone != null) || c.Kind == CustomerKind.Company)
            .OrderBy(c => c.Id).Take(8)
            .Select(c => new { c.Id, Members = c.Family.Select(f => f.Id).ToList() })
            .ToListAsync());
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        var pages = new List<string> { "/Customers" };
        var total = Html.Total(await agent.GetHtmlAsync("/Customers"));
        pages.AddRange(Enumerable.Range(2, (total + 19) / 20 - 1).Select(p => $"/Customers?p={p}"));
        foreach (var sample in samples)
        {
            pages.Add($"/Customers/{sample.Id}");
            pages.Add($"/Customers/{sample.Id}/Edit");
            pages.Add($"/Customers/{sample.Id}/Contact");
            pages.AddRange(sample.Members.Select(m => $"/Customers/{sample.Id}/Family/{m}"));
        }

        foreach (var url in pages)
        {
            AssertNoneOf(numbers, await agent.GetHtmlAsync(url), url);
        }

        // The pages only the CS director opens mask too.
        AssertNoneOf(numbers, await director.GetHtmlAsync($"/Customers/{samples[0].Id}"), "file (CS director)");
        AssertNoneOf(numbers, await director.GetHtmlAsync($"/Customers/{samples[0].Id}/Audit"), "audit");
        var other = await factory.WithDbAsync(db => db.Customers.Where(c => c.Id != samples[0].Id).OrderBy(c => c.Id).Select(c => c.Number).FirstAsync());
        AssertNoneOf(numbers, await director.GetHtmlAsync($"/Customers/{samples[0].Id}/Merge?other={other}"), "merge preview");
    }

    [Fact]
    public async Task The_list_export_holds_no_full_phone_number()
    {
        var numbers = await CustomerTestData.AllPhoneNumbersAsync(factory);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        using var response = await director.GetAsync("/Customers/Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var cells = book.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.True(cells.Count > 300 * 5);
        AssertNoneOf(numbers, string.Join("\n", cells), "export");
    }

    [Fact]
    public async Task A_reveal_with_a_reason_shows_the_numbers_whole_once_and_logs_who_when_which_customer_and_why()
    {
        var (customer, familyPhone) = await CustomerWithEveryKindOfPhoneAsync();
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var before = Html.Section(await agent.GetHtmlAsync($"/Customers/{customer.Id}"), "contact-card");
        Assert.Contains(PhoneMask.Mask(customer.Mobile), before);
        Assert.Contains("reveal-form", before);
        var now = factory.Time.GetUtcNow().UtcDateTime;

        using var response = await agent.PostFormAsync($"/Customers/{customer.Id}", new() { ["Reveal.Reason"] = "电话回访：首保提醒" }, $"/Customers/{customer.Id}?handler=Reveal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(customer.Mobile!, Html.Section(html, "mobile"));
        Assert.Contains(customer.OtherPhones[0].Number, Html.Section(html, "other-phones"));
        Assert.Contains(familyPhone, html);
        Assert.True(Html.Has(html, "revealed-note"));
        Assert.Contains("已记录本次查看", html);

        var entry = await factory.WithDbAsync(db => db.PrivacyLog.Where(e => e.CustomerId == customer.Id && e.Action == PrivacyAction.RevealContact).SingleAsync());
        Assert.Equal("csagent", entry.UserName);
        Assert.Equal(await CustomerTestData.UserIdAsync(factory, "csagent"), entry.UserId);
        Assert.Equal("电话回访：首保提醒", entry.Reason);
        Assert.Equal(now, entry.AtUtc);

        // The next look at the file is masked again: a reveal is for that one answer.
        var again = await agent.GetHtmlAsync($"/Customers/{customer.Id}");
        Assert.DoesNotContain(customer.Mobile!, again);

        // The CS director reads it in the reveal log; the agent may not.
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var log = Html.Section(await director.GetHtmlAsync("/Privacy/RevealLog"), "privacy-log");
        Assert.Contains("csagent", log);
        Assert.Contains($"{customer.Number} {customer.Name}", log);
        Assert.Contains("电话回访：首保提醒", log);
        Assert.Contains("2026年11月23日 10:00", log);
        Assert.DoesNotContain(customer.Mobile!, log);
        using var refused = await agent.GetAsync("/Privacy/RevealLog");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_reveal_without_a_reason_is_refused_in_Chinese_and_shows_nothing(string reason)
    {
        var (customer, _) = await CustomerWithEveryKindOfPhoneAsync();
        using var agent = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);

        using var response = await agent.PostFormAsync($"/Customers/{customer.Id}", new() { ["Reveal.Reason"] = reason }, $"/Customers/{customer.Id}?handler=Reveal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("请填写查看完整号码的原因。", Html.FieldError(html, "Reveal.Reason"));
        Assert.DoesNotContain(customer.Mobile!, html);
        Assert.DoesNotContain(customer.OtherPhones[0].Number, html);
        Assert.False(await factory.WithDbAsync(db => db.PrivacyLog.AnyAsync(e => e.CustomerId == customer.Id)));
    }

    [Fact]
    public async Task A_salesperson_reveals_their_own_customers_and_those_they_sold_to_but_gets_403_for_anyone_elses()
    {
        var me = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var colleague = await CustomerTestData.UserIdAsync(factory, "salesperson2");
        var mine = await CustomerTestData.CreateCustomerAsync(factory, "我的客户", salespersonId: me);
        var theirs = await CustomerTestData.CreateCustomerAsync(factory, "同事的客户", salespersonId: colleague);
        var soldByMe = await CustomerTestData.CreateCustomerAsync(factory, "我卖过车的客户", salespersonId: colleague);
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, soldByMe.Id);
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow().UtcDateTime;
            db.Deliveries.Add(new Delivery(vehicle.Id, soldByMe.Id, now.AddDays(-3), me, Money.FromYuan(179_800), PaymentMethod.FullPayment, null, now, "test"));
            await db.SaveChangesAsync();
        });
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);

        foreach (var allowed in new[] { mine, soldByMe })
        {
            Assert.True(Html.Has(await salesperson.GetHtmlAsync($"/Customers/{allowed.Id}"), "reveal-form"));
            using var ok = await RevealAsync(salesperson, allowed.Id);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Contains(allowed.Mobile!, await ok.Content.ReadAsStringAsync());
        }

        var page = await salesperson.GetHtmlAsync($"/Customers/{theirs.Id}");
        Assert.False(Html.Has(page, "reveal-form"));
        using var refused = await RevealAsync(salesperson, theirs.Id);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(theirs.Mobile!, await refused.Content.ReadAsStringAsync());
        Assert.Equal(2, await factory.WithDbAsync(db => db.PrivacyLog.CountAsync(e => e.UserName == "salesperson" && e.Action == PrivacyAction.RevealContact)));
    }

    [Theory]
    [InlineData(Roles.TechnicalDirector)]
    [InlineData(Roles.DepartmentManager)]
    public async Task Roles_that_read_files_but_do_not_call_customers_cannot_reveal(string role)
    {
        var (customer, _) = await CustomerWithEveryKindOfPhoneAsync();
        using var client = await SiteClient.SignedInAsync(factory, role);

        var page = await client.GetHtmlAsync($"/Customers/{customer.Id}");
        Assert.False(Html.Has(page, "reveal-form"));
        Assert.Contains(PhoneMask.Mask(customer.Mobile), page);

        using var response = await RevealAsync(client, customer.Id);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(customer.Mobile!, await response.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.PrivacyLog.AnyAsync(e => e.CustomerId == customer.Id)));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.LoungeAttendant)]
    public async Task Admin_and_the_lounge_attendant_do_not_read_customer_files(string role)
    {
        var customerId = await factory.WithDbAsync(db => db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        using var client = await SiteClient.SignedInAsync(factory, role);

        foreach (var url in new[] { "/Customers", "/Customers?q=王", $"/Customers/{customerId}", "/Customers/Create", "/Customers/Export" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {url}: {(int)response.StatusCode}");
        }
    }

    private static Task<HttpResponseMessage> RevealAsync(SiteClient client, int customerId) =>
        client.PostFormAsync("/", new() { ["Reveal.Reason"] = "客户要求回电" }, $"/Customers/{customerId}?handler=Reveal");

    /// <summary>A fresh file with a mobile, a second mobile, a landline and a spouse's phone (added through the family form).</summary>
    private async Task<(Customer Customer, string FamilyPhone)> CustomerWithEveryKindOfPhoneAsync()
    {
        var familyPhone = CustomerTestData.NewMobile();
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "保密测试客户", otherPhones: [CustomerTestData.NewMobile(), "020-87654321"]);
        await CustomerTestData.AddFamilyMemberAsync(factory, customer.Id, "保密测试家属", familyPhone);
        return (customer, familyPhone);
    }

    private static void AssertNoneOf(IReadOnlyList<string> numbers, string text, string where)
    {
        var leaked = numbers.Where(n => text.Contains(n, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, $"{where} shows {string.Join(", ", leaked.Take(5))}");
    }
}
