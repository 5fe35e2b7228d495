using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// The call page (/FollowUps/{id}): the script's talking points each with the customer's answer,
/// the masked phone and its logged reveal, the outcome rules, stale forms, unhappy customers.
/// </summary>
public sealed class CallPageTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    /// <summary>第一个电话's script, verbatim (RULES.md section 3; Resources Script.FirstCall.1..6).</summary>
    private static readonly string[] FirstCallScript =
    [
        "感谢客户选择了我们专营店并购买了汽车",
        "询问客户对新车的感受，有无不明白、不会用的地方",
        "询问客户对专营店、对销售人员的服务感受",
        "了解员工的工作情况和客户对专营店的看法及好的建议，以便及时发现问题加以改进",
        "及时处理客户的不满和投诉",
        "询问新车上牌情况和是否需要协助",
    ];

    private static readonly string[] FirstCallAnswers =
    [
        "客户说是朋友推荐来的",
        "车很好开，倒车影像还不太会调，已约周六讲解",
        "对展厅环境和销售顾问都很满意",
        "建议交车区多放几把椅子",
        "没有不满",
        "上牌中，不需要协助",
    ];

    [Fact]
    public async Task The_call_page_shows_the_script_verbatim_and_the_phone_masked_and_a_reveal_is_logged()
    {
        var (delivery, taskId, manager) = await ClaimedFirstCallAsync("话术展示客户");
        using var _ = manager;
        var mobile = delivery.Customer.Mobile!;

        var html = await manager.GetHtmlAsync($"/FollowUps/{taskId}");

        var text = Html.Text(html);
        var positions = FirstCallScript.Select(point => text.IndexOf(point, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        for (var point = 1; point <= 6; point++)
        {
            Assert.Contains($"<span class=\"badge text-bg-secondary me-1\">{point}</span>{FirstCallScript[point - 1]}", text, StringComparison.Ordinal);
            Assert.Equal("", Html.TextAreaValue(html, $"Input.Answers[{point}]"));
        }

        Assert.DoesNotContain(mobile, html, StringComparison.Ordinal);
        Assert.Contains(PhoneMask.Mask(mobile), Html.Section(html, "mobile"), StringComparison.Ordinal);
        Assert.Contains("话术展示客户", Html.Section(html, "task-customer"), StringComparison.Ordinal);
        Assert.Contains("凯美瑞", text, StringComparison.Ordinal);

        using var revealed = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Reveal", new(), SiteClient.AntiforgeryToken(html));
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var revealedHtml = await revealed.Content.ReadAsStringAsync();
        Assert.Contains(mobile, Html.Section(revealedHtml, "mobile"), StringComparison.Ordinal);
        Assert.Contains("已记录本次查看", Html.Text(revealedHtml), StringComparison.Ordinal);
        var managerId = await CustomerTestData.UserIdAsync(factory, "salesmanager");
        var entry = await factory.WithDbAsync(db => db.PrivacyLog.SingleAsync(e => e.CustomerId == delivery.Customer.Id));
        Assert.Equal((PrivacyAction.RevealContact, managerId, $"回访任务：第一个电话（24小时）（#{taskId}）"), (entry.Action, entry.UserId, entry.Reason));
        // The reveal is for that one answer: the page opened again is masked.
        Assert.DoesNotContain(mobile, await manager.GetHtmlAsync($"/FollowUps/{taskId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reached_needs_an_answer_to_every_talking_point_and_keeps_the_typed_ones_then_saves_them_all()
    {
        var (delivery, taskId, manager) = await ClaimedFirstCallAsync("逐项答复客户");
        using var _ = manager;
        var page = await manager.GetHtmlAsync($"/FollowUps/{taskId}");
        var version = int.Parse(Html.InputValue(page, "Input.Version")!, CultureInfo.InvariantCulture);
        var partial = new Dictionary<int, string> { [1] = FirstCallAnswers[0], [3] = FirstCallAnswers[2], [6] = FirstCallAnswers[5], [4] = "  " };

        using var refused = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call",
            CallForm(version, CallOutcome.Reached, partial, notes: "客户很健谈"), SiteClient.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        foreach (var point in new[] { 2, 4, 5 })
        {
            Assert.Equal($"请记录第 {point} 项的客户答复。", PointError(html, point));
        }

        foreach (var point in new[] { 1, 3, 6 })
        {
            Assert.Null(PointError(html, point));
            Assert.Equal(FirstCallAnswers[point - 1], Html.TextAreaValue(html, $"Input.Answers[{point}]"));
        }

        Assert.Equal("客户很健谈", Html.TextAreaValue(html, "Input.Notes"));
        Assert.Contains("checked=\"checked\" data-testid=\"outcome-Reached\"", html, StringComparison.Ordinal);
        var unchanged = await TaskAsync(factory, taskId);
        Assert.Equal((FollowUpStatus.Open, 0, 0), (unchanged.Status, unchanged.Answers.Count, unchanged.Attempts));

        var all = Enumerable.Range(1, 6).ToDictionary(p => p, p => FirstCallAnswers[p - 1]);
        using var saved = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call", CallForm(version, CallOutcome.Reached, all, notes: "客户很健谈"),
            SiteClient.AntiforgeryToken(html));

        Assert.Equal("/FollowUps", saved.Headers.Location!.OriginalString);
        Assert.Equal("回访结果已记录。", Flash(await FollowAsync(manager, saved)));
        var done = await TaskAsync(factory, taskId);
        Assert.Equal((FollowUpStatus.Done, 1, await CustomerTestData.UserIdAsync(factory, "salesmanager"), "客户很健谈"),
            (done.Status, done.Attempts, done.CompletedByUserId, done.Notes));
        Assert.Equal(all, done.Answers.ToDictionary(a => a.Point, a => a.Text));
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, done.CompletedUtc);

        var donePage = await manager.GetHtmlAsync($"/FollowUps/{taskId}");
        Assert.False(Html.Has(donePage, "call-form"));
        Assert.Equal("<span data-testid=\"task-status\">已完成</span>", Html.Section(donePage, "task-status"));
        for (var point = 1; point <= 6; point++)
        {
            Assert.Contains(FirstCallAnswers[point - 1], Html.Section(donePage, $"recorded-answer-{point}"), StringComparison.Ordinal);
        }

        Assert.Contains(delivery.Customer.Name, Html.Text(donePage), StringComparison.Ordinal);

        // The customer's file shows the call in its timeline, linked to the task.
        var timeline = Html.Section(await manager.GetHtmlAsync($"/Customers/{delivery.Customer.Id}"), "timeline");
        Assert.Contains("回访：第一个电话（24小时）（已完成）", timeline, StringComparison.Ordinal);
        Assert.Contains($"/FollowUps/{taskId}", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_is_required_and_call_back_later_needs_a_time_in_the_future()
    {
        var (_, taskId, manager) = await ClaimedFirstCallAsync("回拨客户");
        using var __ = manager;
        var page = await manager.GetHtmlAsync($"/FollowUps/{taskId}");
        var token = SiteClient.AntiforgeryToken(page);
        var version = int.Parse(Html.InputValue(page, "Input.Version")!, CultureInfo.InvariantCulture);
        var now = factory.Clock.LocalNow;

        using (var noOutcome = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call", CallForm(version, null, new Dictionary<int, string>()), token))
        {
            Assert.Equal(HttpStatusCode.OK, noOutcome.StatusCode);
            Assert.Contains("请选择回访结果。", Html.Text(await noOutcome.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var noTime = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call", CallForm(version, CallOutcome.CallBackLater, new Dictionary<int, string>()), token))
        {
            Assert.Equal(HttpStatusCode.OK, noTime.StatusCode);
            Assert.Equal("请填写客户约定的回拨时间。", Html.FieldError(await noTime.Content.ReadAsStringAsync(), "Input.CallBackAt"));
        }

        var past = LocalField(now.AddMinutes(-30));
        using (var inPast = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call",
                   CallForm(version, CallOutcome.CallBackLater, new Dictionary<int, string> { [1] = FirstCallAnswers[0] }, callBackAt: past), token))
        {
            Assert.Equal(HttpStatusCode.OK, inPast.StatusCode);
            var html = await inPast.Content.ReadAsStringAsync();
            Assert.Equal("回拨时间应晚于现在。", Html.FieldError(html, "Input.CallBackAt"));
            Assert.Equal(past, Html.InputValue(html, "Input.CallBackAt"));
            Assert.Equal(FirstCallAnswers[0], Html.TextAreaValue(html, "Input.Answers[1]"));
        }

        Assert.Equal((FollowUpStatus.Open, 0), await StatusAsync(taskId));

        var later = new DateTime(now.Year, now.Month, now.Day, 15, 0, 0);
        using var scheduled = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call", CallForm(version, CallOutcome.CallBackLater, new Dictionary<int, string>(), callBackAt: LocalField(later)), token);

        Assert.Equal($"已约定 {Shown(later)} 回拨。", Flash(await FollowAsync(manager, scheduled)));
        var task = await TaskAsync(factory, taskId);
        Assert.Equal((FollowUpStatus.Open, 0, factory.Clock.ToUtc(later)), (task.Status, task.Attempts, task.ActionableFromUtc));
        Assert.DoesNotContain(taskId, (await QueueAsync(manager, QueueTab.Today)).Select(t => t.Id));
        Assert.DoesNotContain(taskId, (await QueueAsync(manager, QueueTab.Overdue)).Select(t => t.Id));
        Assert.Contains(taskId, (await QueueAsync(manager, QueueTab.Upcoming)).Select(t => t.Id));
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_the_typed_answers_kept_and_an_unhappy_customer_reaches_the_weekly_report()
    {
        var (delivery, taskId, manager) = await ClaimedFirstCallAsync("不满意客户甲");
        using var _ = manager;
        var staleForm = await manager.GetHtmlAsync($"/FollowUps/{taskId}");
        var staleVersion = int.Parse(Html.InputValue(staleForm, "Input.Version")!, CultureInfo.InvariantCulture);

        // Meanwhile the task changes (here: the customer's dissatisfaction is recorded on it).
        using (var empty = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Unhappy", new() { ["Input.UnhappyNote"] = " " }, SiteClient.AntiforgeryToken(staleForm)))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("请写明客户不满意的情况。", Html.Text(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        const string note = "交车等了两个多小时，客户要求店长回电";
        using (var unhappy = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Unhappy", new() { ["Input.UnhappyNote"] = note }, SiteClient.AntiforgeryToken(staleForm)))
        {
            // It opens a complaint carrying the call over (issue 13); the sales manager, who does not
            // read complaints, stays on the call page, which keeps the note.
            var complaint = await factory.WithDbAsync(db => db.Complaints.SingleAsync(c => c.SourceFollowUpTaskId == taskId));
            Assert.Equal($"/FollowUps/{taskId}", unhappy.Headers.Location!.OriginalString);
            var after = await FollowAsync(manager, unhappy);
            Assert.Equal($"已根据客户不满意登记投诉 {complaint.Number}。", Flash(after));
            Assert.Equal((delivery.Customer.Id, note), (complaint.CustomerId, complaint.Description));
            Assert.Contains(note, Html.Section(after, "unhappy-note"), StringComparison.Ordinal);
        }

        var all = Enumerable.Range(1, 6).ToDictionary(p => p, p => FirstCallAnswers[p - 1]);
        using var stale = await manager.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call", CallForm(staleVersion, CallOutcome.Reached, all), SiteClient.AntiforgeryToken(staleForm));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("这个任务刚被其他人处理过，请刷新后再记录。", Html.Section(html, "form-errors"), StringComparison.Ordinal);
        // The page shows the task as it is on file (still to do), with what was typed kept.
        Assert.Contains("待处理", Html.Section(html, "task-status"), StringComparison.Ordinal);
        Assert.True(Html.Has(html, "call-form"));
        Assert.Equal(FirstCallAnswers[3], Html.TextAreaValue(html, "Input.Answers[4]"));
        var task = await TaskAsync(factory, taskId);
        Assert.Equal((FollowUpStatus.Open, 0, 0, true, note), (task.Status, task.Answers.Count, task.Attempts, task.CustomerUnhappy, task.UnhappyNote));
        Assert.DoesNotContain(task.Log, e => e.Action == FollowUpAction.Called);

        // The director's weekly report lists the unhappy customer with the note, on the page and in the export.
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var week = Iso(FollowUpStats.WeekStart(factory.Clock.Today));
        var report = await director.GetHtmlAsync($"/FollowUps/Report?week={week}");
        var unhappyList = Html.Section(report, "report-unhappy");
        Assert.Contains(delivery.Customer.Name, unhappyList, StringComparison.Ordinal);
        Assert.Contains(note, unhappyList, StringComparison.Ordinal);
        Assert.Contains($"href=\"/FollowUps/{taskId}\"", unhappyList, StringComparison.Ordinal);

        using var export = await director.GetAsync($"/FollowUps/Report?handler=Export&week={week}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheet("不满意客户");
        Assert.Contains(sheet.RowsUsed().Skip(1), r => r.Cell(3).GetString() == delivery.Customer.Name && r.Cell(4).GetString() == note);
    }

    [Fact]
    public async Task A_salesperson_can_neither_open_nor_work_a_colleagues_task()
    {
        var colleagueId = await CustomerTestData.UserIdAsync(factory, "salesperson2");
        var delivery = await DeliverAsync(factory, "同事的客户", colleagueId, factory.Clock.LocalNow.AddHours(-2));
        await factory.RunJobAsync();
        var secondCall = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.SecondCall);
        var letter = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.ThankYouLetter);
        Assert.Equal(colleagueId, secondCall.OwnerUserId);
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        var token = await TokenAsync(salesperson, "/FollowUps");
        var all = Enumerable.Range(1, 4).ToDictionary(p => p, p => "代同事回访");

        foreach (var id in new[] { secondCall.Id, letter.Id })
        {
            using var open = await salesperson.GetAsync($"/FollowUps/{id}");
            Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
            using var call = await salesperson.PostWithTokenAsync($"/FollowUps/{id}?handler=Call", CallForm(secondCall.Version, CallOutcome.Reached, all), token);
            Assert.Equal(HttpStatusCode.NotFound, call.StatusCode);
            using var unhappy = await salesperson.PostWithTokenAsync($"/FollowUps/{id}?handler=Unhappy", new() { ["Input.UnhappyNote"] = "代记" }, token);
            Assert.Equal(HttpStatusCode.NotFound, unhappy.StatusCode);
            using var reveal = await salesperson.PostWithTokenAsync($"/FollowUps/{id}?handler=Reveal", new(), token);
            Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
        }

        var task = await TaskAsync(factory, secondCall.Id);
        Assert.Equal((FollowUpStatus.Open, 0, false), (task.Status, task.Answers.Count, task.CustomerUnhappy));
        Assert.False(await factory.WithDbAsync(db => db.PrivacyLog.AnyAsync(e => e.CustomerId == delivery.Customer.Id)));

        // The owner opens it and may work it.
        using var colleague = await factory.SignInAsync("salesperson2");
        Assert.True(Html.Has(await colleague.GetHtmlAsync($"/FollowUps/{secondCall.Id}"), "call-form"));
    }

    private async Task<(FollowUpStatus, int)> StatusAsync(long taskId)
    {
        var task = await TaskAsync(factory, taskId);
        return (task.Status, task.Attempts);
    }

    /// <summary>A delivery this morning; the job's first call, claimed by the sales manager (周伟), whose session is returned.</summary>
    private async Task<(TestDelivery Delivery, long TaskId, SiteClient Manager)> ClaimedFirstCallAsync(string customerName)
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var delivery = await DeliverAsync(factory, customerName, salespersonId, factory.Clock.LocalNow.AddHours(-2));
        await factory.RunJobAsync();
        var firstCall = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.FirstCall);
        var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        using var claimed = await manager.PostWithTokenAsync($"/FollowUps/{firstCall.Id}?handler=Claim", new(), await TokenAsync(manager, $"/FollowUps/{firstCall.Id}"));
        Assert.Equal("已认领，请开始回访。", Flash(await FollowAsync(manager, claimed)));
        return (delivery, firstCall.Id, manager);
    }

    public static Dictionary<string, string> CallForm(int version, CallOutcome? outcome, IReadOnlyDictionary<int, string> answers, string? notes = null, string? callBackAt = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.Notes"] = notes ?? "",
            ["Input.CallBackAt"] = callBackAt ?? "",
        };
        if (outcome is { } o)
        {
            form["Input.Outcome"] = o.ToString();
        }

        foreach (var (point, answer) in answers)
        {
            form[$"Input.Answers[{point}]"] = answer;
        }

        return form;
    }

    /// <summary>The message shown under a talking point's answer field, or null.</summary>
    public static string? PointError(string html, int point)
    {
        var field = Html.Parse(html).QuerySelector($"[data-testid='answer-{point}']");
        Assert.True(field is not null, $"No answer field for point {point}.");
        return field.Closest("li")?.QuerySelector("div.invalid-feedback.d-block")?.TextContent;
    }
}
