using System.Reflection;
using DealerCrm.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Web.Tests.Infrastructure;

/// <summary>
/// The real site on a real SQLite file in a fresh temporary folder, with the demo users and a
/// <see cref="FakeTimeProvider"/> standing at Monday 2026-11-23 10:00 Beijing time. The database
/// starts as a copy of a template seeded once per test run for the factory's data profile
/// (environment, clock at start, seed-related settings): see docs/testing.md.
/// </summary>
public class DealerCrmFactory : WebApplicationFactory<Program>
{
    /// <summary>2026-11-23 10:00 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public DealerCrmFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "dealercrm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public FakeTimeProvider Time { get; } = new(DefaultStart);

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "dealercrm.db");

    /// <summary>The hosting environment; Development unless a test wants production behaviour.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Extra configuration a derived factory wants (keys as in appsettings.json).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>
    /// Whether this site starts from a copy of its data profile's template database (see
    /// <see cref="DatabaseTemplates"/>) instead of seeding its own. Off by itself for a factory
    /// that overrides <see cref="ConfigureWebHost"/> (its services might seed differently) or
    /// moves the database; a factory may also switch it off.
    /// </summary>
    protected virtual bool UsesDatabaseTemplate =>
        GetType().GetMethod(nameof(ConfigureWebHost), BindingFlags.Instance | BindingFlags.NonPublic, [typeof(IWebHostBuilder)])!.DeclaringType == typeof(DealerCrmFactory);

    /// <summary>The data profile this site seeds, from its effective settings and its clock at start.</summary>
    private DataProfile? Profile() =>
        UsesDatabaseTemplate ? DataProfile.Of(EnvironmentName, Time.GetUtcNow(), Settings) : null;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Before the site starts: it then finds a migrated, seeded database and seeds nothing.
        if (Profile() is { } profile && !File.Exists(DatabasePath))
        {
            DatabaseTemplates.CopyTo(profile, DatabasePath);
        }

        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        Configure(builder, EnvironmentName, DataDirectory, Settings, Time);

    /// <summary>The test configuration of a site; template databases are built with the same.</summary>
    internal static void Configure(IWebHostBuilder builder, string environmentName, string dataDirectory, IEnumerable<KeyValuePair<string, string?>> settings, TimeProvider time)
    {
        builder.UseEnvironment(environmentName);
        builder.UseSetting("DataDirectory", dataDirectory);
        builder.UseSetting("Demo:Seed", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(time);
        });
    }

    /// <summary>A DbContext on the site's database, for arranging and checking data.</summary>
    public AsyncServiceScope Scope(out DealerCrmDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
        return scope;
    }

    public async Task WithDbAsync(Func<DealerCrmDbContext, Task> action)
    {
        await using var scope = Scope(out var db);
        await action(db);
    }

    public async Task<T> WithDbAsync<T>(Func<DealerCrmDbContext, Task<T>> action)
    {
        await using var scope = Scope(out var db);
        return await action(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be held open by the file sink; the OS temp cleaner gets it.
            }
        }
    }
}

/// <summary>The site as it runs in production: friendly error pages, no developer pages.</summary>
public sealed class ProductionFactory : DealerCrmFactory
{
    protected override string EnvironmentName => "Production";
}
