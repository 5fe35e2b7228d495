using AngleSharp.Dom;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// A customer who does not answer: each "not reached" puts the call off to the next day; the third
/// closes the task as unreachable. This class moves its factory's clock, so it has a factory of its own.
/// </summary>
public sealed class CallRetryTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task Not_reached_is_tried_again_the_next_day_and_the_third_try_closes_the_task_as_unreachable()
    {
        var taskId = await OverdueRevisitAsync("无人接听客户");
        var agent = await factory.SignInAsync("csagent");
        using (var claimed = await agent.PostWithTokenAsync($"/FollowUps?handler=Claim&id={taskId}&tab=Overdue", new(), await TokenAsync(agent, "/FollowUps")))
        {
            Assert.Equal($"/FollowUps/{taskId}?tab=Overdue", claimed.Headers.Location!.OriginalString);
        }

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            if (attempt > 1)
            {
                // Not before the next day; then there it is again, and the session of yesterday has ended.
                Assert.DoesNotContain(taskId, (await QueueAsync(agent, QueueTab.Overdue)).Select(t => t.Id));
                factory.Advance(TimeSpan.FromHours(23));
                agent.Dispose();
                agent = await factory.SignInAsync("csagent");
                Assert.DoesNotContain(taskId, (await QueueAsync(agent, QueueTab.Overdue)).Select(t => t.Id));
                factory.Advance(TimeSpan.FromHours(1));
                Assert.Contains(taskId, (await QueueAsync(agent, QueueTab.Overdue)).Select(t => t.Id));
            }

            var page = await agent.GetHtmlAsync($"/FollowUps/{taskId}");
            var version = Html.InputValue(page, "Input.Version")!;
            using var recorded = await agent.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call",
                new() { ["Input.Version"] = version, ["Input.Outcome"] = nameof(CallOutcome.NotReached), ["Input.Notes"] = $"第{attempt}次无人接听" },
                SiteClient.AntiforgeryToken(page));
            var flash = Flash(await FollowAsync(agent, recorded));
            var task = await TaskAsync(factory, taskId);
            var now = factory.Time.GetUtcNow().UtcDateTime;
            Assert.Equal(attempt, task.Attempts);
            if (attempt < 3)
            {
                var retry = now.AddDays(1);
                Assert.Equal((FollowUpStatus.Open, retry), (task.Status, task.ActionableFromUtc));
                Assert.Equal($"未接通（第 {attempt}/3 次），已安排 {Shown(factory.Clock.ToLocal(retry))} 再拨。", flash);
                Assert.DoesNotContain(taskId, (await QueueAsync(agent, QueueTab.Today)).Select(t => t.Id));
                var upcoming = await agent.GetHtmlAsync("/FollowUps?tab=Upcoming");
                Assert.Contains(taskId, (await QueueAsync(agent, QueueTab.Upcoming)).Select(t => t.Id));
                Assert.Contains($"{Shown(factory.Clock.ToLocal(retry))} 再拨", Html.Section(upcoming, "queue"), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal((FollowUpStatus.Unreachable, now), (task.Status, task.CompletedUtc));
                Assert.Equal("已拨打 3 次仍未接通，任务关闭为“无法联系”。", flash);
            }
        }

        var closed = await TaskAsync(factory, taskId);
        Assert.Equal(3, closed.Log.Count(e => e.Action == FollowUpAction.Called && e.Outcome == CallOutcome.NotReached));
        Assert.Equal("第1次无人接听\n第2次无人接听\n第3次无人接听", closed.Notes);
        Assert.False(closed.IsDone);
        foreach (var tab in Enum.GetValues<QueueTab>())
        {
            Assert.DoesNotContain(taskId, (await QueueAsync(agent, tab)).Select(t => t.Id));
        }

        var details = await agent.GetHtmlAsync($"/FollowUps/{taskId}");
        Assert.Contains("无法联系", Html.Section(details, "task-status"), StringComparison.Ordinal);
        Assert.False(Html.Has(details, "call-form"));
        // Each attempt's note on a line of its own; the log newest first (the claim, made the same minute as
        // the first call, last), naming the agent.
        Assert.Contains("第1次无人接听\n第2次无人接听\n第3次无人接听", string.Join("\n", LinesAfterBreaks(Html.Element(details, "task-notes"))), StringComparison.Ordinal);
        var log = Html.Section(details, "task-log");
        var entries = Html.Element(details, "task-log").QuerySelectorAll("li").Select(Html.Words).ToList();
        Assert.Equal(4, entries.Count);
        Assert.Contains("未接通 第3次无人接听", entries[0], StringComparison.Ordinal);
        Assert.Contains("未接通 第1次无人接听", entries[2], StringComparison.Ordinal);
        Assert.Contains("认领", entries[3], StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Contains("孙丽娜", e, StringComparison.Ordinal));
        Assert.DoesNotContain("csagent", log, StringComparison.Ordinal);
        // A run of the job after the close changes nothing.
        await factory.RunJobAsync();
        Assert.Equal(FollowUpStatus.Unreachable, (await TaskAsync(factory, taskId)).Status);
        agent.Dispose();
    }

    [Fact]
    public async Task A_task_back_in_the_pool_while_waiting_for_its_retry_is_upcoming_for_every_agent_until_then()
    {
        // An agent did not reach the customer; the manager then put the task back in the pool.
        var taskId = await OverdueRevisitAsync("回到任务池客户");
        var agentId = await CustomerTestData.UserIdAsync(factory, "csagent");
        var policy = factory.Services.GetRequiredService<IOptions<FollowUpPolicy>>().Value;
        var retry = factory.Time.GetUtcNow().UtcDateTime.AddDays(policy.RetryAfterDays);
        await factory.WithDbAsync(async db =>
        {
            var task = await db.FollowUpTasks.SingleAsync(t => t.Id == taskId);
            var now = factory.Time.GetUtcNow().UtcDateTime;
            task.Claim(agentId, "csagent", now);
            task.RecordCall(new CallRecord(agentId, "csagent", CallOutcome.NotReached, new Dictionary<int, string>(), null), policy, now);
            task.Reassign(null, "csdirector", "客服专员任务池", now);
            await db.SaveChangesAsync();
        });
        var waiting = await TaskAsync(factory, taskId);
        Assert.Equal((null, retry), (waiting.OwnerUserId, waiting.ActionableFromUtc));

        using var agent = await factory.SignInAsync("csagent");
        Assert.DoesNotContain(taskId, (await QueueAsync(agent, QueueTab.Overdue)).Select(t => t.Id));
        Assert.Contains(taskId, (await QueueAsync(agent, QueueTab.Upcoming)).Select(t => t.Id));

        factory.Advance(TimeSpan.FromDays(policy.RetryAfterDays));
        using var tomorrow = await factory.SignInAsync("csagent");
        Assert.Contains(taskId, (await QueueAsync(tomorrow, QueueTab.Overdue)).Select(t => t.Id));
        Assert.DoesNotContain(taskId, (await QueueAsync(tomorrow, QueueTab.Upcoming)).Select(t => t.Id));
    }

    /// <summary>A service visit five days ago: its revisit, in the CS agents' pool, was due two days ago and is overdue.</summary>
    private async Task<long> OverdueRevisitAsync(string customerName)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, customerName);
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        await factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(factory.Clock.Today.AddDays(-5), 5000,
                ServiceVisitType.Maintenance, "首次保养", await CustomerTestData.UserIdAsync(factory, "serviceadvisor"), Money.FromYuan(0), null, null),
                factory.Clock.UtcNow, "serviceadvisor"));
            await db.SaveChangesAsync();
        });
        await factory.RunJobAsync();
        return (await TaskOfAsync(factory, customer.Id, FollowUpKind.AfterServiceRevisit)).Id;
    }

    /// <summary>The lines of a paragraph that starts each line with a &lt;br&gt;, trimmed (what comes before the first one is its label).</summary>
    private static List<string> LinesAfterBreaks(IElement paragraph)
    {
        var lines = new List<string>();
        foreach (var node in paragraph.ChildNodes)
        {
            if (node is IElement { LocalName: "br" })
            {
                lines.Add("");
            }
            else if (lines.Count > 0)
            {
                lines[^1] += node.TextContent;
            }
        }

        return lines.Select(line => line.Trim()).ToList();
    }
}
