using System.Globalization;
using System.Net;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Jobs;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Web.Pages.Complaints;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.Complaints;

/// <summary>Complaints through the real site: the job's escalation and flags, per-tier rights, concurrent handlers, closing, the forms.</summary>
public sealed class ComplaintTests(ComplaintFactory factory) : IClassFixture<ComplaintFactory>
{
    private static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_job_escalates_a_case_past_its_tier_deadline_once_and_tells_the_new_tiers_roles_on_the_bell_and_the_timeline()
    {
        var complaint = await factory.TakeInAsync("升级客户");
        var paused = await factory.TakeInAsync("暂停客户");
        await using (var scope = factory.Scope(out var db))
        {
            var tracked = await db.Complaints.Include(c => c.Periods).SingleAsync(c => c.Id == paused.Id);
            tracked.Pause(ComplaintPauseReason.WaitingOnParts, "等配件", ComplaintActor.System, factory.Clock.UtcNow);
            await db.SaveChangesAsync();
        }

        factory.Advance(TimeSpan.FromHours(23));
        await factory.RunComplaintsJobAsync();
        Assert.Equal(1, (await factory.ComplaintAsync(complaint.Id)).Tier);

        factory.Advance(TimeSpan.FromHours(1));
        var result = await factory.RunComplaintsJobAsync();
        Assert.True(result.Escalated >= 1);

        var after = await factory.ComplaintAsync(complaint.Id);
        Assert.Equal((2, Roles.DepartmentManager, 1), (after.Tier, after.PoolRole, after.Escalations));
        var notices = await factory.NoticesAsync(complaint);
        Assert.Equal(
            [(Roles.DepartmentManager, "Notifications.ComplaintEscalated"), (Roles.TechnicalDirector, "Notifications.ComplaintEscalated"), (Roles.CsDirector, "Notifications.ComplaintEscalated")],
            notices);
        Assert.Contains(after.Events, e => e.Kind == ComplaintEventKind.Notified && e.Detail == "DepartmentManager,TechnicalDirector,CsDirector");
        Assert.Equal(1, (await factory.ComplaintAsync(paused.Id)).Tier);

        // Again: nothing more, no second notice.
        await factory.RunComplaintsJobAsync();
        Assert.Equal(3, (await factory.NoticesAsync(complaint)).Count);
        Assert.Equal(2, (await factory.ComplaintAsync(complaint.Id)).Tier);

        // The department manager sees it on the bell and may act now; the service advisor of tier 1 may only read.
        using var manager = await SiteClient.SignedInAsync(factory, Roles.DepartmentManager);
        var bell = await manager.GetHtmlAsync("/Notifications");
        Assert.Contains(complaint.Number, Html.Text(bell), StringComparison.Ordinal);
        Assert.True(Html.Has(await manager.GetHtmlAsync($"/Complaints/{complaint.Id}"), "save-investigation"));
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var readOnly = await advisor.GetHtmlAsync($"/Complaints/{complaint.Id}");
        Assert.True(Html.Has(readOnly, "read-only"));
        using var refused = await advisor.PostWithTokenAsync($"/Complaints/{complaint.Id}?handler=Comment", new() { ["Input.Note"] = "我来处理", ["Input.Version"] = V(after.Version) }, SiteClient.AntiforgeryToken(readOnly));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_on_site_complaint_tells_the_CS_director_at_once_and_an_authority_complaint_starts_with_the_general_manager()
    {
        var onSite = await factory.TakeInAsync("现场客户", ComplaintChannel.OnSite, login: "serviceadvisor", role: Roles.ServiceAdvisor);
        Assert.Equal([(Roles.CsDirector, "Notifications.ComplaintReceived")], await factory.NoticesAsync(onSite));
        var authority = await factory.TakeInAsync("主管部门客户", ComplaintChannel.Authority);
        Assert.Equal(3, authority.Tier);
        Assert.Equal([Roles.GeneralManager, Roles.CsDirector], (await factory.NoticesAsync(authority)).Select(n => n.Role));
    }

    [Fact]
    public async Task A_case_nearing_the_legal_limit_untold_is_flagged_and_the_director_told_once_and_a_bad_case_is_set_aside()
    {
        var complaint = await factory.TakeInAsync("法定时限客户");
        await using (var scope = factory.Scope(out var db))
        {
            var tracked = await db.Complaints.Include(c => c.Periods).SingleAsync(c => c.Id == complaint.Id);
            tracked.Pause(ComplaintPauseReason.WaitingOnCustomer, "客户出差", ComplaintActor.System, factory.Clock.UtcNow);
            await db.SaveChangesAsync();
        }

        // Received at the factory's clock; 5 working days on leaves 2 before the 7th.
        var calendar = await factory.Services.GetRequiredService<Web.Infrastructure.Calendar.WorkingCalendarProvider>().GetAsync();
        var received = factory.Clock.LocalDateOf(complaint.ReceivedUtc);
        var fifth = calendar.AddWorkingDays(received, 5);
        factory.Advance(factory.Clock.StartOfDayUtc(fifth).AddHours(9) - factory.Clock.UtcNow);
        await factory.RunComplaintsJobAsync();

        var flagged = await factory.ComplaintAsync(complaint.Id);
        Assert.True(flagged.LegalFlagged);
        Assert.Contains((Roles.CsDirector, "Notifications.ComplaintLegalNear"), await factory.NoticesAsync(complaint));
        await factory.RunComplaintsJobAsync();
        Assert.Single(await factory.NoticesAsync(complaint), n => n.Key == "Notifications.ComplaintLegalNear");

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        Assert.True(Html.Has(await director.GetHtmlAsync($"/Complaints/{complaint.Id}"), "legal-flag"));

        // A case the job cannot read is set aside, and the job goes on.
        var broken = await factory.TakeInAsync("坏数据客户");
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE ComplaintTierPeriods SET ClockBudget = 'x' WHERE ComplaintId = {broken.Id}"));
        factory.Advance(TimeSpan.FromDays(3));
        var result = await factory.RunComplaintsJobAsync();
        Assert.True(result.SetAside >= 1);
        Assert.True(await factory.WithDbAsync(db => db.SetAsideRows.AnyAsync(r => r.Job == ComplaintsJob.Name && r.SourceId == broken.Id && r.Status == SetAsideStatus.SetAside)));
        await factory.RunComplaintsJobAsync();
    }

    [Fact]
    public async Task Two_handlers_acting_at_once_cannot_overwrite_each_other_the_second_is_told()
    {
        var complaint = await factory.TakeInAsync("并发客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var agentPage = await agent.GetHtmlAsync($"/Complaints/{complaint.Id}");
        var directorPage = await director.GetHtmlAsync($"/Complaints/{complaint.Id}");
        var version = Html.InputValue(agentPage, "Input.Version")!;

        using var first = await agent.PostWithTokenAsync($"/Complaints/{complaint.Id}?handler=Investigation",
            new() { ["Input.Version"] = version, ["Input.Investigation"] = "异响来自隔热板", ["Input.Solution"] = "更换隔热板" }, SiteClient.AntiforgeryToken(agentPage));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await director.PostWithTokenAsync($"/Complaints/{complaint.Id}?handler=Investigation",
            new() { ["Input.Version"] = version, ["Input.Investigation"] = "客户驾驶习惯", ["Input.Solution"] = "不予处理" }, SiteClient.AntiforgeryToken(directorPage));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("这条投诉刚被其他同事处理过", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("更换隔热板", Html.Section(html, "solution"), StringComparison.Ordinal);
        Assert.Equal("不予处理", Html.TextAreaValue(html, "Input.Solution"));
        var stored = await factory.ComplaintAsync(complaint.Id);
        Assert.Equal(("更换隔热板", ComplaintStatus.AwaitingCustomer), (stored.Solution, stored.Status));
    }

    [Fact]
    public async Task Closing_needs_acceptance_and_the_steps_creates_the_agents_follow_up_call_and_the_director_can_reopen()
    {
        var complaint = await factory.TakeInAsync("结案客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var url = $"/Complaints/{complaint.Id}";

        async Task<HttpResponseMessage> Post(SiteClient client, string handler, Dictionary<string, string> form)
        {
            var page = await client.GetHtmlAsync(url);
            // A page with no action for this user has no form: post the version on file.
            form["Input.Version"] = Html.Has(page, "timeline") && Html.Parse(page).QuerySelector("[name='Input.Version']") is { } field
                ? field.GetAttribute("value")!
                : V((await factory.ComplaintAsync(complaint.Id)).Version);
            return await client.PostWithTokenAsync($"{url}?handler={handler}", form, SiteClient.AntiforgeryToken(page));
        }

        (await Post(agent, "Investigation", new() { ["Input.Investigation"] = "查明", ["Input.Solution"] = "更换", ["Input.CorrectiveAction"] = "培训" })).Dispose();
        using (var early = await Post(agent, "Close", []))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("客户接受处理方案后才能结案。", Html.Text(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.NotEqual(ComplaintStatus.Closed, (await factory.ComplaintAsync(complaint.Id)).Status);
        (await Post(agent, "Answer", new() { ["Input.Told"] = "已电话告知", ["Input.Accepted"] = "true" })).Dispose();
        (await Post(agent, "Recovery", new() { ["Input.Step"] = nameof(RecoveryStep.Apology) })).Dispose();
        using (var missing = await Post(agent, "Close", []))
        {
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Contains("还有必需的服务补救步骤未完成。", Html.Text(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var noGift = await Post(agent, "Recovery", new() { ["Input.Step"] = nameof(RecoveryStep.SymbolicAtonement), ["Input.GiftValue"] = "abc" }))
        {
            var html = Html.Text(await noGift.Content.ReadAsStringAsync());
            Assert.Contains("象征性赎罪须填写代金券或礼品。", html, StringComparison.Ordinal);
        }

        (await Post(agent, "Recovery", new() { ["Input.Step"] = nameof(RecoveryStep.UrgentRestoration) })).Dispose();
        using (var close = await Post(agent, "Close", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        }

        var closed = await factory.ComplaintAsync(complaint.Id);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        var call = await TaskAsync(factory, closed.FollowUpTaskId!.Value);
        Assert.Equal((FollowUpKind.ComplaintFollowUp, await CustomerTestData.UserIdAsync(factory, "csagent"), closed.CustomerId), (call.Kind, call.OwnerUserId, call.CustomerId));

        // Only the CS director reopens.
        using (var notAgent = await Post(agent, "Reopen", new() { ["Input.Reason"] = "再次投诉" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAgent.StatusCode);
        }

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        (await Post(director, "Reopen", new() { ["Input.Reason"] = "客户再次来电" })).Dispose();
        Assert.Equal(ComplaintStatus.Open, (await factory.ComplaintAsync(complaint.Id)).Status);
    }

    [Fact]
    public async Task Pages_are_refused_to_roles_outside_the_tiers_and_the_person_complained_about_is_told_not_shown()
    {
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        var complaint = await factory.TakeInAsync("被投诉顾问客户", concernedUserId: advisorId);
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        foreach (var url in new[] { "/Complaints", "/Complaints/Create", $"/Complaints/{complaint.Id}", "/Complaints/Analysis" })
        {
            using var response = await salesperson.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var page = await advisor.GetHtmlAsync($"/Complaints/{complaint.Id}");
        Assert.True(Html.Has(page, "excluded"));
        Assert.DoesNotContain("被投诉顾问客户", page, StringComparison.Ordinal);
        Assert.DoesNotContain(complaint.Number, Html.Text(await advisor.GetHtmlAsync("/Complaints?status=All")), StringComparison.Ordinal);
        using var analysis = await advisor.GetAsync("/Complaints/Analysis");
        Assert.Equal(HttpStatusCode.Forbidden, analysis.StatusCode);
    }

    [Fact]
    public async Task The_form_keeps_what_was_typed_and_says_what_is_wrong_and_a_good_one_opens_the_case_from_the_customer_page()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "表单客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var file = await agent.GetHtmlAsync($"/Customers/{customer.Id}");
        Assert.True(Html.Has(file, "customer-complaints"));
        var form = await agent.GetHtmlAsync($"/Complaints/Create?customerId={customer.Id}&hotAlertId=77");
        Assert.Equal(customer.Number, Html.InputValue(form, "Input.CustomerNumber"));

        var fields = new Dictionary<string, string>
        {
            ["Input.CustomerNumber"] = "C1999999999",
            ["Input.Channel"] = nameof(ComplaintChannel.OnSite),
            ["Input.Category"] = "",
            ["Input.Severity"] = nameof(ComplaintSeverity.Serious),
            ["Input.Department"] = nameof(ComplaintDepartment.Sales),
            ["Input.Description"] = "承诺的赠品没有兑现",
            ["Input.PromisedFeedback"] = "9999-12-31T10:00",
            ["Input.HotAlertId"] = "77",
        };
        using (var bad = await agent.PostWithTokenAsync("/Complaints/Create", fields, SiteClient.AntiforgeryToken(form)))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Equal("没有编号为 C1999999999 的客户。", Html.FieldError(html, "Input.CustomerNumber"));
            Assert.Equal("请选择投诉类别。", Html.FieldError(html, "Input.Category"));
            Assert.Equal("承诺反馈时间不能晚于 30 天以后。", Html.FieldError(html, "Input.PromisedFeedback"));
            Assert.Equal("承诺的赠品没有兑现", Html.TextAreaValue(html, "Input.Description"));
        }

        fields["Input.CustomerNumber"] = customer.Number;
        fields["Input.Category"] = nameof(ComplaintCategory.Sales);
        fields["Input.PromisedFeedback"] = LocalField(factory.Clock.LocalNow.AddDays(1));
        using var good = await agent.PostWithTokenAsync("/Complaints/Create", fields, SiteClient.AntiforgeryToken(form));
        var after = await FollowAsync(agent, good);
        var created = await factory.WithDbAsync(db => db.Complaints.SingleAsync(c => c.CustomerId == customer.Id));
        Assert.Equal((ComplaintChannel.OnSite, 77, ComplaintSeverity.Serious), (created.Channel, created.SourceHotAlertId, created.Severity));
        Assert.StartsWith("TS" + factory.Clock.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture), created.Number, StringComparison.Ordinal);
        Assert.Contains(created.Number, Flash(after), StringComparison.Ordinal);
        Assert.Contains(created.Number, Html.Section(await agent.GetHtmlAsync($"/Customers/{customer.Id}"), "customer-complaints"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorded_unhappy_flags_become_complaints_once()
    {
        var delivery = await DeliverAsync(factory, "旧不满意客户", await CustomerTestData.UserIdAsync(factory, "salesperson"), factory.Clock.LocalNow.AddHours(-3));
        await factory.RunJobAsync();
        var task = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.FirstCall);
        await using (var scope = factory.Scope(out var db))
        {
            var tracked = await db.FollowUpTasks.SingleAsync(t => t.Id == task.Id);
            tracked.RecordUnhappy("交车时说好的贴膜没贴", "salesmanager", factory.Clock.UtcNow);
            await db.SaveChangesAsync();
        }

        async Task<int> BackfillAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<UnhappyCallBackfill>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(1, await BackfillAsync());
        Assert.Equal(0, await BackfillAsync());
        var complaint = await factory.WithDbAsync(db => db.Complaints.SingleAsync(c => c.SourceFollowUpTaskId == task.Id));
        Assert.Equal((ComplaintChannel.ReturnCall, delivery.Customer.Id, delivery.Vehicle.Id, "交车时说好的贴膜没贴"),
            (complaint.Channel, complaint.CustomerId, complaint.VehicleId, complaint.Description));
    }

    [Fact]
    public async Task The_analysis_figures_agree_with_the_cases_and_the_page_and_export_show_them()
    {
        var today = factory.Clock.Today;
        var from = today.AddDays(-90);
        var fromUtc = factory.Clock.StartOfDayUtc(from);
        var toUtc = factory.Clock.StartOfDayUtc(today.AddDays(1));
        await using (var scope = factory.Scope(out var db))
        {
            var figures = scope.ServiceProvider.GetRequiredService<ComplaintFigures>();
            var cases = await db.Complaints.AsNoTracking().Where(c => c.ReceivedUtc >= fromUtc && c.ReceivedUtc < toUtc).ToListAsync();
            var summary = await figures.SummaryAsync(fromUtc, toUtc, CancellationToken.None);
            var hours = cases.Where(c => c.HoursToClose != null).Select(c => c.HoursToClose!.Value).Order().ToList();
            Assert.Equal(cases.Count, summary.Total);
            Assert.True(hours.Count > 0, "the demo data closes cases");
            Assert.Equal(hours.Average(), summary.MeanHoursToClose!.Value, 6);
            Assert.Equal(hours[(int)Math.Ceiling(0.9 * hours.Count) - 1], summary.P90HoursToClose);
            Assert.Equal(cases.Count(c => c.Escalations > 0), summary.Escalated);
            Assert.Equal(cases.Count(c => c.CorrectiveActionDoneUtc != null), summary.ActionsDone);
            var byCategory = await figures.CountsAsync(fromUtc, toUtc, ComplaintPeriod.Week, ComplaintDimension.Category, CancellationToken.None);
            Assert.Equal(
                cases.GroupBy(c => (c.ReceivedWeek, (int)c.Category)).Select(g => (g.Key.ReceivedWeek, g.Key.Item2, g.Count())).Order(),
                byCategory.Select(c => (c.Period, c.Key, c.Count)).Order());
            var byTier = await figures.CountsAsync(fromUtc, toUtc, ComplaintPeriod.Month, ComplaintDimension.Tier, CancellationToken.None);
            Assert.Equal(cases.Count, byTier.Sum(c => c.Count));
        }

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var query = $"from={Iso(from)}&to={Iso(today)}&period=Week";
        var page = await director.GetHtmlAsync($"/Complaints/Analysis?{query}");
        Assert.True(Html.Has(page, "chart-chart-category"));
        Assert.True(Html.Has(page, "table-tier"));
        Assert.True(Html.Has(page, "corrective-actions"));
        using var export = await director.GetAsync($"/Complaints/Analysis?handler=Export&{query}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        using var bad = await director.GetAsync("/Complaints/Analysis?from=2026-12-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请填写有效的日期范围", Html.Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
