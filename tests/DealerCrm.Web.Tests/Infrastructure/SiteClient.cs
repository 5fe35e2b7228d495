using System.Net;
using AngleSharp.Html.Parser;
using DealerCrm.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DealerCrm.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP client that behaves like a browser session: keeps cookies, signs in through the real
/// sign-in page, and posts forms with the antiforgery token taken from the page it came from.
/// </summary>
public sealed class SiteClient : IDisposable
{
    private SiteClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>A session over a client the test built itself (its own handler chain, cookies included).</summary>
    public static SiteClient Over(HttpClient http) => new(http);

    public static SiteClient Anonymous(WebApplicationFactory<Program> factory, bool https = false) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        }));

    /// <summary>Signs in as the demo user of a role (login: role key in lower case).</summary>
    public static async Task<SiteClient> SignedInAsync(WebApplicationFactory<Program> factory, string role)
    {
        var client = Anonymous(factory);
        var login = DemoSeeder.RoleUsers.Single(u => u.Role == role).Login;
        var response = await client.SignInAsync(login, DemoSeeder.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {login} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>Signs in as any user; returns the sign-in page's answer (302 on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string login, string password) =>
        await PostFormAsync("/Account/Login", new() { ["Input.Login"] = login, ["Input.Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetHtmlAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>GETs the form's page for its antiforgery token, then posts the fields to it (or to postUrl).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, Dictionary<string, string> fields, string? postUrl = null)
    {
        var page = await GetHtmlAsync(pageUrl);
        var token = AntiforgeryToken(page);
        return await PostWithTokenAsync(postUrl ?? pageUrl, fields, token);
    }

    public async Task<HttpResponseMessage> PostWithTokenAsync(string url, Dictionary<string, string> fields, string? token)
    {
        var body = new List<KeyValuePair<string, string>>(fields);
        if (token is not null)
        {
            body.Add(new("__RequestVerificationToken", token));
        }

        return await Http.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>Posts repeated fields (checkbox lists): each pair is one field.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var token = AntiforgeryToken(await GetHtmlAsync(pageUrl));
        var body = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await Http.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(body));
    }

    /// <summary>The first antiforgery token of the page, as a browser would send it with the first form.</summary>
    public static string AntiforgeryToken(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[type='hidden'][name='__RequestVerificationToken']")?.GetAttribute("value") is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public void Dispose() => Http.Dispose();
}
