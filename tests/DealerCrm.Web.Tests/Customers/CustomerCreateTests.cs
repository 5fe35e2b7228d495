using System.Net;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>/Customers/Create: numbers, duplicates, and every field's rule answered in Chinese with the input kept.</summary>
public sealed class CustomerCreateTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    [Fact]
    public async Task A_new_customer_gets_the_next_number_and_a_file_with_what_was_typed()
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var mobile = CustomerTestData.NewMobile();
        var year = factory.Services.GetRequiredService<DealershipClock>().Today.Year;
        var taken = await factory.WithDbAsync(db => db.NumberSequences.Where(s => s.Name == CustomerNumber.SequenceName(year)).Select(s => s.LastValue).SingleAsync());

        using var response = await agent.PostFormAsync("/Customers/Create", Form("林建新", $"{mobile[..3]} {mobile[3..7]} {mobile[7..]}", ("Input.OtherPhones", "020-88886666、" + CustomerTestData.NewMobile()), ("Input.Birthday", "1985-06-18")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var customer = await factory.WithDbAsync(db => db.Customers.Include(c => c.OtherPhones).SingleAsync(c => c.Mobile == mobile));
        Assert.Equal($"/Customers/{customer.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(CustomerNumber.Format(year, taken + 1), customer.Number);
        Assert.Equal(("林建新", new DateOnly(1985, 6, 18), "csagent"), (customer.Name, customer.Birthday!.Value, customer.CreatedBy));
        Assert.Contains("020-88886666", customer.OtherPhones.Select(p => p.Number));
        Assert.Empty(await factory.WithDbAsync(db => db.ContactChanges.Where(h => h.CustomerId == customer.Id).ToListAsync()));

        var file = await agent.GetHtmlAsync($"/Customers/{customer.Id}");
        Assert.Contains($"已建立客户档案 {customer.Number}（林建新）。", file);
    }

    [Fact]
    public async Task A_mobile_already_on_file_shows_the_existing_file_and_needs_a_confirmation()
    {
        var existing = await factory.WithDbAsync(db => db.Customers.Where(c => c.Mobile != null).OrderBy(c => c.Id).Skip(40).FirstAsync());
        using var agent = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var mobile = existing.Mobile!;
        var typed = $"+86 {mobile[..3]}-{mobile[3..7]}-{mobile[7..]}";

        using var first = await agent.PostFormAsync("/Customers/Create", Form("王重复", typed));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        var duplicates = Html.Section(html, "duplicates");
        Assert.Contains("该手机号已在以下客户档案中：", duplicates);
        Assert.Contains($"href=\"/Customers/{existing.Id}\"", duplicates);
        Assert.Contains($"{existing.Number} {existing.Name}", duplicates);
        Assert.Equal("该手机号已在客户档案中，请先核对。", Html.FieldError(html, "Input.Mobile"));
        Assert.Equal(typed, Html.InputValue(html, "Input.Mobile"));
        Assert.Equal("王重复", Html.InputValue(html, "Input.Name"));
        Assert.Contains("name=\"Input.ConfirmDuplicate\"", html);
        Assert.Equal(1, await CountWithMobileAsync(mobile));

        using var confirmed = await agent.PostFormAsync("/Customers/Create", Form("王重复", typed, ("Input.ConfirmDuplicate", "true")));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await CountWithMobileAsync(mobile));
    }

    [Fact]
    public async Task Numbers_taken_at_the_same_moment_are_all_different_consecutive_and_never_reused()
    {
        var year = factory.Services.GetRequiredService<DealershipClock>().Today.Year;
        var allocator = factory.Services.GetRequiredService<CustomerNumberAllocator>();
        var existing = await factory.WithDbAsync(db => db.Customers.Select(c => c.Number).ToListAsync());

        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => allocator.NextAsync(year, CancellationToken.None))));

        Assert.Equal(20, taken.Distinct().Count());
        Assert.All(taken, n => Assert.True(CustomerNumber.IsWellFormed(n), n));
        var sequence = taken.Select(n => long.Parse(n[5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => sequence[0] + i), sequence);
        Assert.Empty(taken.Intersect(existing));
        Assert.True(sequence[0] > existing.Max(n => long.Parse(n[5..], System.Globalization.CultureInfo.InvariantCulture)));

        // Numbers taken and then not used leave a gap: the next customer does not get one of them.
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var created = await agent.PostFormAsync("/Customers/Create", Form("间隔测试", CustomerTestData.NewMobile()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var number = await factory.WithDbAsync(db => db.Customers.Where(c => c.Name == "间隔测试").Select(c => c.Number).SingleAsync());
        Assert.DoesNotContain(number, taken);
        Assert.True(string.CompareOrdinal(number, taken.Max()) > 0);
    }

    [Fact]
    public async Task Customers_created_at_the_same_moment_through_the_site_all_get_different_numbers()
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var token = SiteClient.AntiforgeryToken(await agent.GetHtmlAsync("/Customers/Create"));
        var last = await LastNumberAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => agent.PostWithTokenAsync("/Customers/Create", Form($"并发客户{i:00}", CustomerTestData.NewMobile()), token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var numbers = await factory.WithDbAsync(db => db.Customers.Where(c => c.Name.StartsWith("并发客户")).Select(c => c.Number).ToListAsync());
        Assert.Equal(12, numbers.Count);
        Assert.Equal(12, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(string.CompareOrdinal(n, last) > 0, n));
        var sequence = numbers.Select(n => long.Parse(n[5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => sequence[0] + i), sequence);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Each_wrong_field_gets_its_Chinese_message_next_to_it_and_everything_typed_comes_back()
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var before = await factory.WithDbAsync(db => db.Customers.CountAsync());

        using var response = await agent.PostFormAsync("/Customers/Create", Form("张错误", "12812345678",
            ("Input.Birthday", "2026-11-24"),
            ("Input.OtherPhones", "020-123"),
            ("Input.BudgetFromYuan", "-1000"),
            ("Input.BudgetToYuan", "150000"),
            ("Input.Address", "广州市天河区体育西路1号"),
            ("Input.InterestedModels", "凯美瑞")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("请输入正确的 11 位手机号码（如 13812345678）。", Html.FieldError(html, "Input.Mobile"));
        Assert.Equal("日期不能晚于今天。", Html.FieldError(html, "Input.Birthday"));
        Assert.Equal("电话号码格式不正确（手机 11 位，座机如 020-88886666）。", Html.FieldError(html, "Input.OtherPhones"));
        Assert.Equal("金额不能为负数。", Html.FieldError(html, "Input.BudgetFromYuan"));
        Assert.Null(Html.FieldError(html, "Input.Name"));
        Assert.Null(Html.FieldError(html, "Input.Address"));

        Assert.Equal("张错误", Html.InputValue(html, "Input.Name"));
        Assert.Equal("12812345678", Html.InputValue(html, "Input.Mobile"));
        Assert.Equal("2026-11-24", Html.InputValue(html, "Input.Birthday"));
        Assert.Equal("020-123", Html.InputValue(html, "Input.OtherPhones"));
        Assert.Equal("-1000", Html.InputValue(html, "Input.BudgetFromYuan"));
        Assert.Equal("150000", Html.InputValue(html, "Input.BudgetToYuan"));
        Assert.Equal("广州市天河区体育西路1号", Html.InputValue(html, "Input.Address"));
        Assert.Equal("凯美瑞", Html.InputValue(html, "Input.InterestedModels"));
        Assert.Equal(nameof(Gender.Male), Html.SelectedValue(html, "Input.Gender"));
        Assert.Contains("is-invalid", Html.Text(html));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Customers.CountAsync()));
    }

    [Theory]
    [InlineData("", "请填写手机号码。")]
    [InlineData("1381234567", "请输入正确的 11 位手机号码（如 13812345678）。")]
    [InlineData("138123456789", "请输入正确的 11 位手机号码（如 13812345678）。")]
    [InlineData("138abcd5678", "请输入正确的 11 位手机号码（如 13812345678）。")]
    public async Task A_missing_or_malformed_mobile_is_refused(string mobile, string message)
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.Salesperson);

        using var response = await agent.PostFormAsync("/Customers/Create", Form("赵手机", mobile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, Html.FieldError(html, "Input.Mobile"));
        Assert.Equal(mobile, Html.InputValue(html, "Input.Mobile") ?? "");
    }

    [Fact]
    public async Task A_company_needs_its_key_contact_and_a_name()
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.SalesManager);

        using var response = await agent.PostFormAsync("/Customers/Create", Form("", CustomerTestData.NewMobile(), ("Input.Kind", nameof(CustomerKind.Company))));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请填写客户姓名或公司名称。", Html.FieldError(html, "Input.Name"));
        Assert.Equal("公司客户请填写关键联系人。", Html.FieldError(html, "Input.ContactPerson"));
        Assert.Equal(nameof(CustomerKind.Company), Html.SelectedValue(html, "Input.Kind"));
    }

    [Fact]
    public async Task A_birthday_a_hundred_and_thirty_years_ago_or_a_budget_upside_down_is_refused()
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);

        using var response = await agent.PostFormAsync("/Customers/Create", Form("钱预算", CustomerTestData.NewMobile(),
            ("Input.Birthday", "1896-01-01"), ("Input.BudgetFromYuan", "200000"), ("Input.BudgetToYuan", "150000")));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("生日不合理，请检查年份。", Html.FieldError(html, "Input.Birthday"));
        Assert.Equal("预算上限不能低于下限。", Html.FieldError(html, "Input.BudgetToYuan"));
    }

    [Fact]
    public async Task Roles_that_only_read_files_cannot_create_them()
    {
        using var technical = await SiteClient.SignedInAsync(factory, Roles.TechnicalDirector);
        using var page = await technical.GetAsync("/Customers/Create");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("href=\"/Customers/Create\"", await technical.GetHtmlAsync("/Customers"));
    }

    private static Dictionary<string, string> Form(string name, string mobile, params (string Key, string Value)[] more)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CustomerKind.Person),
            ["Input.Name"] = name,
            ["Input.Gender"] = nameof(Gender.Male),
            ["Input.PurchasePurpose"] = nameof(PurchasePurpose.Family),
            ["Input.Source"] = nameof(SourceChannel.WalkIn),
            ["Input.Mobile"] = mobile,
        };
        foreach (var (key, value) in more)
        {
            form[key] = value;
        }

        return form;
    }

    private Task<int> CountWithMobileAsync(string mobile) => factory.WithDbAsync(db => db.Customers.CountAsync(c => c.Mobile == mobile));

    private Task<string> LastNumberAsync() => factory.WithDbAsync(db => db.Customers.MaxAsync(c => c.Number));
}
