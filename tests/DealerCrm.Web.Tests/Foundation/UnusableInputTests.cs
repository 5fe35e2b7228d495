using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// Input no field can take gets its own message on the page, with what was typed kept: a NUL
/// byte in a text field, a tampered or stale hidden version, an unknown role name, and an
/// import file over 10 MB (on real Kestrel, whose body limit would otherwise answer first).
/// </summary>
public sealed class UnusableInputTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    private const string ControlCharacters = "含有无法保存的不可见字符（如空字符 NUL），请删除后再保存。";
    private const string VersionInvalid = "表单中的版本信息无效（被改动过或页面已过期）：请重新打开此页面，再修改一次。";
    private const string ChangedByOthers = "这条记录刚被其他人修改过。请重新打开页面，核对最新内容后再保存。";

    [Fact]
    public async Task A_nul_byte_in_a_text_field_is_refused_next_to_the_field_with_the_rest_kept()
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var mobile = CustomerTestData.NewMobile();
        using var response = await agent.PostFormAsync("/Customers/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CustomerKind.Person),
            ["Input.Name"] = "空字符客户",
            ["Input.Gender"] = nameof(Gender.Male),
            ["Input.PurchasePurpose"] = nameof(PurchasePurpose.Family),
            ["Input.Source"] = nameof(SourceChannel.WalkIn),
            ["Input.Mobile"] = mobile,
            ["Input.Address"] = "广州市\0天河区",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        Assert.Equal(ControlCharacters, Html.FieldError(html, "Input.Address"));
        Assert.Equal("空字符客户", Html.InputValue(html, "Input.Name"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Customers.CountAsync(c => c.Mobile == mobile)));
    }

    [Theory]
    [InlineData("abc", VersionInvalid)]
    [InlineData("99999999999999", VersionInvalid)]
    [InlineData("", VersionInvalid)]
    [InlineData("12345", ChangedByOthers)]
    public async Task A_tampered_or_stale_version_is_refused_with_a_message_and_the_form_kept(string version, string message)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "版本测试客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var response = await agent.PostFormAsync($"/Customers/{customer.Id}/Edit", new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["Input.Kind"] = nameof(CustomerKind.Person),
            ["Input.Name"] = "版本测试客户",
            ["Input.Gender"] = nameof(Gender.Male),
            ["Input.Occupation"] = "篡改者",
            ["Input.PurchasePurpose"] = nameof(PurchasePurpose.Family),
            ["Input.Source"] = nameof(SourceChannel.WalkIn),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Html.Parse(html).QuerySelector("[data-testid='form-errors']")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("篡改者", Html.InputValue(html, "Input.Occupation"));
        Assert.Equal(customer.Occupation, await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Occupation).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_role_name_is_refused_where_the_roles_are_with_the_form_kept()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        using var response = await admin.PostFormAsync("/Admin/Users/Create",
        [
            new("Input.UserName", "newcolleague"),
            new("Input.DisplayName", "新同事"),
            new("Input.Password", "Strong#Pass2026"),
            new("Input.ConfirmPassword", "Strong#Pass2026"),
            new("Input.Roles", Roles.CsAgent),
            new("Input.Roles", "Superuser"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("未知的角色。", Html.Parse(html).QuerySelector("[data-valmsg-for='Input.Roles']")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("新同事", Html.InputValue(html, "Input.DisplayName"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "newcolleague")));
    }

    [Theory]
    [InlineData(10 * 1024 * 1024 + 1)]
    [InlineData(41 * 1024 * 1024)]
    public async Task An_upload_over_10_MB_gets_the_at_most_10_MB_message_also_on_kestrel(int size)
    {
        using var site = new DealerCrmFactory();
        site.UseKestrel(0);
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        using var director = SiteClient.Over(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(address),
        });
        Assert.Equal(HttpStatusCode.Redirect, (await director.SignInAsync("csdirector", DemoSeeder.Password)).StatusCode);

        var token = SiteClient.AntiforgeryToken(await director.GetHtmlAsync("/Customers/Import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[size]), "file", "客户.csv" },
        };
        using var response = await director.Http.PostAsync("/Customers/Import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("文件超过 10 MB。", html, StringComparison.Ordinal);
    }
}
