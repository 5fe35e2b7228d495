using System.Net;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// The site behind a TLS-terminating proxy (docs/operations.md): the proxy talks plain http to
/// the site and says what the browser used in X-Forwarded-Proto / X-Forwarded-For.
/// </summary>
public sealed class ForwardedHeadersTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    /// <summary>
    /// A browser talking https to the proxy (so its cookie jar sends Secure cookies back), and the
    /// proxy hop: plain http to the site from <paramref name="remote"/>, with the forwarded headers.
    /// TestServer leaves the remote address unset, so it is set on each request's context.
    /// </summary>
    private SiteClient ViaProxy(IPAddress remote)
    {
        var site = factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = remote);
        var proxy = new ProxyHop { InnerHandler = site };
        return SiteClient.Over(new HttpClient(new CookieContainerHandler { InnerHandler = proxy }) { BaseAddress = new Uri("https://crm.dealer.example") });
    }

    private sealed class ProxyHop : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = "http", Port = 80 }.Uri;
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Behind_the_configured_proxy_forms_work_over_plain_http_and_cookies_are_secure()
    {
        // Loopback is the default known proxy (the proxy on the same machine).
        using var client = ViaProxy(IPAddress.Loopback);

        using var health = await client.GetAsync("/health");
        Assert.Contains("max-age=31536000", Assert.Single(health.Headers.GetValues("Strict-Transport-Security")));

        using var page = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        using var signIn = await client.SignInAsync("admin", "Demo#2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DealerCrm.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // A second form post, signed in: sign out.
        using var signOut = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>(), postUrl: "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("/Account/Login", signOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Headers_from_an_unconfigured_address_are_not_believed()
    {
        using var client = ViaProxy(IPAddress.Parse("198.51.100.20"));

        // The request stays plain http, so no HSTS (sent over https only; the trusted twin gets it).
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("Strict-Transport-Security"));
    }
}
