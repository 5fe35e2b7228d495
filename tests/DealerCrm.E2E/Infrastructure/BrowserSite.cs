using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Infrastructure;

/// <summary>
/// The real site on Kestrel (a real port on 127.0.0.1) and Debian's Chromium driven by
/// Playwright. One per test class; each test opens its own browser context (its own cookies).
/// A derived fixture may run the site on a factory of its own (e.g. with the job timers off).
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserSite()
        : this(new DealerCrmFactory())
    {
    }

    protected BrowserSite(DealerCrmFactory factory) => Factory = factory;

    public DealerCrmFactory Factory { get; }

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    static BrowserSite()
    {
        // Expect(...) waits for its condition and returns as soon as it holds; the bound is only
        // how long a busy machine may take. Same bound as the context's actions (15 s, below).
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the background-networking flags Chromium floods the closed network with refused connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>A fresh browser session (cookies of its own) at tablet-friendly desktop size, in Chinese.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        _consoleErrors[page] = errors;
        page.Console += (_, message) =>
        {
            // A script error or a CSP violation fails the journey that caused it.
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    private readonly Dictionary<IPage, List<string>> _consoleErrors = [];

    /// <summary>The browser console's errors on this page so far.</summary>
    public IReadOnlyList<string> ConsoleErrors(IPage page) => _consoleErrors[page];

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
