using System.Net;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;
using static DealerCrm.Web.Tests.Notifications.NotificationPages;

namespace DealerCrm.Web.Tests.Notifications;

/// <summary>
/// The bell and the notice list: a reassigned task tells its new owner, a role's notice is read by
/// each member on their own, marking read one by one or all at once, following a link, and nobody
/// reaching another user's notice.
/// </summary>
public sealed class NotificationTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    [Fact]
    public async Task A_manager_reassigning_a_task_tells_the_new_owner_who_follows_the_link_to_it()
    {
        var agentId = await factory.CreateUserAsync("agent.reassigned", "测试专员甲", Roles.CsAgent);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var task = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == null && t.OwnerRole == Roles.CsAgent && t.DueUtc < now && t.ExcludedUserId == null)
            .OrderBy(t => t.DueUtc).FirstAsync());
        using var agent = await factory.SignInAsync("agent.reassigned");
        Assert.Equal(0, Bell(await agent.GetHtmlAsync("/")));

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var overview = await director.GetHtmlAsync("/FollowUps/Overview");
        using (var moved = await director.PostWithTokenAsync("/FollowUps/Overview?handler=Reassign",
                   new() { ["taskIds"] = Id(task.Id), ["toUserId"] = agentId }, SiteClient.AntiforgeryToken(overview)))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        // The agent's bell counts it at once (the notice refreshed their cached count).
        Assert.Equal(1, Bell(await agent.GetHtmlAsync("/")));
        var item = Assert.Single(Items(await agent.GetHtmlAsync("/Notifications")));
        Assert.True(item.Unread);
        var due = factory.Clock.LocalDateOf(task.DueUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"钱晓梅 把一条回访任务转交给您：{KindLabel(task.Kind)}，截止 {due}。", item.Text);
        // The director (the sender) is told nothing of it (other features' jobs may tell them their own news).
        Assert.DoesNotContain(Items(await director.GetHtmlAsync("/Notifications")), i => i.Text.Contains("回访任务转交", StringComparison.Ordinal));

        using (var opened = await agent.GetAsync($"/Notifications/Open/{item.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal($"/FollowUps/{task.Id}", opened.Headers.Location!.OriginalString);
        }

        Assert.True(Html.Has(await agent.GetHtmlAsync($"/FollowUps/{task.Id}"), "call-form"));
        Assert.Equal(0, Bell(await agent.GetHtmlAsync("/")));
        Assert.False(Assert.Single(Items(await agent.GetHtmlAsync("/Notifications"))).Unread);
    }

    [Fact]
    public async Task Several_tasks_reassigned_at_once_make_one_notice_linking_to_the_queue()
    {
        var agentId = await factory.CreateUserAsync("agent.bulk", "测试专员乙", Roles.CsAgent);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var taskIds = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == null && t.OwnerRole == Roles.CsAgent && t.DueUtc < now && t.ExcludedUserId == null)
            .OrderByDescending(t => t.DueUtc).Select(t => t.Id).Take(3).ToListAsync());
        Assert.Equal(3, taskIds.Count);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        using (await director.PostFormAsync("/FollowUps/Overview", taskIds.Select(id => new KeyValuePair<string, string>("taskIds", Id(id)))
                   .Append(new("toUserId", agentId)), "/FollowUps/Overview?handler=Reassign"))
        {
        }

        using var agent = await factory.SignInAsync("agent.bulk");
        var item = Assert.Single(Items(await agent.GetHtmlAsync("/Notifications")));
        Assert.Equal("钱晓梅 把 3 条回访任务转交给您。", item.Text);
        using var opened = await agent.GetAsync($"/Notifications/Open/{item.Id}");
        Assert.Equal("/FollowUps", opened.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_notice_to_a_role_is_unread_for_each_member_until_they_read_it_themselves()
    {
        await factory.CreateUserAsync("director.two", "测试总监乙", Roles.CsDirector);
        var (noticeId, _) = await SendToRoleAsync(Roles.CsDirector, "role-notice-1");
        using var first = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        using var second = await factory.SignInAsync("director.two");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        // The directors' home is the cockpit, a redirect away: the bell is on every page.
        var firstBefore = Bell(await first.GetHtmlAsync("/Account/ChangePassword"));
        Assert.Contains(Items(await first.GetHtmlAsync("/Notifications")), i => i.Id == noticeId && i.Unread);
        Assert.Contains(Items(await second.GetHtmlAsync("/Notifications")), i => i.Id == noticeId && i.Unread);
        Assert.DoesNotContain(Items(await agent.GetHtmlAsync("/Notifications")), i => i.Id == noticeId);

        var page = await first.GetHtmlAsync("/Notifications");
        using (await first.PostWithTokenAsync($"/Notifications?handler=MarkRead&id={noticeId}", [], SiteClient.AntiforgeryToken(page)))
        {
        }

        Assert.Equal(firstBefore - 1, Bell(await first.GetHtmlAsync("/Account/ChangePassword")));
        Assert.Contains(Items(await first.GetHtmlAsync("/Notifications")), i => i.Id == noticeId && !i.Unread);
        Assert.Contains(Items(await second.GetHtmlAsync("/Notifications")), i => i.Id == noticeId && i.Unread);
        Assert.Equal(1, await factory.WithDbAsync(db => db.NotificationReads.CountAsync(r => r.NotificationId == noticeId)));
    }

    [Fact]
    public async Task Marking_one_read_then_all_read_empties_the_bell_and_unread_ones_come_first()
    {
        var userId = await factory.CreateUserAsync("reader.one", "测试销售丁", Roles.Salesperson);
        var ids = await factory.SendAsync(async n =>
        {
            foreach (var link in new[] { "/FollowUps/1", "/FollowUps/2", "/FollowUps/3" })
            {
                await n.NotifyUserAsync(userId, NotificationKind.TaskReassigned, "Notifications.TasksReassigned", ["周伟", NoticeArg.Of(2)], link);
                factory.Advance(TimeSpan.FromMinutes(1));
            }
        });
        using var reader = await factory.SignInAsync("reader.one");
        var page = await reader.GetHtmlAsync("/Notifications");
        Assert.Equal(3, Bell(page));
        Assert.Equal(ids.Reverse(), Items(page).Select(i => i.Id));

        // The oldest read: it goes below the unread ones.
        using (await reader.PostWithTokenAsync($"/Notifications?handler=MarkRead&id={ids[0]}", [], SiteClient.AntiforgeryToken(page)))
        {
        }

        page = await reader.GetHtmlAsync("/Notifications");
        Assert.Equal(2, Bell(page));
        Assert.Equal(new[] { (ids[2], true), (ids[1], true), (ids[0], false) }, Items(page).Select(i => (i.Id, i.Unread)));

        using (var all = await reader.PostWithTokenAsync("/Notifications?handler=MarkAllRead", [], SiteClient.AntiforgeryToken(page)))
        {
            Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        }

        page = await reader.GetHtmlAsync("/Notifications");
        Assert.Equal(0, Bell(page));
        Assert.Contains("已将 2 条通知标为已读。", Html.Text(page), StringComparison.Ordinal);
        Assert.All(Items(page), i => Assert.False(i.Unread));
        Assert.False(Html.Has(page, "mark-all-read"));

        // Without the antiforgery token nothing is marked.
        var newer = await factory.SendAsync(n => n.NotifyUserAsync(userId, NotificationKind.TaskReassigned, "Notifications.TasksReassigned", ["周伟", NoticeArg.Of(2)], "/FollowUps"));
        using (var forged = await reader.PostWithTokenAsync("/Notifications?handler=MarkAllRead", [], null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(1, Bell(await reader.GetHtmlAsync("/")));
        Assert.Contains(Items(await reader.GetHtmlAsync("/Notifications")), i => i.Id == newer[0] && i.Unread);
    }

    [Fact]
    public async Task A_user_can_neither_see_open_nor_mark_another_users_notice()
    {
        var ownerId = await factory.CreateUserAsync("owner.private", "测试专员丙", Roles.CsAgent);
        await factory.CreateUserAsync("snoop", "测试专员丁", Roles.CsAgent);
        var ids = await factory.SendAsync(n => n.NotifyUserAsync(ownerId, NotificationKind.TaskReassigned, "Notifications.TasksReassigned", ["钱晓梅", NoticeArg.Of(4)], "/FollowUps"));
        var id = Assert.Single(ids);

        using var snoop = await factory.SignInAsync("snoop");
        var page = await snoop.GetHtmlAsync("/Notifications");
        Assert.DoesNotContain(Items(page), i => i.Id == id);
        Assert.Equal(0, Bell(page));
        using (var open = await snoop.GetAsync($"/Notifications/Open/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        }

        using (var mark = await snoop.PostWithTokenAsync($"/Notifications?handler=MarkRead&id={id}", [], SiteClient.AntiforgeryToken(page)))
        {
            Assert.Equal(HttpStatusCode.NotFound, mark.StatusCode);
        }

        using (await snoop.PostWithTokenAsync("/Notifications?handler=MarkAllRead", [], SiteClient.AntiforgeryToken(page)))
        {
        }

        Assert.False(await factory.WithDbAsync(db => db.NotificationReads.AnyAsync(r => r.NotificationId == id)));
        using var owner = await factory.SignInAsync("owner.private");
        Assert.Contains(Items(await owner.GetHtmlAsync("/Notifications")), i => i.Id == id && i.Unread);
    }

    [Fact]
    public async Task A_dedupe_key_sends_a_notice_once_however_often_it_is_sent()
    {
        var (first, sent) = await SendToRoleAsync(Roles.SalesManager, "dedupe-test");
        Assert.True(sent);
        var (_, again) = await SendToRoleAsync(Roles.SalesManager, "dedupe-test");
        Assert.False(again);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.DedupeKey == "dedupe-test")));
        Assert.Equal(first, await factory.WithDbAsync(db => db.Notifications.Where(n => n.DedupeKey == "dedupe-test").Select(n => n.Id).SingleAsync()));
    }

    [Fact]
    public async Task The_list_reads_in_english_for_an_english_reader()
    {
        var userId = await factory.CreateUserAsync("reader.en", "Test Reader", Roles.LoungeAttendant);
        await factory.SendAsync(n => n.NotifyUserAsync(userId, NotificationKind.TaskReassigned, "Notifications.TaskReassigned",
            ["周伟", NoticeArg.Localized("Enum.FollowUpKind.FirstCall"), "2026-11-30"], "/Notifications"));
        using var reader = await factory.SignInAsync("reader.en");
        Assert.Equal("周伟 把一条回访任务转交给您：第一个电话（24小时），截止 2026-11-30。", Assert.Single(Items(await reader.GetHtmlAsync("/Notifications"))).Text);
        using (await reader.PostFormAsync("/", new() { ["culture"] = "en", ["returnUrl"] = "/" }, postUrl: "/Account/Language"))
        {
        }

        Assert.Equal("周伟 reassigned a follow-up task to you: First call (24 h), due 2026-11-30.", Assert.Single(Items(await reader.GetHtmlAsync("/Notifications"))).Text);
    }

    private static string KindLabel(FollowUpKind kind) => kind switch
    {
        FollowUpKind.AfterServiceRevisit => "售后回访",
        FollowUpKind.BirthdayGreeting => "生日祝贺",
        FollowUpKind.AnniversaryGreeting => "购车周年祝贺",
        FollowUpKind.InsuranceRenewal => "续保提醒",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private async Task<(long Id, bool Sent)> SendToRoleAsync(string role, string dedupeKey)
    {
        var sent = false;
        var ids = await factory.SendAsync(async n => sent = await n.NotifyRoleAsync(role, NotificationKind.OverdueDigest, "Notifications.OverdueDigest",
            [NoticeArg.Of(1), NoticeArg.ListOf([NoticeArg.Localized("Notifications.OverdueDigest.Person", "徐静", NoticeArg.Of(1))])], "/FollowUps/Overview", dedupeKey));
        return (ids.SingleOrDefault(), sent);
    }
}
