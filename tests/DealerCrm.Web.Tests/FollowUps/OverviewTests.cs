using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// The managers' overview (overdue by owner, reassignment, return-visit and on-time rates) and the
/// weekly report with its .xlsx export, checked against counts made here from the tasks on file.
/// </summary>
public sealed class OverviewTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Theory]
    [InlineData(Roles.CsAgent)]
    [InlineData(Roles.Salesperson)]
    [InlineData(Roles.ServiceAdvisor)]
    public async Task The_overview_and_the_report_are_for_managers_only(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        foreach (var url in new[] { "/FollowUps/Overview", "/FollowUps/Report", "/FollowUps/Report?handler=Export" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.SalesManager)]
    [InlineData(Roles.CsDirector)]
    public async Task Overdue_tasks_are_counted_by_owner(string role)
    {
        using var manager = await SiteClient.SignedInAsync(factory, role);
        var html = await manager.GetHtmlAsync("/FollowUps/Overview");

        var names = await DisplayNamesAsync();
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var expected = (await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Open && t.DueUtc < now)
                .Select(t => new { t.OwnerUserId, t.OwnerRole }).ToListAsync()))
            .GroupBy(t => t.OwnerUserId is null ? PoolLabel(t.OwnerRole) : names[t.OwnerUserId])
            .ToDictionary(g => g.Key, g => g.Count());
        var shown = TableRows(Html.Section(html, "overdue-by-owner")).ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));
        Assert.Equal(expected.Values.Sum().ToString(CultureInfo.InvariantCulture), Inner(html, "kpi-overdue"));
        // The biggest load first.
        Assert.Equal(shown.Values.OrderDescending(), shown.Values);
    }

    [Fact]
    public async Task The_rates_on_the_overview_are_the_counts_of_the_tasks_due_in_the_period()
    {
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var today = factory.Clock.Today;
        var from = today.AddDays(-27);

        var html = await director.GetHtmlAsync($"/FollowUps/Overview?from={Iso(from)}&to={Iso(today)}");

        var start = factory.Clock.StartOfDayUtc(from);
        var end = factory.Clock.StartOfDayUtc(today.AddDays(1));
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var due = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.DueUtc >= start && t.DueUtc < end && t.DueUtc <= now && t.Status != FollowUpStatus.Cancelled)
            .Select(t => new Counted(t.CustomerId, t.OwnerUserId, t.OwnerRole, t.Kind, t.Status, t.DueUtc, t.CompletedUtc))
            .ToListAsync());
        var underWarranty = await factory.WithDbAsync(db => db.Vehicles.Where(v => v.WarrantyExpiry >= today).Select(v => v.CustomerId).Distinct().ToListAsync());
        Assert.True(due.Count > 100, $"Only {due.Count} tasks due in the period: the demo data should give more.");
        Assert.Contains(due, t => !IsDone(t));

        var total = Rates(due);
        Assert.Equal(total.Rate, Inner(html, "kpi-rate"));
        Assert.Contains($"回访率 ({total.Done} / {total.Due})", Html.Text(html), StringComparison.Ordinal);
        Assert.Equal(total.OnTime, Inner(html, "kpi-ontime"));
        var warranty = Rates(due.Where(t => underWarranty.Contains(t.CustomerId)).ToList());
        Assert.True(warranty.Due > 0);
        Assert.Equal(warranty.Rate, Inner(html, "kpi-warranty"));
        Assert.Contains("保修期内客户回访率（目标 100%）", Html.Text(html), StringComparison.Ordinal);

        var names = await DisplayNamesAsync();
        var byPerson = due.GroupBy(t => t.OwnerUserId is null ? PoolLabel(t.OwnerRole) : names[t.OwnerUserId])
            .ToDictionary(g => g.Key, g => Rates(g.ToList()).Row(g.Key));
        var shownByPerson = TableRows(Html.Section(html, "rates-person"));
        Assert.Equal(byPerson.Values.OrderBy(r => r[0], StringComparer.Ordinal).Select(Joined), shownByPerson.OrderBy(r => r[0], StringComparer.Ordinal).Select(Joined));

        var byKind = due.GroupBy(t => t.Kind).OrderBy(g => g.Key).Select(g => Rates(g.ToList()).Row(KindLabel(g.Key)));
        Assert.Equal(byKind.Select(Joined), TableRows(Html.Section(html, "rates-kind")).Select(Joined));
    }

    [Fact]
    public async Task A_manager_reassigns_an_overdue_pool_task_to_a_cs_agent_but_not_to_someone_without_the_role()
    {
        var agent2Id = await CustomerTestData.UserIdAsync(factory, "csagent2");
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var taskId = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == null && t.OwnerRole == Roles.CsAgent && t.DueUtc < now && t.ExcludedUserId != agent2Id)
            .OrderBy(t => t.DueUtc).Select(t => t.Id).FirstAsync());
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var overview = await director.GetHtmlAsync("/FollowUps/Overview");
        Assert.Contains($"name=\"taskIds\" value=\"{taskId}\"", overview, StringComparison.Ordinal);

        using (var refused = await director.PostWithTokenAsync("/FollowUps/Overview?handler=Reassign",
                   new() { ["taskIds"] = Id(taskId), ["toUserId"] = salespersonId }, SiteClient.AntiforgeryToken(overview)))
        {
            Assert.Equal("已转交 0 个任务；1 个任务因对方角色不符未转交。", Flash(await FollowAsync(director, refused)));
        }

        Assert.Null((await TaskAsync(factory, taskId)).OwnerUserId);

        using (var moved = await director.PostWithTokenAsync("/FollowUps/Overview?handler=Reassign",
                   new() { ["taskIds"] = Id(taskId), ["toUserId"] = agent2Id }, SiteClient.AntiforgeryToken(overview)))
        {
            Assert.Equal("已转交 1 个任务。", Flash(await FollowAsync(director, moved)));
        }

        var task = await TaskAsync(factory, taskId);
        Assert.Equal(agent2Id, task.OwnerUserId);
        var log = Assert.Single(task.Log, e => e.Action == FollowUpAction.Reassigned);
        Assert.Equal(("csdirector", "徐静"), (log.UserName, log.Note));
        using var agent2 = await factory.SignInAsync("csagent2");
        Assert.Contains(taskId, (await QueueAsync(agent2, QueueTab.Overdue)).Select(t => t.Id));
        Assert.True(Html.Has(await agent2.GetHtmlAsync($"/FollowUps/{taskId}"), "call-form"));
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        Assert.DoesNotContain(taskId, (await QueueAsync(agent, QueueTab.Overdue)).Select(t => t.Id));

        // And back to the pool.
        using (var back = await director.PostWithTokenAsync("/FollowUps/Overview?handler=Reassign",
                   new() { ["taskIds"] = Id(taskId), ["toUserId"] = "" }, SiteClient.AntiforgeryToken(overview)))
        {
            Assert.Equal("已转交 1 个任务。", Flash(await FollowAsync(director, back)));
        }

        Assert.Null((await TaskAsync(factory, taskId)).OwnerUserId);
        Assert.Contains(taskId, (await QueueAsync(agent, QueueTab.Overdue)).Select(t => t.Id));
    }

    [Fact]
    public async Task The_weekly_report_sums_up_last_weeks_calls_and_exports_them_to_xlsx()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var monday = FollowUpStats.WeekStart(factory.Clock.Today.AddDays(-7));

        var html = await manager.GetHtmlAsync("/FollowUps/Report");

        Assert.Contains($"{monday.Year}年{monday.Month}月{monday.Day}日", Html.Section(html, "report-week"), StringComparison.Ordinal);
        var start = factory.Clock.StartOfDayUtc(monday);
        var end = factory.Clock.StartOfDayUtc(monday.AddDays(7));
        var due = await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.DueUtc >= start && t.DueUtc < end && t.Status != FollowUpStatus.Cancelled)
            .Select(t => new Counted(t.CustomerId, t.OwnerUserId, t.OwnerRole, t.Kind, t.Status, t.DueUtc, t.CompletedUtc)).ToListAsync());
        var expected = due.GroupBy(t => t.Kind).OrderBy(g => FollowUpDepartments.Of(g.Key)).ThenBy(g => g.Key)
            .Select(g => new[] { DepartmentLabel(FollowUpDepartments.Of(g.Key)) }.Concat(Rates(g.ToList()).Row(KindLabel(g.Key))).ToArray())
            .ToList();
        var summary = TableRows(Html.Section(html, "report-summary"));
        Assert.True(expected.Count >= 3);
        Assert.Equal(expected.Select(Joined), summary.Select(Joined));

        // Unhappy customers: of the calls made that week, and of the week's calls still to make.
        var unhappy = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.CustomerUnhappy && ((t.CompletedUtc >= start && t.CompletedUtc < end) || (t.Status == FollowUpStatus.Open && t.DueUtc >= start && t.DueUtc < end)))
            .Select(t => t.UnhappyNote).ToListAsync());
        var answers = await factory.WithDbAsync(db => db.FollowUpAnswers.CountAsync(a => db.FollowUpTasks.Any(t => t.Id == a.TaskId && t.CompletedUtc >= start && t.CompletedUtc < end)));
        Assert.True(answers > 0);
        Assert.Contains($"客户反馈 <span class=\"badge text-bg-light border\">{answers}</span>", Html.Text(html), StringComparison.Ordinal);
        foreach (var note in unhappy)
        {
            Assert.Contains(note!, Html.Section(html, "report-unhappy"), StringComparison.Ordinal);
        }

        Assert.Equal(unhappy.Count == 0, Html.Section(html, "report-unhappy").Contains("本周没有不满意的客户。", StringComparison.Ordinal));

        using var export = await manager.GetAsync($"/FollowUps/Report?handler=Export&week={Iso(monday)}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"回访周报_{monday:yyyyMMdd}.xlsx", export.Content.Headers.ContentDisposition!.FileNameStar);
        using var book = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["回访汇总", "回访结果", "不满意客户", "客户反馈"], book.Worksheets.Select(w => w.Name));

        var sheet = book.Worksheet("回访汇总");
        Assert.Equal(["部门", "类型", "应回访", "已完成", "回访率", "及时率"], sheet.Row(1).CellsUsed().Select(c => c.GetString()));
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(Joined(expected[i][..4]), Joined([rows[i].Cell(1).GetString(), rows[i].Cell(2).GetString(), rows[i].Cell(3).GetString(), rows[i].Cell(4).GetString()]));
        }

        var results = book.Worksheet("回访结果").RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetValue<int>());
        Assert.Equal(due.Count + await factory.WithDbAsync(db => db.FollowUpTasks.CountAsync(t => t.DueUtc >= start && t.DueUtc < end && t.Status == FollowUpStatus.Cancelled)),
            results.Values.Sum());
        Assert.Equal(due.Count(t => t.Status == FollowUpStatus.Done), results.GetValueOrDefault("已完成"));
        Assert.Equal(unhappy.Count, book.Worksheet("不满意客户").RowsUsed().Count() - 1);
        var feedback = book.Worksheet("客户反馈");
        Assert.Equal(["时间", "类型", "客户名称", "话术要点", "客户答复"], feedback.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(answers, feedback.RowsUsed().Count() - 1);
        Assert.All(feedback.RowsUsed().Skip(1), r => Assert.False(string.IsNullOrWhiteSpace(r.Cell(4).GetString())));
    }

    private sealed record Counted(int CustomerId, string? OwnerUserId, string OwnerRole, FollowUpKind Kind, FollowUpStatus Status, DateTime DueUtc, DateTime? CompletedUtc);

    private sealed record Expected(int Due, int Done, string Rate, string OnTime)
    {
        /// <summary>A rates table row as the page shows it: label, due, done, rate, on-time rate.</summary>
        public string[] Row(string label) => [label, Due.ToString(CultureInfo.InvariantCulture), Done.ToString(CultureInfo.InvariantCulture), Rate, OnTime];
    }

    private static string Joined(string[] cells) => string.Join(" | ", cells);

    private static bool IsDone(Counted t) => t.Status is FollowUpStatus.Done or FollowUpStatus.Refused;

    /// <summary>回访率 = done / due, 及时率 = done by the due time / done; percentages to one decimal.</summary>
    private static Expected Rates(IReadOnlyList<Counted> tasks)
    {
        var done = tasks.Where(IsDone).ToList();
        var onTime = done.Count(t => t.CompletedUtc <= t.DueUtc);
        static string Percent(int part, int whole) => whole == 0 ? "—" : (100m * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        return new(tasks.Count, done.Count, Percent(done.Count, tasks.Count), Percent(onTime, done.Count));
    }

    private static string PoolLabel(string role) => role switch
    {
        Roles.CsAgent => "客服专员（待认领）",
        Roles.SalesManager => "销售经理（待认领）",
        Roles.Salesperson => "销售顾问（待认领）",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    private static string KindLabel(FollowUpKind kind) => kind switch
    {
        FollowUpKind.ThankYouLetter => "感谢信",
        FollowUpKind.FirstCall => "第一个电话（24小时）",
        FollowUpKind.SecondCall => "第二个电话（7天）",
        FollowUpKind.RegularContact => "每两个月联系",
        FollowUpKind.BirthdayVisit => "生日面访",
        FollowUpKind.AnniversaryVisit => "购车周年面访",
        FollowUpKind.BirthdayGreeting => "生日祝贺",
        FollowUpKind.AnniversaryGreeting => "购车周年祝贺",
        FollowUpKind.AfterServiceRevisit => "售后回访",
        FollowUpKind.InsuranceRenewal => "续保提醒",
        FollowUpKind.ComplaintFollowUp => "投诉结案回访",
        FollowUpKind.CsiSurvey => "售后满意度调查",
        FollowUpKind.SsiSurvey => "销售满意度调查",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string DepartmentLabel(FollowUpDepartment department) => department switch
    {
        FollowUpDepartment.Sales => "销售部",
        FollowUpDepartment.AfterSales => "售后服务部",
        _ => "客服部",
    };

    /// <summary>The text inside an element (its tags stripped).</summary>
    private static string Inner(string html, string testId) => Html.TextOf(html, testId);

    private Task<Dictionary<string, string>> DisplayNamesAsync() =>
        factory.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName));
}
