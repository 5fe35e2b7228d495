using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>The one search box of /Customers, its paging and its three filters, on the demo data.</summary>
public sealed class CustomerSearchTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>, IDisposable
{
    private SiteClient? _client;

    public void Dispose() => _client?.Dispose();

    [Fact]
    public async Task A_name_prefix_finds_every_file_whose_name_or_key_contact_starts_with_it()
    {
        var target = await factory.WithDbAsync(db => db.Customers.Where(c => c.Kind == CustomerKind.Person).OrderBy(c => c.Id).Skip(7).FirstAsync());
        var prefix = target.Name[..2];
        var expected = await factory.WithDbAsync(db => db.Customers.Where(c => c.MergedIntoId == null).ToListAsync());
        var matching = expected.Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal) || (c.ContactPerson?.StartsWith(prefix, StringComparison.Ordinal) ?? false)).ToList();

        var html = await SearchAsync(prefix);

        Assert.Equal(matching.Count, Html.Total(html));
        Assert.Equal(matching.OrderByDescending(c => c.Id).Select(c => c.Id).Take(20), Html.CustomerIds(html));
        Assert.Contains(target.Id, (await SearchAsync(target.Name)).Let(Html.CustomerIds));
    }

    [Fact]
    public async Task A_customer_number_finds_exactly_that_file()
    {
        var target = await Demo(skip: 11);

        Assert.Equal([target.Id], Html.CustomerIds(await SearchAsync(target.Number)));
        Assert.Equal([target.Id], Html.CustomerIds(await SearchAsync(target.Number.ToLowerInvariant())));
    }

    [Fact]
    public async Task A_whole_mobile_finds_its_file_however_it_is_typed()
    {
        var target = await Demo(skip: 23);
        var mobile = target.Mobile!;

        Assert.Equal([target.Id], Html.CustomerIds(await SearchAsync(mobile)));
        Assert.Equal([target.Id], Html.CustomerIds(await SearchAsync($"{mobile[..3]} {mobile[3..7]} {mobile[7..]}")));
        Assert.Equal([target.Id], Html.CustomerIds(await SearchAsync($"+86 {mobile[..3]}-{mobile[3..7]}-{mobile[7..]}")));
    }

    [Fact]
    public async Task The_last_four_digits_of_a_mobile_find_every_file_ending_so()
    {
        var target = await Demo(skip: 31);
        var tail = target.Mobile![^4..];

        var html = await SearchAsync(tail);

        var expected = await ExpectedForDigitTailAsync(tail);
        Assert.Contains(target.Id, expected);
        Assert.Equal(expected.Count, Html.Total(html));
        Assert.Contains(target.Id, Html.CustomerIds(html));
    }

    [Fact]
    public async Task Another_phone_of_the_file_finds_it_whole_and_by_its_last_four_digits()
    {
        var (customerId, phone) = await factory.WithDbAsync(async db =>
        {
            var p = await db.CustomerPhones.OrderBy(p => p.Id).Skip(3).FirstAsync();
            return (p.CustomerId, p.Number);
        });

        Assert.Contains(customerId, Html.CustomerIds(await SearchAsync(phone)));
        Assert.Contains(customerId, Html.CustomerIds(await SearchAsync(phone.Replace("-", "", StringComparison.Ordinal))));
        Assert.Contains(customerId, Html.CustomerIds(await SearchAsync(phone[^4..])));
    }

    [Fact]
    public async Task A_second_mobile_among_the_other_phones_finds_the_file()
    {
        var second = CustomerTestData.NewMobile();
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "欧阳测试", otherPhones: [second]);

        Assert.Equal([customer.Id], Html.CustomerIds(await SearchAsync(second)));
        Assert.Contains(customer.Id, Html.CustomerIds(await SearchAsync(second[^4..])));
    }

    [Fact]
    public async Task A_plate_finds_its_owner_whole_in_any_case_and_by_its_tail()
    {
        var vehicle = await factory.WithDbAsync(db => db.Vehicles.Where(v => v.Plate != null && !v.Plate.Contains('D')).OrderBy(v => v.Id).Skip(5).FirstAsync());
        var plate = vehicle.Plate!;

        Assert.Equal([vehicle.CustomerId], Html.CustomerIds(await SearchAsync(plate)));
        Assert.Equal([vehicle.CustomerId], Html.CustomerIds(await SearchAsync(plate.ToLowerInvariant())));
        Assert.Equal([vehicle.CustomerId], Html.CustomerIds(await SearchAsync(plate[..2] + "·" + plate[2..])));
        Assert.Contains(vehicle.CustomerId, Html.CustomerIds(await SearchAsync(plate[^5..])));
    }

    [Fact]
    public async Task A_vin_finds_its_owner_whole_and_by_its_last_six()
    {
        var vehicle = await factory.WithDbAsync(db => db.Vehicles.OrderBy(v => v.Id).Skip(17).FirstAsync());

        Assert.Equal([vehicle.CustomerId], Html.CustomerIds(await SearchAsync(vehicle.Vin)));
        Assert.Equal([vehicle.CustomerId], Html.CustomerIds(await SearchAsync(vehicle.Vin.ToLowerInvariant())));

        var html = await SearchAsync(vehicle.Vin[^6..]);
        Assert.Contains(vehicle.CustomerId, Html.CustomerIds(html));
        Assert.Equal((await ExpectedForDigitTailAsync(vehicle.Vin[^6..])).Count, Html.Total(html));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        var html = await SearchAsync("查无此人");

        Assert.Empty(Html.CustomerIds(html));
        Assert.True(Html.Has(html, "no-results"));
        Assert.Contains("没有找到符合条件的客户。", html);
    }

    [Fact]
    public async Task The_list_shows_20_a_page_newest_first_and_every_file_once()
    {
        using var client = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var ids = await factory.WithDbAsync(db => db.Customers.Where(c => c.MergedIntoId == null).OrderByDescending(c => c.Id).Select(c => c.Id).ToListAsync());
        var pages = (ids.Count + 19) / 20;

        var first = await client.GetHtmlAsync("/Customers");
        Assert.Equal(ids.Count, Html.Total(first));
        Assert.Equal("1", Html.TextOf(first, "pager-current"));
        Assert.True(Html.Has(first, $"pager-page-{pages}"), "The last page is numbered.");
        Assert.Equal(ids.Take(20), Html.CustomerIds(first));

        var seen = new List<int>();
        for (var p = 1; p <= pages; p++)
        {
            var page = Html.CustomerIds(await client.GetHtmlAsync($"/Customers?p={p}"));
            Assert.True(p < pages ? page.Count == 20 : page.Count is > 0 and <= 20, $"page {p}: {page.Count} rows");
            seen.AddRange(page);
        }

        Assert.Equal(ids, seen);
        Assert.Equal(ids.Skip((pages - 1) * 20), Html.CustomerIds(await client.GetHtmlAsync("/Customers?p=999")));
    }

    [Fact]
    public async Task Paging_keeps_the_search_and_the_filters()
    {
        using var client = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var html = await client.GetHtmlAsync("/Customers?warranty=true&p=2");

        Assert.Contains("href=\"/Customers?warranty=true&amp;p=3\"", html);
    }

    [Fact]
    public async Task The_salesperson_filter_lists_exactly_that_salespersons_customers()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson2");
        var expected = await factory.WithDbAsync(db => db.Customers.Where(c => c.MergedIntoId == null && c.SalespersonId == salespersonId)
            .OrderByDescending(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.NotEmpty(expected);

        var html = await SearchAsync("", $"&salesperson={salespersonId}");

        Assert.Equal(expected.Count, Html.Total(html));
        Assert.Equal(expected.Take(20), Html.CustomerIds(html));
    }

    [Fact]
    public async Task The_warranty_filter_keeps_files_with_a_vehicle_under_warranty_today_and_drops_the_rest()
    {
        var today = Today();
        var expired = await CustomerTestData.CreateCustomerAsync(factory, "保修已过期客户");
        await CustomerTestData.AddVehicleAsync(factory, expired.Id, warrantyExpiry: today.AddDays(-1));
        var lastDay = await CustomerTestData.CreateCustomerAsync(factory, "保修今天到期客户");
        await CustomerTestData.AddVehicleAsync(factory, lastDay.Id, warrantyExpiry: today);
        await CustomerTestData.AddVehicleAsync(factory, lastDay.Id, warrantyExpiry: today.AddYears(-2));
        var prospect = await CustomerTestData.CreateCustomerAsync(factory, "保修无车客户");

        Assert.Empty(Html.CustomerIds(await SearchAsync(expired.Name, "&warranty=true")));
        Assert.Equal([lastDay.Id], Html.CustomerIds(await SearchAsync(lastDay.Name, "&warranty=true")));
        Assert.Empty(Html.CustomerIds(await SearchAsync(prospect.Name, "&warranty=true")));
        Assert.Equal([expired.Id], Html.CustomerIds(await SearchAsync(expired.Name)));

        var expected = await factory.WithDbAsync(db => db.Customers.CountAsync(c => c.MergedIntoId == null && db.Vehicles.Any(v => v.CustomerId == c.Id && v.WarrantyExpiry >= today)));
        Assert.Equal(expected, Html.Total(await SearchAsync("", "&warranty=true")));
    }

    [Fact]
    public async Task The_birthday_filter_lists_the_files_with_a_birthday_in_the_current_month()
    {
        var month = Today().Month;
        var thisMonth = await CustomerTestData.CreateCustomerAsync(factory, "本月生日客户", birthday: new DateOnly(1980, month, 1));
        var nextMonth = await CustomerTestData.CreateCustomerAsync(factory, "下月生日客户", birthday: new DateOnly(1990, month % 12 + 1, 1));
        var noBirthday = await CustomerTestData.CreateCustomerAsync(factory, "生日未知客户");

        var html = await SearchAsync("", "&birthday=true");

        Assert.Equal(await BirthdaysInAsync(month), Html.Total(html));
        Assert.Equal([thisMonth.Id], Html.CustomerIds(await SearchAsync("本月生日", "&birthday=true")));
        Assert.Empty(Html.CustomerIds(await SearchAsync(nextMonth.Name, "&birthday=true")));
        Assert.Empty(Html.CustomerIds(await SearchAsync(noBirthday.Name, "&birthday=true")));
    }

    [Fact]
    public async Task Filters_combine_with_the_search()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var mine = await CustomerTestData.CreateCustomerAsync(factory, "组合筛选客户", salespersonId: salespersonId);
        var theirs = await CustomerTestData.CreateCustomerAsync(factory, "组合筛选客户", salespersonId: await CustomerTestData.UserIdAsync(factory, "salesperson2"));

        Assert.Equal([theirs.Id, mine.Id], Html.CustomerIds(await SearchAsync("组合筛选")));
        Assert.Equal([mine.Id], Html.CustomerIds(await SearchAsync("组合筛选", $"&salesperson={salespersonId}")));
    }

    private DateOnly Today() => factory.Services.GetRequiredService<DealershipClock>().Today;

    private Task<int> BirthdaysInAsync(int month) =>
        factory.WithDbAsync(db => db.Customers.CountAsync(c => c.MergedIntoId == null && c.Birthday != null && c.Birthday.Value.Month == month));

    private Task<Customer> Demo(int skip) =>
        factory.WithDbAsync(db => db.Customers.Where(c => c.Number.StartsWith("C2026") && c.Mobile != null && c.CreatedBy != "test").OrderBy(c => c.Id).Skip(skip).FirstAsync());

    /// <summary>What a run of digits must find: files whose mobile, other phone, plate or VIN ends with it.</summary>
    private async Task<IReadOnlyList<int>> ExpectedForDigitTailAsync(string tail) =>
        await factory.WithDbAsync(async db =>
        {
            var customers = await db.Customers.Where(c => c.MergedIntoId == null).Select(c => new { c.Id, c.Mobile }).ToListAsync();
            var phones = await db.CustomerPhones.Select(p => new { p.CustomerId, p.Number }).ToListAsync();
            var vehicles = await db.Vehicles.Select(v => new { v.CustomerId, v.Vin, v.Plate }).ToListAsync();
            var ids = customers.Where(c => c.Mobile?.EndsWith(tail, StringComparison.Ordinal) ?? false).Select(c => c.Id)
                .Concat(phones.Where(p => p.Number.Replace("-", "", StringComparison.Ordinal).EndsWith(tail, StringComparison.Ordinal)).Select(p => p.CustomerId))
                .Concat(vehicles.Where(v => v.Vin.EndsWith(tail, StringComparison.Ordinal) || (v.Plate?.EndsWith(tail, StringComparison.Ordinal) ?? false)).Select(v => v.CustomerId));
            return (IReadOnlyList<int>)ids.Intersect(customers.Select(c => c.Id)).Distinct().ToList();
        });

    /// <summary>Searches as the service advisor, one session a test.</summary>
    private async Task<string> SearchAsync(string query, string filters = "")
    {
        _client ??= await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        return await _client.GetHtmlAsync("/Customers?q=" + Uri.EscapeDataString(query) + filters);
    }
}

internal static class Piping
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}
