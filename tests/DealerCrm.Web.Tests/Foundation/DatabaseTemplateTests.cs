using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>The test sites start from a template database seeded once per data profile (docs/testing.md).</summary>
public sealed class DatabaseTemplateTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    private static readonly Dictionary<string, string?> SmallDemo = new() { ["Demo:Customers"] = "60" };

    [Fact]
    public async Task A_site_starts_from_its_profiles_seeded_template_and_seeds_nothing_itself()
    {
        Assert.Equal(60, await factory.WithDbAsync(db => db.Customers.CountAsync()));
        Assert.Equal(DemoSeeder.RoleUsers.Count + DemoSeeder.Colleagues.Count, await factory.WithDbAsync(db => db.Users.CountAsync()));

        // Seeding happens at start-up, before the first request; the file sink writes each line
        // before the logging call returns, so the seeders' lines would be in the site's log by now.
        using var client = SiteClient.Anonymous(factory);
        (await client.Http.GetAsync("/Account/Login")).Dispose();
        var log = ReadLog();
        Assert.Contains("HTTP GET /Account/Login responded 200", log, StringComparison.Ordinal);
        Assert.DoesNotContain("demo users", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo data: 60 customers", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Job_timers_leave_the_profile_alone_and_what_is_seeded_or_when_changes_it()
    {
        var start = DealerCrmFactory.DefaultStart;
        var small = DataProfile.Of("Development", start, SmallDemo)!;

        Assert.Equal(small.Key, DataProfile.Of("Development", start, new Dictionary<string, string?>(SmallDemo) { ["Jobs:FollowUps"] = "false" })!.Key);
        Assert.Equal(small.Key, DataProfile.Of("Development", start, new Dictionary<string, string?>(SmallDemo) { ["Policies:FollowUps:JobIntervalSeconds"] = "1" })!.Key);

        Assert.NotEqual(small.Key, DataProfile.Of("Development", start, new Dictionary<string, string?> { ["Demo:Customers"] = "0" })!.Key);
        Assert.NotEqual(small.Key, DataProfile.Of("Development", start, new Dictionary<string, string?>())!.Key);
        Assert.NotEqual(small.Key, DataProfile.Of("Development", start, new Dictionary<string, string?>(SmallDemo) { ["Policies:FollowUps:JobBatchSize"] = "3" })!.Key);
        Assert.NotEqual(small.Key, DataProfile.Of("Production", start, SmallDemo)!.Key);
        Assert.NotEqual(small.Key, DataProfile.Of("Development", start.AddDays(7), SmallDemo)!.Key);

        Assert.Null(DataProfile.Of("Development", start, new Dictionary<string, string?> { ["ConnectionStrings:DealerCrm"] = "Data Source=elsewhere.db" }));
    }

    [Fact]
    public void A_factory_that_configures_the_host_itself_seeds_its_own_database()
    {
        using var own = new OwnHostFactory();
        using var plain = new PlainFactory();

        Assert.False(own.Template);
        Assert.True(plain.Template);
    }

    private sealed class OwnHostFactory : DealerCrmFactory
    {
        public bool Template => UsesDatabaseTemplate;

        protected override void ConfigureWebHost(IWebHostBuilder builder) => base.ConfigureWebHost(builder);
    }

    private sealed class PlainFactory : SmallDemoFactory
    {
        public bool Template => UsesDatabaseTemplate;
    }

    private string ReadLog()
    {
        var folder = Path.Combine(factory.DataDirectory, "logs");
        return !Directory.Exists(folder) ? "" : string.Concat(Directory.EnumerateFiles(folder).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }
}
