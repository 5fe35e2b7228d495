using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Jobs;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>
/// The duty engine as people meet it: the administrator finds a row the follow-up job set aside
/// and asks for a retry; a try before its time is refused to the salesperson and let through for
/// the sales manager with a reason.
/// </summary>
public sealed class EngineJourneys(FollowUpSite site) : IClassFixture<FollowUpSite>
{
    private FollowUpFactory Factory => site.Site;

    private DealershipClock Clock => Factory.Clock;

    [Fact]
    public async Task The_admin_sees_a_row_the_job_set_aside_opens_its_file_and_asks_for_a_retry()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(Factory, "日期有误客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(Factory, customer.Id, CustomerTestData.NewPlate());
        await Factory.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.InsuranceExpiry, new DateOnly(1, 1, 1))));
        await Factory.RunJobAsync();

        var admin = await site.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.GotoAsync("/Admin/Jobs");
        var row = admin.GetByTestId("set-aside-row").Filter(new() { HasText = $"车辆 #{vehicle.Id}" });
        await Assertions.Expect(row).ToContainTextAsync("0001-01-01");
        await Assertions.Expect(row).ToContainTextAsync("已暂放");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "打开客户档案" })).ToHaveAttributeAsync("href", $"/Customers/{customer.Id}");
        await admin.ScreenshotAsync("admin-jobs-set-aside");
        await admin.AssertAccessibleAsync();

        await row.GetByTestId("retry").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("flash")).ToContainTextAsync("已安排重试");
        await Assertions.Expect(admin.GetByTestId("set-aside-row").Filter(new() { HasText = $"车辆 #{vehicle.Id}" })).ToContainTextAsync("等待重试");
        Assert.Equal(SetAsideStatus.RetryRequested, await Factory.WithDbAsync(db => db.SetAsideRows.Where(r => r.Source == "Vehicle" && r.SourceId == vehicle.Id).Select(r => r.Status).SingleAsync()));
        Assert.Empty(site.ConsoleErrors(admin));
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_second_try_too_soon_is_refused_and_the_sales_manager_calls_early_with_a_reason()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(Factory, "salesperson");
        var delivery = await FollowUpTestData.DeliverAsync(Factory, "提前回拨浏览器客户", salespersonId, Clock.LocalNow.AddDays(-2));
        await Factory.RunJobAsync();
        var first = await Factory.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.CustomerId == delivery.Customer.Id && t.Kind == FollowUpKind.FirstCall));

        var manager = await site.NewPageAsync();
        await manager.SignInAsync("salesmanager");
        await manager.GotoAsync($"/FollowUps/{first.Id}");
        await manager.AssertAccessibleAsync();
        await manager.GetByTestId("claim").ClickAsync();
        await manager.GetByLabel("未接通", new() { Exact = true }).CheckAsync();
        await manager.GetByTestId("save-call").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("flash")).ToContainTextAsync("未接通（第 1/3 次）");

        // Straight back: the page says when the next try is due and asks the manager for a reason.
        await manager.GotoAsync($"/FollowUps/{first.Id}");
        await Assertions.Expect(manager.GetByTestId("waiting-until")).ToContainTextAsync("已安排在");
        await manager.GetByLabel("未接通", new() { Exact = true }).CheckAsync();
        await manager.GetByLabel("备注").FillAsync("客户短信说现在方便");
        await manager.GetByTestId("save-call").ClickAsync();
        await Assertions.Expect(manager.GetByText("如需提前拨打，请填写原因。")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByLabel("备注")).ToHaveValueAsync("客户短信说现在方便");
        await manager.ScreenshotAsync("followups-early-call-reason");
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel("提前拨打的原因（经理）").FillAsync("客户短信要求立即回拨");
        await manager.GetByTestId("save-call").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("flash")).ToContainTextAsync("未接通（第 2/3 次）");

        var task = await Factory.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Include(t => t.Log).SingleAsync(t => t.Id == first.Id));
        Assert.Equal(2, task.Attempts);
        Assert.Contains(task.Log, e => e.Action == FollowUpAction.EarlyCallAllowed && e.Note == "客户短信要求立即回拨");
        Assert.Empty(site.ConsoleErrors(manager));
        await manager.Context.CloseAsync();
    }
}
