using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>The browser site with the follow-up job and the overdue digest run only by hand.</summary>
public sealed class NotificationSite() : BrowserSite(new NotificationFactory())
{
    public NotificationFactory Site => (NotificationFactory)Factory;
}

/// <summary>The bell: a manager reassigns a task, its new owner sees the count, reads the notice and follows it to the task.</summary>
public sealed class NotificationJourneys(NotificationSite site) : IClassFixture<NotificationSite>
{
    private NotificationFactory Factory => site.Site;

    [Fact]
    public async Task A_task_reassigned_by_the_manager_rings_the_agents_bell_and_its_notice_leads_to_the_task()
    {
        await Factory.CreateUserAsync("agent.bell", "测试专员戊", Roles.CsAgent);
        var now = Factory.Time.GetUtcNow().UtcDateTime;
        // An overdue task of the agents' pool on the overview's first page.
        var firstPage = await Factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Open && t.DueUtc < now)
            .OrderBy(t => t.DueUtc).ThenBy(t => t.Id).Take(50)
            .Select(t => new { t.Id, t.OwnerUserId, t.OwnerRole, t.ExcludedUserId }).ToListAsync());
        var taskId = firstPage.First(t => t.OwnerUserId == null && t.OwnerRole == Roles.CsAgent && t.ExcludedUserId == null).Id;

        // The agent has nothing new: the bell shows no number.
        var agent = await site.NewPageAsync();
        await agent.SignInAsync("agent.bell");
        await Assertions.Expect(agent.GetByTestId("bell")).ToHaveAttributeAsync("aria-label", "通知");
        await Assertions.Expect(agent.GetByTestId("bell-count")).ToHaveCountAsync(0);

        // The CS director gives the task to the agent.
        var director = await site.NewPageAsync();
        await director.SignInAsync("csdirector");
        await director.GotoAsync("/FollowUps/Overview");
        await director.GetByLabel($"#{taskId}", new() { Exact = true }).CheckAsync();
        await director.Locator("#toUserId").SelectOptionAsync(new SelectOptionValue { Label = "测试专员戊" });
        await director.GetByTestId("reassign-form").GetByRole(AriaRole.Button, new() { Name = "转交" }).ClickAsync();
        await Assertions.Expect(director.GetByTestId("flash")).ToContainTextAsync("已转交 1 个任务。");
        await director.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(director));

        // The agent's next page rings the bell.
        await agent.GotoAsync("/");
        var bell = agent.GetByRole(AriaRole.Link, new() { Name = "通知，1 条未读" });
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByTestId("bell-count")).ToHaveTextAsync("1");
        await agent.ScreenshotAsync("notifications-bell");
        await agent.AssertAccessibleAsync();

        await bell.ClickAsync();
        await Assertions.Expect(agent).ToHaveURLAsync($"{site.BaseUrl}/Notifications");
        var item = agent.Locator("[data-notification]");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToHaveAttributeAsync("data-unread", "true");
        await Assertions.Expect(item).ToContainTextAsync("钱晓梅 把一条回访任务转交给您：");
        await Assertions.Expect(agent.GetByTestId("unread-summary")).ToHaveTextAsync("1 条未读");
        await agent.ScreenshotAsync("notifications-list-unread");
        await agent.AssertAccessibleAsync();

        // Following the notice opens the task's call page and marks the notice read.
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(agent).ToHaveURLAsync($"{site.BaseUrl}/FollowUps/{taskId}");
        await Assertions.Expect(agent.GetByTestId("call-form")).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByTestId("bell")).ToHaveAttributeAsync("aria-label", "通知");
        await Assertions.Expect(agent.GetByTestId("bell-count")).ToHaveCountAsync(0);
        await agent.ScreenshotAsync("notifications-followed-to-task");
        await agent.AssertAccessibleAsync();

        await agent.GotoAsync("/Notifications");
        await Assertions.Expect(agent.Locator("[data-notification]")).ToHaveAttributeAsync("data-unread", "false");
        await Assertions.Expect(agent.GetByTestId("unread-summary")).ToHaveTextAsync("没有未读通知。");
        await agent.ScreenshotAsync("notifications-list-read");
        await agent.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(agent));

        // On a phone the notice wraps within the screen.
        var phone = await site.NewPageAsync(390, 844);
        await phone.SignInAsync("agent.bell");
        await phone.GotoAsync("/Notifications");
        await Assertions.Expect(phone.Locator("[data-notification]")).ToContainTextAsync("钱晓梅 把一条回访任务转交给您：");
        await phone.ScreenshotAsync("notifications-phone");
        await phone.AssertAccessibleAsync();
    }
}
