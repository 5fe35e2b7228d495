using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.CallPageTests;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.Notifications;

/// <summary>
/// The navigation's follow-up count is reused for 30 s (on the fake clock), counted afresh on the
/// queue page, and refreshed at once when the user acts on a task.
/// </summary>
public sealed class BadgeCacheTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    [Fact]
    public async Task The_badge_is_reused_briefly_fresh_on_the_queue_page_and_refreshed_when_the_user_acts()
    {
        var agentId = await factory.CreateUserAsync("agent.badge", "测试专员己", Roles.CsAgent);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var pool = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == null && t.OwnerRole == Roles.CsAgent && t.DueUtc < now && t.ExcludedUserId == null)
            .OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync());
        Assert.Equal(3, pool.Count);
        var mine = pool[2];
        await factory.WithDbAsync(async db =>
        {
            (await db.FollowUpTasks.SingleAsync(t => t.Id == mine)).Reassign(agentId, "test", "测试专员己", now);
            await db.SaveChangesAsync();
        });

        using var agent = await factory.SignInAsync("agent.badge");
        var count = NavBadge(await agent.GetHtmlAsync("/"));
        Assert.InRange(count, 4, 98);

        // Done elsewhere (another instance, a colleague): the badge may lag...
        await CancelAsync(pool[0]);
        Assert.Equal(count, NavBadge(await agent.GetHtmlAsync("/")));
        // ...but the queue page counts afresh, and the pages after it show that.
        Assert.Equal(count - 1, NavBadge(await agent.GetHtmlAsync("/FollowUps")));
        Assert.Equal(count - 1, NavBadge(await agent.GetHtmlAsync("/")));

        // Another change elsewhere shows once the 30 s have passed.
        await CancelAsync(pool[1]);
        factory.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(count - 1, NavBadge(await agent.GetHtmlAsync("/")));
        factory.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(count - 2, NavBadge(await agent.GetHtmlAsync("/")));

        // The user's own call shows on the very next page.
        var version = (await TaskAsync(factory, mine)).Version;
        using (var call = await agent.PostWithTokenAsync($"/FollowUps/{mine}?handler=Call", CallForm(version, CallOutcome.WrongNumber, new Dictionary<int, string>()),
                   await TokenAsync(agent, $"/FollowUps/{mine}")))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, call.StatusCode);
        }

        Assert.Equal(FollowUpStatus.WrongNumber, (await TaskAsync(factory, mine)).Status);
        Assert.Equal(count - 3, NavBadge(await agent.GetHtmlAsync("/Customers")));
    }

    private Task<int> CancelAsync(long taskId) =>
        factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, FollowUpStatus.Cancelled)));
}
