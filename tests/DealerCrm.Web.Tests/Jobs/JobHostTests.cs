using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Jobs;

/// <summary>Two test jobs beside the real ones: one that always throws, one that counts its runs.</summary>
public sealed class JobHostFactory : DealerCrmFactory
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Customers"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<CountingJob.Counter>();
            services.AddPeriodicJob<FailingJob>(FailingJob.Name, _ => Period);
            services.AddPeriodicJob<CountingJob>(CountingJob.Name, _ => Period);
        });
    }

    public sealed class FailingJob : IPeriodicJob
    {
        public const string Name = "TestFailing";

        public Task RunOnceAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("This job always fails.");
    }

    /// <summary>Scoped like every job; the counter outlives the scope.</summary>
    public sealed class CountingJob(CountingJob.Counter counter) : IPeriodicJob
    {
        public const string Name = "TestCounting";

        public Task RunOnceAsync(CancellationToken cancellationToken)
        {
            counter.Add();
            return Task.CompletedTask;
        }

        public sealed class Counter
        {
            private int _runs;

            public int Runs => Volatile.Read(ref _runs);

            public void Add() => Interlocked.Increment(ref _runs);
        }
    }
}

/// <summary>
/// The job host runs every registered job on its own timer, driven by the fake clock: the test
/// moves time and awaits the ticks it expects (never a wall-clock wait), and a job that always
/// fails neither stops itself nor any other job.
/// </summary>
public sealed class JobHostTests(JobHostFactory factory) : IClassFixture<JobHostFactory>
{
    [Fact]
    public async Task A_job_that_always_fails_keeps_ticking_and_never_stops_another_job()
    {
        var host = factory.Services.GetRequiredService<JobHost>();
        var counter = factory.Services.GetRequiredService<JobHostFactory.CountingJob.Counter>();
        await TickWatch.UntilAsync(host, JobHostFactory.FailingJob.Name, 1);
        await TickWatch.UntilAsync(host, JobHostFactory.CountingJob.Name, 1);

        for (var round = 2; round <= 4; round++)
        {
            var failing = TickWatch.NextAsync(host, JobHostFactory.FailingJob.Name);
            var counting = TickWatch.NextAsync(host, JobHostFactory.CountingJob.Name);
            factory.Time.Advance(JobHostFactory.Period);
            var failure = await failing;
            Assert.IsType<InvalidOperationException>(failure);
            Assert.Null(await counting);
        }

        Assert.True(counter.Runs >= 4, $"the counting job ran {counter.Runs} times");
        Assert.True(host.TicksOf(JobHostFactory.FailingJob.Name) >= 4);
    }

    [Fact]
    public async Task The_follow_up_job_is_one_of_the_host_s_jobs()
    {
        var host = factory.Services.GetRequiredService<JobHost>();
        var registrations = factory.Services.GetServices<PeriodicJobRegistration>().Select(r => r.Name).ToList();
        Assert.Contains(FollowUpJob.Name, registrations);
        await TickWatch.UntilAsync(host, FollowUpJob.Name, 1);
        Assert.True(await factory.WithDbAsync(db => db.FollowUpCursors.AnyAsync()), "the follow-up job's first tick did not run");
    }
}

/// <summary>Awaits a job's ticks through the host's event, with a generous guard against a hang.</summary>
public static class TickWatch
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    /// <summary>The next tick of the job that completes after this call; its failure, or null.</summary>
    public static async Task<Exception?> NextAsync(JobHost host, string job)
    {
        var next = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnTick(string name, Exception? failure)
        {
            if (name == job)
            {
                next.TrySetResult(failure);
            }
        }

        host.TickCompleted += OnTick;
        try
        {
            return await next.Task.WaitAsync(Guard);
        }
        finally
        {
            host.TickCompleted -= OnTick;
        }
    }

    /// <summary>Waits until the job has completed at least <paramref name="ticks"/> ticks since start; the last one's failure, or null.</summary>
    public static async Task<Exception?> UntilAsync(JobHost host, string job, long ticks)
    {
        var reached = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnTick(string name, Exception? failure)
        {
            if (name == job && host.TicksOf(job) >= ticks)
            {
                reached.TrySetResult(failure);
            }
        }

        host.TickCompleted += OnTick;
        try
        {
            if (host.TicksOf(job) >= ticks)
            {
                return null;
            }

            return await reached.Task.WaitAsync(Guard);
        }
        finally
        {
            host.TickCompleted -= OnTick;
        }
    }
}
