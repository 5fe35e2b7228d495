using System.Net;
using System.Text.RegularExpressions;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// The first visit's stylesheets, scripts and fonts: fingerprinted URLs, compressed, cached for a
/// year (as the endpoint manifest a publish serves says: a site run from its build serves them
/// uncached for live edits); the icon font holds only the icons the code names.
/// </summary>
public sealed partial class StaticAssetsTests(PublishedLayoutFactory factory, ITestOutputHelper output) : IClassFixture<PublishedLayoutFactory>
{
    [Fact]
    public async Task The_sign_in_pages_assets_are_fingerprinted_compressed_and_cached_for_a_year()
    {
        var handler = factory.Server.CreateHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://localhost") };
        var html = await http.GetStringAsync("/Account/Login");
        var urls = AssetUrl().Matches(html).Select(m => m.Groups["url"].Value).Where(u => u.StartsWith('/')).Distinct().ToList();
        Assert.Contains(urls, u => u.Contains("bootstrap.min", StringComparison.Ordinal) && u.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Contains("site", StringComparison.Ordinal) && u.EndsWith(".js", StringComparison.Ordinal));

        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DealerCrm.Web.staticwebassets.endpoints.json")));
        var cached = manifest.RootElement.GetProperty("Endpoints").EnumerateArray()
            .Where(e => e.GetProperty("ResponseHeaders").EnumerateArray().Any(h => h.GetProperty("Name").GetString() == "Cache-Control" && h.GetProperty("Value").GetString() == "max-age=31536000, immutable"))
            .Select(e => e.GetProperty("Route").GetString()!)
            .ToHashSet();
        long transferred = 0;
        long identity = 0;
        foreach (var url in urls)
        {
            // Fingerprinted: a content hash in the file name (bootstrap.min.abc123xyz.css).
            Assert.Matches(Fingerprinted(), url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
            // The build's endpoint manifest (what a published site serves) caches the fingerprinted URL for a year.
            Assert.Contains(cached, e => "/" + e == url);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.Content.Headers.ContentEncoding.Contains("gzip"))
            {
                Assert.Equal((0x1f, 0x8b), (body[0], body[1]));
            }
            transferred += body.Length;
            using var plain = await http.GetAsync(url);
            identity += (await plain.Content.ReadAsByteArrayAsync()).Length;
        }

        // The icon font the stylesheet loads: the subset, a few kilobytes.
        using var font = await http.GetAsync("/lib/bootstrap-icons/fonts/bootstrap-icons.woff2");
        Assert.Equal(HttpStatusCode.OK, font.StatusCode);
        var fontSize = (await font.Content.ReadAsByteArrayAsync()).Length;
        Assert.InRange(fontSize, 1_000, 20_000);
        transferred += fontSize;
        identity += fontSize;
        // A build compresses at level 0 for speed (a publish compresses fully), so this is the size
        // without compression: the icon subset and no other change of content.
        output.WriteLine($"first visit: {transferred / 1024.0:0.0} KB as served by the build, {identity / 1024.0:0.0} KB uncompressed, in {urls.Count + 1} files");
        Assert.True(identity < 340_000, $"{identity} bytes");
    }

    [Fact]
    public void Every_icon_the_code_names_is_in_the_served_subset()
    {
        var web = Path.Combine(RepositoryPaths.Root, "src", "DealerCrm.Web");
        var css = File.ReadAllText(Path.Combine(web, "wwwroot", "lib", "bootstrap-icons", "bootstrap-icons.min.css"));
        var served = IconRule().Matches(css).Select(m => m.Groups["name"].Value).ToHashSet();
        var upstream = IconRule().Matches(File.ReadAllText(Path.Combine(web, "Assets", "bootstrap-icons", "bootstrap-icons.min.css")))
            .Select(m => m.Groups["name"].Value).ToHashSet();
        var named = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => IconName().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .Where(upstream.Contains)
            .ToHashSet();

        Assert.True(named.Count > 30);
        var missing = named.Except(served).Order().ToList();
        Assert.True(missing.Count == 0, "icons used but not in the subset (run scripts/subset-icons.sh): " + string.Join(", ", missing));
    }

    [GeneratedRegex("""(?:href|src)="(?<url>[^"]+\.(?:css|js))"[^>]*>""")]
    private static partial Regex AssetUrl();

    [GeneratedRegex(@"\.[a-z0-9]{8,}\.(css|js)$")]
    private static partial Regex Fingerprinted();

    [GeneratedRegex("""\.(?<name>bi-[a-z0-9-]+)::before\{content:""")]
    private static partial Regex IconRule();

    [GeneratedRegex(@"\bbi-[a-z0-9]+(-[a-z0-9]+)*")]
    private static partial Regex IconName();
}

/// <summary>
/// The site in production with its static files laid out as a publish lays them out: the
/// compressed copies the build makes are found beside the originals (a test runs from the build,
/// where only development mode would look for them).
/// </summary>
public sealed class PublishedLayoutFactory : DealerCrmFactory
{
    protected override string EnvironmentName => "Production";

    protected override bool UsesDatabaseTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}
