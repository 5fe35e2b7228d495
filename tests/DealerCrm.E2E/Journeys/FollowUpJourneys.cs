using System.Globalization;
using System.Text.RegularExpressions;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace DealerCrm.E2E.Journeys;

/// <summary>The browser site on a factory whose follow-up job runs only when a journey says so.</summary>
public sealed class FollowUpSite() : BrowserSite(new FollowUpFactory())
{
    public FollowUpFactory Site => (FollowUpFactory)Factory;
}

/// <summary>
/// Follow-ups in the browser: a delivery becomes the sales manager's first call, answered point by
/// point; an unreachable customer's revisit over three days; the salesperson's thank-you letter.
/// The journeys move the shared clock only forward and work from wherever it stands.
/// </summary>
public sealed partial class FollowUpJourneys(FollowUpSite site) : IClassFixture<FollowUpSite>
{
    private static readonly string[] FirstCallAnswers =
    [
        "客户感谢我们，说是同事推荐来的",
        "车很满意，自动泊车还不会用，已约周末演示",
        "对展厅和销售顾问的服务都满意",
        "建议交车区准备儿童座椅试装",
        "没有不满和投诉",
        "正在上牌，不需要协助",
    ];

    private FollowUpFactory Factory => site.Site;

    private DealershipClock Clock => Factory.Clock;

    [Fact]
    public async Task A_delivery_in_the_browser_becomes_the_sales_managers_first_call_answered_point_by_point()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(Factory, "浏览器交车客户");
        var body = "LVGBM53E" + "0" + "RG" + (CustomerTestData.NextSerial() + 700_000).ToString("000000", CultureInfo.InvariantCulture);
        var vin = body[..8] + Vin.CheckDigit(body) + body[9..];

