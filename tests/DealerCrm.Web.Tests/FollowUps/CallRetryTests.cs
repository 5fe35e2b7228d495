using System.Text.RegularExpressions;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
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
        // A service visit five days ago: its revisit was due two days ago, and is overdue.
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "无人接听客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        await factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(factory.Clock.Today.AddDays(-5), 5000,
                ServiceVisitType.Maintenance, "首次保养", await CustomerTestData.UserIdAsync(factory, "serviceadvisor"), Money.FromYuan(0), null, null),
                factory.Clock.UtcNow, "serviceadvisor"));
            await db.SaveChangesAsync();
        });
        await factory.RunJobAsync();
        var taskId = (await TaskOfAsync(factory, customer.Id, FollowUpKind.AfterServiceRevisit)).Id;
        var agent = await factory.SignInAsync("csagent");
        using (var claimed = await agent.PostWithTokenAsync($"/FollowUps?handler=Claim&id={taskId}&tab=Overdue", new(), await TokenAsync(agent, "/FollowUps")))
        {
            Assert.Equal($"/FollowUps/{taskId}", claimed.Headers.Location!.OriginalString);
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
        Assert.Matches("第1次无人接听\\s*<br />\\s*第2次无人接听\\s*<br />\\s*第3次无人接听", Html.Section(details, "task-notes"));
        var log = Html.Section(details, "task-log");
        var entries = Regex.Matches(log, "<li.*?</li>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(Regex.Replace(m.Value, "<[^>]+>", " "), "\\s+", " ").Trim()).ToList();
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
}
