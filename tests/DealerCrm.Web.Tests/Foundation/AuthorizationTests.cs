using System.Net;
using DealerCrm.Domain.Reporting;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;

namespace DealerCrm.Web.Tests.Foundation;

public sealed class AuthorizationTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    /// <summary>Pages anyone may open: signing in, the language switch, and error pages.</summary>
    private static readonly string[] AnonymousPages = ["/Account/AccessDenied", "/Account/Language", "/Account/Login", "/Error"];

    /// <summary>Pages whose GET only redirects (their work is a POST, or marking a notice read on the way to its page).</summary>
    private static readonly string[] RedirectOnlyPages = ["/Account/Language", "/Account/Logout", "/Letters/MarkSent", "/Notifications/Open"];

    [Fact]
    public void Every_page_declares_a_named_policy_or_is_one_of_the_anonymous_pages()
    {
        var pages = PageCatalog.Pages(factory.Services);
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            if (page.AllowsAnonymous)
            {
                Assert.Contains(page.ViewEnginePath, AnonymousPages);
            }
            else
            {
                Assert.True(page.Policy is not null && Policies.RolesByPolicy.ContainsKey(page.Policy),
                    $"{page.ViewEnginePath} declares no known policy");
            }
        }

        Assert.Equal(AnonymousPages.Order(), pages.Where(p => p.AllowsAnonymous).Select(p => p.ViewEnginePath).Order());
    }

    [Fact]
    public async Task Anonymous_requests_to_every_page_redirect_to_sign_in()
    {
        using var client = SiteClient.Anonymous(factory);
        foreach (var page in PageCatalog.Pages(factory.Services).Where(p => !p.AllowsAnonymous))
        {
            using var response = await client.GetAsync(page.Url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page.Url}: {(int)response.StatusCode}");
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_opens_exactly_the_pages_its_policies_allow_and_gets_403_elsewhere(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        foreach (var page in PageCatalog.Pages(factory.Services).Where(p => !p.AllowsAnonymous && !RedirectOnlyPages.Contains(p.ViewEnginePath)))
        {
            using var response = await client.GetAsync(page.Url);
            var allowed = Policies.Allows(page.Policy!, [role]);
            if (!allowed)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {page.Url}: expected 403, got {(int)response.StatusCode}");
                Assert.Contains("data-testid=\"forbidden\"", await response.Content.ReadAsStringAsync());
            }
            else if (page.HasRouteParameters)
            {
                // Allowed in; the made-up id "1" finds nothing.
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{role} {page.Url}: {(int)response.StatusCode}");
            }
            else if (IsCockpitHome(role, page.Url))
            {
                AssertGoesToCockpit(role, response);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {page.Url}: expected 200, got {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>The general manager's and the CS director's home page is the cockpit: "/" sends them there.</summary>
    private static bool IsCockpitHome(string role, string url) => url == "/" && CockpitScope.IsHomeFor([role]);

    private static void AssertGoesToCockpit(string role, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} /: expected the cockpit, got {(int)response.StatusCode}");
        Assert.Equal("/Cockpit", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_roles_navigation_holds_only_what_it_may_use_and_every_link_opens(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        // Any page shows the navigation (the home page of some roles is the cockpit, a redirect away).
        var home = await client.GetHtmlAsync("/Account/ChangePassword");

        var shown = Html.Parse(home).QuerySelectorAll("a[href][data-nav]").Select(a => (Page: a.GetAttribute("data-nav")!, Href: a.GetAttribute("href")!)).ToList();
        var expected = NavigationMenu.Items.Where(i => Policies.Allows(i.Policy, [role])).Select(i => i.Page);
        Assert.Equal(expected.Order(), shown.Select(s => s.Page).Order());

        foreach (var (_, href) in shown)
        {
            using var response = await client.GetAsync(href);
            if (IsCockpitHome(role, href))
            {
                AssertGoesToCockpit(role, response);
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} follows {href}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_refused_user_gets_a_403_page_in_place_not_a_redirect()
    {
        using var client = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        using var response = await client.GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("无权访问", html);
        Assert.Contains("吴婷婷", html);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400()
    {
        using var anonymous = SiteClient.Anonymous(factory);
        await anonymous.GetHtmlAsync("/Account/Login");
        using var signIn = await anonymous.PostWithTokenAsync("/Account/Login",
            new() { ["Input.Login"] = "admin", ["Input.Password"] = "Demo#2026" }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        using var create = await admin.PostWithTokenAsync("/Admin/Users/Create",
            new() { ["Input.UserName"] = "forged", ["Input.DisplayName"] = "伪造", ["Input.Roles"] = Roles.Admin }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Contains("请求无效", await create.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Users_sign_in_with_their_login_name_or_their_e_mail()
    {
        using var byName = SiteClient.Anonymous(factory);
        using var nameResponse = await byName.SignInAsync("csagent", "Demo#2026");
        Assert.Equal(HttpStatusCode.Redirect, nameResponse.StatusCode);

        using var byEmail = SiteClient.Anonymous(factory);
        using var emailResponse = await byEmail.SignInAsync("CSAgent@demo.local", "Demo#2026");
        Assert.Equal(HttpStatusCode.Redirect, emailResponse.StatusCode);
        Assert.Contains("孙丽娜", await byEmail.GetHtmlAsync("/"));
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_Chinese_and_the_login_name_is_kept()
    {
        using var client = SiteClient.Anonymous(factory);
        using var response = await client.SignInAsync("generalmanager", "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("登录名或密码不正确", html);
        Assert.Contains("value=\"generalmanager\"", html);
    }
}
