using DealerCrm.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Web.Tests.Infrastructure;

/// <summary>
/// The real site on a real SQLite file in a fresh temporary folder, with the demo users and a
/// <see cref="FakeTimeProvider"/> standing at Monday 2026-11-23 10:00 Beijing time.
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Demo:Seed", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
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
