using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using DealerCrm.Web.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>The timer on: a one-second period, demo data, the FakeTimeProvider moved by the test.</summary>
public sealed class TimerFactory : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Policies:FollowUps:JobIntervalSeconds"] = "1",
        ["Demo:Customers"] = "0",
    };
}

/// <summary>The follow-up job on the job host: ticks are awaited through the host, never polled for on the wall clock.</summary>
public sealed class FollowUpJobServiceTests(TimerFactory factory) : IClassFixture<TimerFactory>
{
    [Fact]
    public async Task A_failing_run_is_logged_and_the_next_tick_runs()
    {
        var host = factory.Services.GetRequiredService<JobHost>();
        await TickWatch.UntilAsync(host, FollowUpJob.Name, 1);
        var cursor = await factory.WithDbAsync(db => db.FollowUpCursors.AnyAsync());
        Assert.True(cursor, "the first run at start-up did not happen");

        // A real fault: the job's table is gone for one tick.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE FollowUpCursor RENAME TO FollowUpCursorAway"));
        // Time moves on by the timer's period: that tick runs and fails.
        var failedTick = TickWatch.NextAsync(host, FollowUpJob.Name);
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await failedTick);
        var logged = LogText().Contains("Follow-up job run failed", StringComparison.Ordinal);
        Assert.True(logged, $"the failure was not logged; the log ends:\n{LogText()[^Math.Min(3000, LogText().Length)..]}");

        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE FollowUpCursorAway RENAME TO FollowUpCursor"));
        var horizon = await factory.WithDbAsync(db => db.FollowUpCursors.Select(c => c.HorizonDate).SingleAsync());
        var nextTick = TickWatch.NextAsync(host, FollowUpJob.Name);
        factory.Time.Advance(TimeSpan.FromDays(1));
        await nextTick;
        var advanced = await factory.WithDbAsync(async db => await db.FollowUpCursors.Select(c => c.HorizonDate).SingleAsync() == horizon!.Value.AddDays(1));
        Assert.True(advanced, "the tick after the failure did not run");
    }

    private string LogText()
    {
        var folder = Path.Combine(factory.DataDirectory, "logs");
        return !Directory.Exists(folder) ? "" : string.Concat(Directory.EnumerateFiles(folder).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }
}
