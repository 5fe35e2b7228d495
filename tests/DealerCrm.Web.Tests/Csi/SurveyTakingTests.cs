using System.Net;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Csi;

public sealed class SurveyTakingTests(CsiFactory factory) : IClassFixture<CsiFactory>
{
    [Fact]
    public async Task A_phone_survey_with_one_low_answer_is_scored_closes_its_task_and_raises_a_hot_alert_for_the_director()
    {
        var customer = (await factory.CustomerAsync("问卷客户甲", monthsAgo: 12)).Customer;
        await factory.RunCsiJobAsync();
        var task = Assert.Single(await factory.SurveyTasksAsync(customer.Id));
        Assert.Equal((FollowUpKind.CsiSurvey, Roles.CsAgent, (string?)null), (task.Kind, task.OwnerRole, task.OwnerUserId));
        Assert.Equal(await CustomerTestData.UserIdAsync(factory, "serviceadvisor"), task.ExcludedUserId);
        var questionnaire = await factory.CurrentCsiAsync();
        var firstTime = questionnaire.Questions.Single(q => q.TextZh.Contains("一次修好", StringComparison.Ordinal));

        using var agent = await factory.SignInAsync("csagent");
        var page = $"/Csi/Surveys/Take?taskId={task.Id}";
        var html = await agent.GetHtmlAsync(page);
        Assert.Contains("问卷客户甲", html);
        Assert.Contains("一次修好", html);
        using var response = await agent.PostFormAsync(page, CsiFactory.SurveyForm(questionnaire, task, new() { [firstTime.Order] = "4" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var survey = await factory.SurveyOfAsync(customer.Id);
        Assert.NotNull(survey);
        Assert.StartsWith($"/Csi/Surveys/Details/{survey.Id}", response.Headers.Location!.OriginalString);
        // 服务质量 = (3×4 + 2×9 + 1×9) / 6 = 6.5; index = 9×(21+19+20+18) + 6.5×22 = 702 + 143 = 845.
        Assert.Equal(845d, survey.Index);
        Assert.Equal((SurveyMethod.Phone, "REC-20261123-01", 4, task.Id), (survey.Method, survey.RecordingReference, survey.LowestScore, survey.FollowUpTaskId));
        var done = await FollowUpTestData.TaskAsync(factory, task.Id);
        Assert.Equal((FollowUpStatus.Done, await CustomerTestData.UserIdAsync(factory, "csagent")), (done.Status, done.OwnerUserId));
        var alert = await factory.AlertOfAsync(customer.Id);
        Assert.NotNull(alert);
        Assert.Equal((HotAlertStatus.Open, 4, 1, task.ExcludedUserId), (alert.Status, alert.LowestScore, alert.LowAnswers, alert.StaffUserId));
        Assert.Equal(factory.Clock.UtcNow.AddHours(24), alert.DueUtc);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.HotAlertRaised && n.RecipientRole == Roles.CsDirector)));

        // The survey cannot be taken twice for the same task.
        var again = await agent.GetHtmlAsync(page);
        Assert.Contains("data-testid=\"take-closed\"", again);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_with_the_form_kept_and_records_nothing()
    {
        var customer = (await factory.CustomerAsync("问卷客户乙", monthsAgo: 10)).Customer;
        await factory.RunCsiJobAsync();
        var task = Assert.Single(await factory.SurveyTasksAsync(customer.Id));
        var questionnaire = await factory.CurrentCsiAsync();
        using var agent = await factory.SignInAsync("csagent");
        var page = $"/Csi/Surveys/Take?taskId={task.Id}";

        var form = CsiFactory.SurveyForm(questionnaire, task, new() { [2] = "11", [3] = "abc" }, method: "Fax");
        form["Input.RecordingReference"] = new string('R', 201);
        using var response = await agent.PostFormAsync(page, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("第 2 题的评分须为 1 到 10 分", html);
        Assert.Contains("第 3 题的评分须为 1 到 10 分", html);
        Assert.Contains("请选择调查方式", html);
        Assert.Contains("最多 200 个字符", html);
        Assert.Contains("value=\"9\" checked", html.Replace("checked=\"checked\"", "checked", StringComparison.Ordinal));
        Assert.Null(await factory.SurveyOfAsync(customer.Id));

        var nothing = CsiFactory.SurveyForm(questionnaire, task, questionnaire.Questions.ToDictionary(q => q.Order, _ => ""));
        using var empty = await agent.PostFormAsync(page, nothing);
        Assert.Contains("请至少记录一题的评分", await empty.Content.ReadAsStringAsync());
        Assert.Equal(FollowUpStatus.Open, (await FollowUpTestData.TaskAsync(factory, task.Id)).Status);
    }

    [Fact]
    public async Task A_recovery_call_closes_the_alert_only_with_a_note_and_the_alert_links_to_a_complaint()
    {
        var customer = (await factory.CustomerAsync("问卷客户丙", monthsAgo: 8)).Customer;
        await factory.RunCsiJobAsync();
        var task = Assert.Single(await factory.SurveyTasksAsync(customer.Id));
        var questionnaire = await factory.CurrentCsiAsync();
        using var agent = await factory.SignInAsync("csagent");
        using (await agent.PostFormAsync($"/Csi/Surveys/Take?taskId={task.Id}", CsiFactory.SurveyForm(questionnaire, task, new() { [1] = "2" })))
        {
        }

        var alert = (await factory.AlertOfAsync(customer.Id))!;
        using var director = await factory.SignInAsync("csdirector");
        var page = $"/Csi/Alerts/Details/{alert.Id}";
        var html = await director.GetHtmlAsync(page);
        Assert.Contains($"/Complaints/Create?customerId={customer.Id}&amp;hotAlertId={alert.Id}", html);

        using var blank = await director.PostFormAsync(page, new() { ["RecoveryNote"] = " ", ["Version"] = alert.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, page + "?handler=Recovery");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("请填写补救回访的结果", await blank.Content.ReadAsStringAsync());
        Assert.True((await factory.AlertOfAsync(customer.Id))!.IsOpen);

        using var closed = await director.PostFormAsync(page, new() { ["RecoveryNote"] = "已致歉，安排免费复检", ["Version"] = alert.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, page + "?handler=Recovery");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = (await factory.AlertOfAsync(customer.Id))!;
        Assert.Equal((HotAlertStatus.ClosedByRecoveryCall, "已致歉，安排免费复检"), (after.Status, after.RecoveryNote));
    }

    [Fact]
    public async Task Reached_on_the_call_page_of_a_survey_task_leads_to_the_survey_and_does_not_close_the_task()
    {
        var customer = (await factory.CustomerAsync("问卷客户通话", monthsAgo: 10)).Customer;
        await factory.RunCsiJobAsync();
        var task = Assert.Single(await factory.SurveyTasksAsync(customer.Id));
        var agentId = await CustomerTestData.UserIdAsync(factory, "csagent");
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.FollowUpTasks.SingleAsync(t => t.Id == task.Id);
            tracked.Claim(agentId, "csagent", factory.Clock.UtcNow);
            await db.SaveChangesAsync();
        });

        using var agent = await factory.SignInAsync("csagent");
        var page = await agent.GetHtmlAsync($"/FollowUps/{task.Id}");
        using var reached = await agent.PostWithTokenAsync($"/FollowUps/{task.Id}?handler=Call", new()
        {
            ["Input.Version"] = Html.InputValue(page, "Input.Version")!,
            ["Input.Outcome"] = nameof(CallOutcome.Reached),
            ["Input.Answers[1]"] = "客户同意做调查",
        }, Infrastructure.SiteClient.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.Redirect, reached.StatusCode);
        Assert.Equal($"/Csi/Surveys/Take?taskId={task.Id}", reached.Headers.Location!.OriginalString);
        Assert.Equal(FollowUpStatus.Open, (await FollowUpTestData.TaskAsync(factory, task.Id)).Status);
    }

    [Fact]
    public async Task A_complaint_opened_from_the_alert_closes_it_and_records_which_complaint()
    {
        var customer = (await factory.CustomerAsync("问卷客户投诉", monthsAgo: 9)).Customer;
        await factory.RunCsiJobAsync();
        var task = Assert.Single(await factory.SurveyTasksAsync(customer.Id));
        var questionnaire = await factory.CurrentCsiAsync();
        using var agent = await factory.SignInAsync("csagent");
        using (await agent.PostFormAsync($"/Csi/Surveys/Take?taskId={task.Id}", CsiFactory.SurveyForm(questionnaire, task, new() { [1] = "3" })))
        {
        }

        var alert = (await factory.AlertOfAsync(customer.Id))!;
        using var director = await factory.SignInAsync("csdirector");
        var create = $"/Complaints/Create?customerId={customer.Id}&hotAlertId={alert.Id}";
        var form = await director.GetHtmlAsync(create);
        using var created = await director.PostWithTokenAsync("/Complaints/Create", new()
        {
            ["Input.CustomerNumber"] = customer.Number,
            ["Input.Channel"] = nameof(Domain.Complaints.ComplaintChannel.ReturnCall),
            ["Input.Category"] = nameof(Domain.Complaints.ComplaintCategory.ServiceQuality),
            ["Input.Severity"] = nameof(Domain.Complaints.ComplaintSeverity.Minor),
            ["Input.Department"] = nameof(Domain.Complaints.ComplaintDepartment.Service),
            ["Input.Description"] = "满意度调查中对维修质量打了 3 分",
            ["Input.PromisedFeedback"] = factory.Clock.LocalNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.HotAlertId"] = alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, Infrastructure.SiteClient.AntiforgeryToken(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var complaint = await factory.WithDbAsync(db => db.Complaints.SingleAsync(c => c.CustomerId == customer.Id));
        var closed = (await factory.AlertOfAsync(customer.Id))!;
        Assert.Equal((HotAlertStatus.ClosedByComplaint, (int?)complaint.Id), (closed.Status, closed.ClosedByComplaintId));
        Assert.Equal(alert.Id, complaint.SourceHotAlertId);
    }

    [Fact]
    public async Task A_hot_alert_past_its_deadline_is_flagged_and_the_director_told_once()
    {
        var customer = (await factory.CustomerAsync("问卷客户丁", monthsAgo: 7)).Customer;
        await factory.RunCsiJobAsync();
        var task = Assert.Single(await factory.SurveyTasksAsync(customer.Id));
        using var agent = await factory.SignInAsync("csagent");
        using (await agent.PostFormAsync($"/Csi/Surveys/Take?taskId={task.Id}", CsiFactory.SurveyForm(await factory.CurrentCsiAsync(), task, new() { [5] = "6" })))
        {
        }

        var alert = (await factory.AlertOfAsync(customer.Id))!;
        await factory.RunCsiJobAsync();
        Assert.False((await factory.AlertOfAsync(customer.Id))!.IsOverdue);

        factory.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await factory.RunCsiJobAsync();
        await factory.RunCsiJobAsync();

        Assert.True((await factory.AlertOfAsync(customer.Id))!.IsOverdue);
        var key = DealerCrm.Web.Jobs.CsiJob.OverdueKey(alert.Id);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.DedupeKey == key && n.RecipientRole == Roles.CsDirector)));
    }
}