        // A salesperson (a new colleague: a short queue to look at) records the delivery, today, of a new car.
        await Factory.CreateUserAsync("sp.browser", "测试销售丙", Roles.Salesperson);
        var salesperson = await site.NewPageAsync();
        await salesperson.SignInAsync("sp.browser");
        await salesperson.GotoAsync($"/Customers/{customer.Id}");
        await salesperson.AssertAccessibleAsync();
        await salesperson.GetByTestId("record-delivery").ClickAsync();
        await Assertions.Expect(salesperson.GetByTestId("delivered-at")).ToHaveValueAsync(Clock.LocalNow.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await salesperson.AssertAccessibleAsync();
        await salesperson.GetByTestId("vin").FillAsync(vin);
        await salesperson.GetByTestId("model").FillAsync("RAV4荣放");
        await salesperson.GetByTestId("price").FillAsync("209800");
        await salesperson.GetByRole(AriaRole.Button, new() { Name = "保存交车记录" }).ClickAsync();
        await Assertions.Expect(salesperson.GetByTestId("flash")).ToContainTextAsync("已记录 浏览器交车客户 的交车。");
        Assert.Empty(site.ConsoleErrors(salesperson));

        // One tick of the job: the letter and the 7-day call are the salesperson's, the first call the managers' pool's.
        await Factory.RunJobAsync();
        var tasks = await TasksAsync(customer.Id);
        Assert.Equal([FollowUpKind.ThankYouLetter, FollowUpKind.FirstCall, FollowUpKind.SecondCall], tasks.Select(t => t.Kind));
        var firstCall = tasks.Single(t => t.Kind == FollowUpKind.FirstCall);
        await salesperson.GotoAsync("/FollowUps?tab=Upcoming");
        await Assertions.Expect(Row(salesperson, tasks.Single(t => t.Kind == FollowUpKind.ThankYouLetter).Id)).ToContainTextAsync("感谢信");
        await Assertions.Expect(Row(salesperson, tasks.Single(t => t.Kind == FollowUpKind.SecondCall).Id)).ToContainTextAsync("第二个电话（7天）");
        await salesperson.AssertAccessibleAsync();
        await salesperson.Context.CloseAsync();

        // The next morning the sales manager finds it due today, in the pool, and claims it.
        Factory.Advance(Clock.ToUtc(Clock.Today.AddDays(1).ToDateTime(new TimeOnly(8, 30))) - Clock.UtcNow);
        await Factory.RunJobAsync();
        var manager = await site.NewPageAsync();
        await manager.SignInAsync("salesmanager");
        await manager.GotoAsync("/FollowUps?tab=Today");
        var row = Row(manager, firstCall.Id);
        await Assertions.Expect(row).ToContainTextAsync("第一个电话（24小时）");
        await Assertions.Expect(row).ToContainTextAsync("销售经理（待认领）");
        await Assertions.Expect(row).ToContainTextAsync("浏览器交车客户");
        await manager.ScreenshotAsync("followups-queue-manager-today");
        await manager.AssertAccessibleAsync();
        await manager.GetByTestId($"claim-{firstCall.Id}").ClickAsync();
        await Assertions.Expect(manager).ToHaveURLAsync($"{site.BaseUrl}/FollowUps/{firstCall.Id}?tab=Today");
        await Assertions.Expect(manager.GetByTestId("flash")).ToContainTextAsync("已认领，请开始回访。");

        // Reached, with three points unanswered: each is asked for, what was typed stays.
        for (var point = 1; point <= 6; point += 2)
        {
            await manager.GetByTestId($"answer-{point}").FillAsync(FirstCallAnswers[point - 1]);
        }

        await manager.GetByLabel("接通", new() { Exact = true }).CheckAsync();
        await manager.GetByTestId("save-call").ClickAsync();
        foreach (var point in new[] { 2, 4, 6 })
        {
            await Assertions.Expect(manager.Locator($"li:has([data-testid='answer-{point}']) .invalid-feedback")).ToHaveTextAsync($"请记录第 {point} 项的客户答复。");
        }

        await Assertions.Expect(manager.GetByTestId("answer-3")).ToHaveValueAsync(FirstCallAnswers[2]);
        await Assertions.Expect(manager.GetByLabel("接通", new() { Exact = true })).ToBeCheckedAsync();
        await manager.ScreenshotAsync("followups-call-validation");
        await manager.AssertAccessibleAsync();

        foreach (var point in new[] { 2, 4, 6 })
        {
            await manager.GetByTestId($"answer-{point}").FillAsync(FirstCallAnswers[point - 1]);
        }

        await manager.GetByTestId("save-call").ClickAsync();
        await Assertions.Expect(manager).ToHaveURLAsync(new Regex("/FollowUps\\?tab=Today$"));
        await Assertions.Expect(manager.GetByTestId("flash")).ToContainTextAsync("回访结果已记录。");

        // The task is done and shows the customer's answers.
        await manager.GotoAsync($"/FollowUps/{firstCall.Id}");
        await Assertions.Expect(manager.GetByTestId("task-status")).ToHaveTextAsync("已完成");
        for (var point = 1; point <= 6; point++)
        {
            await Assertions.Expect(manager.GetByTestId($"recorded-answer-{point}")).ToHaveTextAsync(FirstCallAnswers[point - 1]);
        }

        await manager.ScreenshotAsync("followups-call-done");
        await manager.AssertAccessibleAsync();
        var done = (await TasksAsync(customer.Id)).Single(t => t.Id == firstCall.Id);
        Assert.Equal(FollowUpStatus.Done, done.Status);
        Assert.Equal(FirstCallAnswers, done.Answers.OrderBy(a => a.Point).Select(a => a.Text));

        // The overview and the week's report, for the record.
        await manager.GotoAsync("/FollowUps/Overview");
        await Assertions.Expect(manager.GetByTestId("kpi-rate")).ToContainTextAsync("%");
        await manager.ScreenshotAsync("followups-overview");
        await manager.AssertAccessibleAsync();
        await manager.GotoAsync("/FollowUps/Report");
        await Assertions.Expect(manager.GetByTestId("report-summary")).ToContainTextAsync("售后回访");
        await manager.ScreenshotAsync("followups-report");
        await manager.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(manager));
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unreachable_customers_revisit_is_tried_on_three_days_and_closes_as_unreachable()
    {
        // A service visit five days ago: its revisit (due within three days) is overdue.
        var customer = await CustomerTestData.CreateCustomerAsync(Factory, "三天未接通客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(Factory, customer.Id, CustomerTestData.NewPlate());
        var advisorId = await CustomerTestData.UserIdAsync(Factory, "serviceadvisor");
        await Factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(Clock.Today.AddDays(-5), 5000,
                ServiceVisitType.Maintenance, "首次保养", advisorId, Money.FromYuan(0), null, null), Clock.UtcNow, "serviceadvisor"));
            await db.SaveChangesAsync();
        });
        await Factory.RunJobAsync();
        var revisit = (await TasksAsync(customer.Id)).Single(t => t.Kind == FollowUpKind.AfterServiceRevisit);

        var agent = await site.NewPageAsync();
        await agent.SignInAsync("csagent");
        Assert.True(await OpenQueueAtAsync(agent, "Overdue", revisit.Id));
        await Assertions.Expect(Row(agent, revisit.Id)).ToContainTextAsync("客服专员（待认领）");
        await agent.AssertAccessibleAsync();
        await agent.GetByTestId($"claim-{revisit.Id}").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("flash")).ToContainTextAsync("已认领，请开始回访。");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            if (attempt > 1)
            {
                // The next day: the job ticks, yesterday's session has ended, the page is opened again.
                Factory.Advance(TimeSpan.FromDays(1));
                await Factory.RunJobAsync();
                await agent.ReloadAsync();
                await Assertions.Expect(agent).ToHaveURLAsync(new Regex("/Account/Login"));
                await agent.SignInAsync("csagent");
                Assert.True(await OpenQueueAtAsync(agent, "Overdue", revisit.Id));
                await Assertions.Expect(Row(agent, revisit.Id).Locator("td").Nth(4)).ToHaveTextAsync($"{attempt - 1}");
                await Row(agent, revisit.Id).GetByRole(AriaRole.Link, new() { Name = "三天未接通客户" }).ClickAsync();
            }

            await Assertions.Expect(agent.GetByTestId("task-kind")).ToHaveTextAsync("售后回访");
            await agent.GetByLabel("未接通", new() { Exact = true }).CheckAsync();
            await agent.GetByLabel("备注").FillAsync($"第{attempt}次拨打无人接听");
            await agent.GetByTestId("save-call").ClickAsync();
            var flash = agent.GetByTestId("flash");
            if (attempt < 3)
            {
                var retry = FollowUpTestData.Shown(Clock.LocalNow.AddDays(1));
                await Assertions.Expect(flash).ToContainTextAsync($"未接通（第 {attempt}/3 次），已安排 {retry} 再拨。");
                // Until then it waits under "upcoming", not in today's or the overdue list.
                Assert.False(await OpenQueueAtAsync(agent, "Overdue", revisit.Id));
                Assert.True(await OpenQueueAtAsync(agent, "Upcoming", revisit.Id));
                await Assertions.Expect(Row(agent, revisit.Id)).ToContainTextAsync($"{retry} 再拨");
                if (attempt == 1)
                {
                    await agent.ScreenshotAsync("followups-queue-agent-retry");
                    await agent.AssertAccessibleAsync();
                }
            }
            else
            {
                await Assertions.Expect(flash).ToContainTextAsync("已拨打 3 次仍未接通，任务关闭为“无法联系”。");
            }
        }

        await agent.GotoAsync($"/FollowUps/{revisit.Id}");
        await Assertions.Expect(agent.GetByTestId("task-status")).ToHaveTextAsync("无法联系");
        await Assertions.Expect(agent.GetByTestId("call-form")).ToHaveCountAsync(0);
        await Assertions.Expect(agent.GetByTestId("task-log").Locator("li")).ToHaveCountAsync(4);
        await agent.ScreenshotAsync("followups-unreachable");
        await agent.AssertAccessibleAsync();
        var closed = (await TasksAsync(customer.Id)).Single(t => t.Id == revisit.Id);
        Assert.Equal((FollowUpStatus.Unreachable, 3), (closed.Status, closed.Attempts));
        Assert.Empty(site.ConsoleErrors(agent));
        await agent.Context.CloseAsync();
    }

    [Fact]
    public async Task The_advisor_whose_visit_a_revisit_checks_is_told_so_on_its_page_and_not_offered_it()
    {
        var advisorId = await Factory.CreateUserAsync("advisor.browser", "测试顾问兼客服乙", Roles.ServiceAdvisor, Roles.CsAgent);
        var customer = await CustomerTestData.CreateCustomerAsync(Factory, "浏览器自检客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(Factory, customer.Id, CustomerTestData.NewPlate());
        await Factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(Clock.Today, 8100, ServiceVisitType.Maintenance, "常规保养", advisorId,
                Money.FromYuan(680), null, null), Factory.Time.GetUtcNow().UtcDateTime, "test"));
            await db.SaveChangesAsync();
        });
        await Factory.RunJobAsync();
        var revisit = (await TasksAsync(customer.Id)).Single(t => t.Kind == FollowUpKind.AfterServiceRevisit);

        var page = await site.NewPageAsync();
        await page.SignInAsync("advisor.browser");
        await page.GotoAsync($"/FollowUps/{revisit.Id}");
        await Assertions.Expect(page.GetByTestId("duty-excluded")).ToContainTextAsync("这项任务核查的是您本人经手的工作");
        await Assertions.Expect(page.GetByTestId("claim")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("浏览器自检客户")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("followups-excluded");
        await page.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_salesperson_opens_the_letter_from_the_letter_task_and_marks_it_sent()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(Factory, "salesperson");
        var delivery = await FollowUpTestData.DeliverAsync(Factory, "感谢信浏览器客户", salespersonId, Clock.LocalNow.AddHours(-20), model: "汉兰达");
        await Factory.RunJobAsync();
        var letter = (await TasksAsync(delivery.Customer.Id)).Single(t => t.Kind == FollowUpKind.ThankYouLetter);

        var page = await site.NewPageAsync();
        await page.SignInAsync("salesperson");
        await page.GotoAsync("/FollowUps?tab=Today");
        await Row(page, letter.Id).GetByRole(AriaRole.Link, new() { Name = "打印感谢信" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{site.BaseUrl}/FollowUps/{letter.Id}?tab=Today");
        await page.ScreenshotAsync("followups-letter-task");
        await page.AssertAccessibleAsync();

        // The PDF opens in a new tab, inline, under its Chinese name.
        var pdfLink = page.GetByTestId("letter-pdf");
        await Assertions.Expect(pdfLink).ToHaveAttributeAsync("href", $"/Letters/ThankYou/{delivery.Delivery.Id}");
        var pdfResponse = new TaskCompletionSource<IResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Context.Response += (_, r) =>
        {
            if (r.Url.EndsWith($"/Letters/ThankYou/{delivery.Delivery.Id}", StringComparison.Ordinal))
            {
                pdfResponse.TrySetResult(r);
            }
        };
        var popup = await page.RunAndWaitForPopupAsync(() => pdfLink.ClickAsync());
        var response = await pdfResponse.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(200, response.Status);
        Assert.EndsWith($"/Letters/ThankYou/{delivery.Delivery.Id}", popup.Url, StringComparison.Ordinal);
        var headers = await response.AllHeadersAsync();
        Assert.Equal("application/pdf", headers["content-type"]);
        Assert.StartsWith("inline;", headers["content-disposition"], StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''", headers["content-disposition"], StringComparison.Ordinal);
        var fetched = await page.Context.APIRequest.GetAsync($"/Letters/ThankYou/{delivery.Delivery.Id}");
        using (var pdf = PdfDocument.Open(await fetched.BodyAsync()))
        {
            var text = string.Concat(Assert.Single(pdf.GetPages()).Text.Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("尊敬的感先生：", text, StringComparison.Ordinal);
            Assert.Contains("汉兰达", text, StringComparison.Ordinal);
            Assert.Contains("吴婷婷", text, StringComparison.Ordinal);
        }

        // Back on the task: mark it sent.
        await page.BringToFrontAsync();
        await page.GetByTestId("mark-sent").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已标记为寄出，感谢信任务已完成。");
        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(page.GetByTestId("mark-sent")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("task-log")).ToContainTextAsync("感谢信已寄出");
        await Assertions.Expect(page.GetByTestId("task-log")).ToContainTextAsync("打印感谢信");
        await page.AssertAccessibleAsync();
        var sent = (await TasksAsync(delivery.Customer.Id)).Single(t => t.Id == letter.Id);
        Assert.Equal(FollowUpStatus.Done, sent.Status);
        Assert.Empty(site.ConsoleErrors(page));
        await page.Context.CloseAsync();
    }

    private static ILocator Row(IPage page, long taskId) => page.Locator($"tr[data-task='{taskId}']");

    /// <summary>
    /// Opens the queue's tab at the page that lists the task: the demo dealership's queue runs to
    /// several pages (by due time, up to the 100 the queue shows). False when no page lists it.
    /// </summary>
    private static async Task<bool> OpenQueueAtAsync(IPage page, string tab, long taskId)
    {
        for (var number = 1; number <= 5; number++)
        {
            await page.GotoAsync($"/FollowUps?tab={tab}&p={number}");
            if (await Row(page, taskId).CountAsync() > 0)
            {
                return true;
            }
        }

        return false;
    }

    private Task<List<FollowUpTask>> TasksAsync(int customerId) =>
        Factory.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Include(t => t.Answers).Include(t => t.Log).AsSplitQuery()
            .Where(t => t.CustomerId == customerId).OrderBy(t => t.Kind).ToListAsync());
}
