using System.Globalization;
using System.Net;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// The call flow (issue 12): claim and open from the queue in one POST, the revealed number as a
/// tel: link, "save and open the next" in the same tab of the queue, the call timer kept bounded.
/// </summary>
public sealed class CallFlowTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task Claim_and_open_lands_on_the_call_page_and_save_and_next_opens_the_queues_next_task_in_the_same_tab()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var (first, _) = await OverdueFirstCallAsync("下一个甲客户", salespersonId);
        var (second, _) = await OverdueFirstCallAsync("下一个乙客户", salespersonId);
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);

        using var claimed = await manager.PostWithTokenAsync($"/FollowUps?handler=Claim&id={first}&tab=Overdue", new(), await TokenAsync(manager, "/FollowUps?tab=Overdue"));
        Assert.Equal($"/FollowUps/{first}?tab=Overdue", claimed.Headers.Location!.OriginalString);
        var page = await FollowAsync(manager, claimed);
        var form = Html.Parse(page).QuerySelector("[data-testid='call-form']")!;
        Assert.Equal($"/FollowUps/{first}?tab=Overdue&handler=Call", WebUtility.HtmlDecode(form.GetAttribute("action")));
        // The cursor starts in the first answer; the talking points follow in order.
        Assert.Equal("answer-1", Html.Parse(page).QuerySelector("textarea[autofocus]")!.Id);
        Assert.True(Html.Has(page, "save-next"));

        var version = int.Parse(Html.InputValue(page, "Input.Version")!, CultureInfo.InvariantCulture);
        var call = CallPageTests.CallForm(version, CallOutcome.NotReached, new Dictionary<int, string>(), notes: "无人接听");
        call["next"] = "true";
        call["Input.CallSeconds"] = "999999999";
        using var saved = await manager.PostWithTokenAsync($"/FollowUps/{first}?handler=Call&tab=Overdue", call, SiteClient.AntiforgeryToken(page));

        Assert.StartsWith("未接通（第 1/3 次）", Flash(await FollowAsync(manager, saved)), StringComparison.Ordinal);

        // The saved task left the tab (tried again tomorrow); the next is what the queue now lists first.
        var queue = Html.Parse(await manager.GetHtmlAsync("/FollowUps?tab=Overdue")).QuerySelectorAll("tr[data-task]").Select(r => long.Parse(r.GetAttribute("data-task")!, CultureInfo.InvariantCulture)).ToList();
        Assert.DoesNotContain(first, queue);
        Assert.Contains(second, queue);
        Assert.Equal($"/FollowUps/{queue[0]}?tab=Overdue", saved.Headers.Location!.OriginalString);

        // The browser's absurd timer is kept only up to the longest call the policy allows (2 hours).
        var attempt = (await TaskAsync(factory, first)).Log.Single(e => e.Action == FollowUpAction.Called);
        Assert.Equal(120 * 60, attempt.CallSeconds);
        Assert.Contains("通话 120:00", Html.Section(await manager.GetHtmlAsync($"/FollowUps/{first}"), "task-log"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_revealed_number_is_a_tel_link_and_the_call_saved_after_the_reveal_is_not_refused_as_stale()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var (taskId, mobile) = await OverdueFirstCallAsync("拨号链接客户", salespersonId);
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        using var claimed = await manager.PostWithTokenAsync($"/FollowUps?handler=Claim&id={taskId}&tab=Overdue", new(), await TokenAsync(manager, "/FollowUps?tab=Overdue"));
        var page = await FollowAsync(manager, claimed);
        Assert.False(Html.Has(page, "dial"));

        using var revealed = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Reveal&tab=Overdue", new(), SiteClient.AntiforgeryToken(page));
        var html = await revealed.Content.ReadAsStringAsync();
        Assert.Equal($"tel:{mobile}", Html.Element(html, "dial").GetAttribute("href"));

        // The call form of the revealed page carries the task's version: the save goes through, with the typed timer.
        var version = int.Parse(Html.InputValue(html, "Input.Version")!, CultureInfo.InvariantCulture);
        var call = CallPageTests.CallForm(version, CallOutcome.WrongNumber, new Dictionary<int, string>());
        call["Input.CallSeconds"] = "not-a-number";
        using var saved = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call&tab=Overdue", call, SiteClient.AntiforgeryToken(html));
        Assert.Equal("/FollowUps?tab=Overdue", saved.Headers.Location!.OriginalString);
        var task = await TaskAsync(factory, taskId);
        Assert.Equal(FollowUpStatus.WrongNumber, task.Status);
        Assert.Null(task.Log.Single(e => e.Action == FollowUpAction.Called).CallSeconds);
    }

    /// <summary>A delivery 30 hours ago: its first call, in the sales managers' pool, was due 6 hours ago.</summary>
    private async Task<(long TaskId, string Mobile)> OverdueFirstCallAsync(string customerName, string salespersonId)
    {
        var delivery = await DeliverAsync(factory, customerName, salespersonId, factory.Clock.LocalNow.AddHours(-30));
        await factory.RunJobAsync();
        return ((await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.FirstCall)).Id, delivery.Customer.Mobile!);
    }
}
