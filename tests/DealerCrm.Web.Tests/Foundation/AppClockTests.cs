using DealerCrm.Web.Infrastructure.Startup;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>A Production site with a shifted clock configured: it must not start.</summary>
public sealed class ShiftedClockProductionFactory : DealerCrmFactory
{
    protected override string EnvironmentName => "Production";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [AppClock.StartSetting] = "2026-11-23T02:00:00Z" };

    // It never gets as far as its database.
    protected override bool UsesDatabaseTemplate => false;
}

/// <summary>
/// <c>Clock:StartUtc</c> starts the app's clock at a given instant in Development (a demo of a
/// given day; a second test process beside one on a fake clock) and is refused anywhere else.
/// </summary>
public sealed class AppClockTests
{
    [Fact]
    public void Without_the_setting_the_clock_is_the_system_s()
    {
        Assert.Same(TimeProvider.System, AppClock.From(Configuration(null), new StaticEnvironment(Environments.Production)));
    }

    [Fact]
    public void In_development_the_clock_starts_at_the_configured_instant_and_runs_on()
    {
        var start = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var clock = AppClock.From(Configuration("2026-11-23T02:00:00Z"), new StaticEnvironment(Environments.Development));
        var first = clock.GetUtcNow();
        var second = clock.GetUtcNow();

        // It started at the instant (the test took less than a minute to get here) and does not run backwards.
        Assert.InRange(first, start, start.AddMinutes(1));
        Assert.True(second >= first);
    }

    [Fact]
    public void A_malformed_instant_is_refused_with_the_setting_s_name()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => AppClock.From(Configuration("23/11/2026 kl. 10"), new StaticEnvironment(Environments.Development)));
        Assert.Contains(AppClock.StartSetting, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_production_site_with_the_setting_refuses_to_start()
    {
        using var factory = new ShiftedClockProductionFactory();
        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains(AppClock.StartSetting, refused.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? start) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AppClock.StartSetting] = start }).Build();

    private sealed class StaticEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "DealerCrm.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
