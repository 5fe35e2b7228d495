using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Web.Tests.Infrastructure;

/// <summary>
/// What decides the data a site seeds on an empty database: the environment, the clock at start
/// (demo data is laid out around "today") and every setting except those known to leave the
/// data alone. Two factories with the same profile start from byte-identical databases.
/// </summary>
public sealed record DataProfile(string EnvironmentName, DateTimeOffset Start, IReadOnlyList<KeyValuePair<string, string?>> Settings)
{
    /// <summary>
    /// Settings that never change what is seeded: job timers (a template is built with every
    /// hosted job stopped, and a copying site's own timer runs as it would have), logging.
    /// </summary>
    private static readonly string[] IgnoredPrefixes = ["Jobs:", "Serilog:", "Logging:", "Policies:FollowUps:JobIntervalSeconds"];

    /// <summary>Settings that move the database elsewhere: such a factory seeds its own.</summary>
    private static readonly string[] UnsupportedPrefixes = ["DataDirectory", "ConnectionStrings:", "Database:"];

    public string Key { get; } = KeyOf(EnvironmentName, Start, Settings);

    /// <summary>The profile of a factory's effective settings, or null when it cannot use a template.</summary>
    public static DataProfile? Of(string environmentName, DateTimeOffset start, IReadOnlyDictionary<string, string?> settings)
    {
        if (settings.Keys.Any(k => UnsupportedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        var relevant = settings
            .Where(s => !IgnoredPrefixes.Any(p => s.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new DataProfile(environmentName, start, relevant);
    }

    private static string KeyOf(string environmentName, DateTimeOffset start, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var text = new StringBuilder().Append(environmentName).Append('|').Append(start.UtcTicks);
        foreach (var (key, value) in settings)
        {
            text.Append('|').Append(key.ToUpperInvariant()).Append('=').Append(value);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }
}

/// <summary>
/// Seeded template databases, built once per test process and <see cref="DataProfile"/> by the
/// first factory that needs one (xunit starts test classes in parallel: one build per profile,
/// the others wait for it), then copied by every factory of that profile before its site starts.
/// The site then finds a migrated database with its demo users and data, and seeds nothing.
/// </summary>
public static class DatabaseTemplates
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "dealercrm-tests", $"templates-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();

    static DatabaseTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Root);

    /// <summary>How many templates this process has built (each one a full seeding).</summary>
    public static int Built => Templates.Count;

    /// <summary>The template file of a profile, built on first use.</summary>
    public static string For(DataProfile profile) =>
        // Task.Run: the template's own site starts outside the calling site's start-up.
        Templates.GetOrAdd(profile.Key, _ => new Lazy<Task<string>>(() => Task.Run(() => Build(profile)))).Value.GetAwaiter().GetResult();

    /// <summary>Copies the profile's template to a site's database file (nothing else: keys and logs are the site's own).</summary>
    public static void CopyTo(DataProfile profile, string databasePath) => File.Copy(For(profile), databasePath, overwrite: false);

    private static string Build(DataProfile profile)
    {
        Directory.CreateDirectory(Root);
        var template = Path.Combine(Root, profile.Key + ".db");
        var dataDirectory = Path.Combine(Root, profile.Key + "-site");
        Directory.CreateDirectory(dataDirectory);
        using (var site = new TemplateSite(profile, dataDirectory))
        {
            // Starting the site migrates and seeds (DatabaseStartup.PrepareDatabaseAsync).
            _ = site.Services;
            // VACUUM INTO writes one self-contained file, the WAL's pages included.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "dealercrm.db"),
                Pooling = false,
            }.ToString());
            connection.Open();
            using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", template);
            vacuum.ExecuteNonQuery();
        }

        TryDelete(dataDirectory);
        return template;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A log file may still be open; the OS temp cleaner gets it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    /// <summary>
    /// The site configured exactly as <see cref="DealerCrmFactory"/> configures it for the profile,
    /// with the app's own hosted services (the job host) removed: the template is the database
    /// as start-up leaves it, before any job tick.
    /// </summary>
    private sealed class TemplateSite(DataProfile profile, string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            DealerCrmFactory.Configure(builder, profile.EnvironmentName, dataDirectory, profile.Settings, new FakeTimeProvider(profile.Start));
            builder.ConfigureServices(services =>
            {
                var app = typeof(Program).Assembly;
                foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService && DeclaredIn(d, app)).ToList())
                {
                    services.Remove(hosted);
                }
            });
        }

        private static bool DeclaredIn(ServiceDescriptor descriptor, Assembly assembly) =>
            (descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType() ?? descriptor.ImplementationFactory?.Method.DeclaringType)?.Assembly == assembly;
    }
}
