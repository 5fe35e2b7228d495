using DealerCrm.Domain.FollowUps;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Csi;

/// <summary>A backlog of survey tasks is saved a few at a time (bench/Memory: one save of 14,000 tasks was a memory burst).</summary>
public sealed class SamplingBatchTests(CsiFactory factory) : IClassFixture<CsiFactory>
{
    [Fact]
    public async Task A_backlog_is_saved_in_batches_and_every_buyer_gets_one_task()
    {
        var buyers = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            buyers.Add((await factory.CustomerAsync($"批量抽样客户{i}", monthsAgo: 0, advisorLogin: null, daysAgo: 5 + i)).Customer.Id);
        }

        var saves = new List<int>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
            // New tasks in each save (the last one also carries the run's overdue hot alerts and notices).
            db.SavingChanges += (_, _) => saves.Add(db.ChangeTracker.Entries<FollowUpTask>().Count(e => e.State == EntityState.Added));
            var job = scope.ServiceProvider.GetRequiredService<CsiJob>();
            job.SaveEvery = 2;

            var result = await job.RunOnceAsync(CancellationToken.None);

            Assert.True(result.SsiTasks >= buyers.Count);
        }

        Assert.True(saves.Count >= 3, $"saves: {string.Join(", ", saves)}");
        Assert.All(saves, saved => Assert.InRange(saved, 0, 2));
        var tasks = await factory.WithDbAsync(db => db.FollowUpTasks.AsNoTracking()
            .Where(t => buyers.Contains(t.CustomerId) && t.Kind == FollowUpKind.SsiSurvey).Select(t => t.CustomerId).ToListAsync());
        Assert.Equal(buyers.Order(), tasks.Order());
    }
}
