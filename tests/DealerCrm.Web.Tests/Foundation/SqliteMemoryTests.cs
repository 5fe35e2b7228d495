using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>The follow-up job off: its bulk write would lift the limit while the test reads it.</summary>
public sealed class NoFollowUpJobFactory : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Jobs:{FollowUpJob.Name}"] = "false",
    };
}

/// <summary>SQLite's limit is one per process: these tests run alone.</summary>
[CollectionDefinition(nameof(SqliteMemoryTests), DisableParallelization = true)]
public sealed class SqliteMemoryRunsAlone;

/// <summary>
/// SQLite's page caches together stay under a soft limit once the site has started (bench/Memory),
/// and a bulk write runs without it, then puts it back.
/// </summary>
[Collection(nameof(SqliteMemoryTests))]
public sealed class SqliteMemoryTests
{
    // sqlite3_soft_heap_limit64 with a negative argument reads the limit without changing it.
    private static long CurrentLimit() => SQLitePCL.raw.sqlite3_soft_heap_limit64(-1);

    [Fact]
    public async Task The_site_bounds_SQLites_caches_and_a_bulk_write_lifts_the_bound_while_it_runs()
    {
        using var factory = new NoFollowUpJobFactory();
        _ = factory.Server;
        Assert.Equal(SqliteMemory.SoftLimitBytes, CurrentLimit());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
        await using (await SqliteBulkWrite.BeginAsync(db.Database, CancellationToken.None))
        {
            Assert.Equal(0, CurrentLimit());
        }

        Assert.Equal(SqliteMemory.SoftLimitBytes, CurrentLimit());
    }
}
