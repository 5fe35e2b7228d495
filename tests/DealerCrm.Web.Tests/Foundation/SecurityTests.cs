using System.Net;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;

namespace DealerCrm.Web.Tests.Foundation;

public sealed class SecurityTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = SiteClient.Anonymous(factory);
        using var response = await client.GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        foreach (var url in new[] { "/", "/Admin/Users", "/Admin/Settings", "/Account/ChangePassword" })
        {
            var html = await admin.GetHtmlAsync(url);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotContain(" style=\"", html);
            Assert.DoesNotContain(" onclick=", html);
        }
    }

    [Fact]
    public async Task The_sign_in_and_antiforgery_cookies_are_http_only_and_same_site()
    {
        using var client = SiteClient.Anonymous(factory);
        using var page = await client.GetAsync("/Account/Login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DealerCrm.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var signIn = await client.SignInAsync("admin", "Demo#2026");
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DealerCrm.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_is_anonymous_and_checks_the_database()
    {
        using var client = SiteClient.Anonymous(factory);
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class ProductionErrorPageTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task An_unknown_address_gets_the_Chinese_404_page_with_a_request_id()
    {
        using var admin = await SignInOverHttpsAsync();
        using var response = await admin.GetAsync("/Customers/NoSuchThing/Here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面未找到", html);
        Assert.Contains("data-testid=\"request-id\"", html);
    }

    [Fact]
    public async Task An_unhandled_error_shows_the_friendly_page_without_a_stack_trace()
    {
        using var client = SiteClient.Anonymous(factory, https: true);
        // The exception handler's own address, reached directly, renders the 500 page.
        using var response = await client.GetAsync("/Error");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("系统错误", html);
        Assert.DoesNotContain("   at ", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task Production_sends_HSTS_and_marks_cookies_secure()
    {
        // HSTS is never sent to localhost; the dealership's own host name gets it.
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://crm.dealer.example"), AllowAutoRedirect = false });
        using var response = await client.GetAsync("/Account/Login");
        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<SiteClient> SignInOverHttpsAsync()
    {
        var client = SiteClient.Anonymous(factory, https: true);
        using var signIn = await client.SignInAsync("admin", "Demo#2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
