using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Tests.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>
/// Every branch of the call form, one by one, as a CS agent records them: reached (every talking
/// point answered), not reached, wrong number, call back later (first without the time, which
/// must come back with its message in sight, then with it) and refused.
/// </summary>
public sealed class CallOutcomeJourneys(FollowUpSite site) : IClassFixture<FollowUpSite>
{
    private DealershipClock Clock => site.Site.Clock;

    [Fact]
    public async Task Each_outcome_of_the_call_form_is_recorded()
    {
        var revisits = new Dictionary<CallOutcome, long>();
        foreach (var outcome in Enum.GetValues<CallOutcome>())
        {
            revisits[outcome] = await RevisitAsync($"结果{(int)outcome}客户");
        }

        var agent = await site.NewPageAsync();
        await agent.SignInAsync("csagent2");

        await RecordAsync(agent, revisits[CallOutcome.Reached], "接通", async () =>
        {
            for (var point = 1; point <= FollowUpKind.AfterServiceRevisit.TalkingPoints(); point++)
            {
                await agent.GetByTestId($"answer-{point}").FillAsync($"第{point}点：客户满意");
            }
        });
        await Assertions.Expect(agent.GetByTestId("flash")).ToContainTextAsync("回访结果已记录。");

        await RecordAsync(agent, revisits[CallOutcome.NotReached], "未接通");
        await Assertions.Expect(agent.GetByTestId("flash")).ToContainTextAsync("未接通（第 1/3 次）");

        await RecordAsync(agent, revisits[CallOutcome.WrongNumber], "号码错误");
        await Assertions.Expect(agent.GetByTestId("flash")).ToContainTextAsync("回访结果已记录。");

        // Call back later without the time: the page comes back with the time field and its message in sight.
        await RecordAsync(agent, revisits[CallOutcome.CallBackLater], "约定稍后回拨");
        var callBackAt = agent.GetByLabel("约定回拨时间");
        await Assertions.Expect(callBackAt).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByText("请填写客户约定的回拨时间。")).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByLabel("约定稍后回拨", new() { Exact = true })).ToBeCheckedAsync();
        await agent.ScreenshotAsync("followups-call-back-later-missing-time");
        await agent.AssertAccessibleAsync();
        var when = Clock.LocalNow.Date.AddDays(2).AddHours(15);
        await callBackAt.FillAsync(when.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await agent.GetByTestId("save-call").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("flash")).ToContainTextAsync("已约定");

        await RecordAsync(agent, revisits[CallOutcome.Refused], "客户拒绝");
        await Assertions.Expect(agent.GetByTestId("flash")).ToContainTextAsync("回访结果已记录。");

        var tasks = await site.Site.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Include(t => t.Answers)
            .Where(t => revisits.Values.Contains(t.Id)).ToDictionaryAsync(t => t.Id));
        Assert.Equal(FollowUpStatus.Done, tasks[revisits[CallOutcome.Reached]].Status);
        Assert.Equal(5, tasks[revisits[CallOutcome.Reached]].Answers.Count);
        Assert.Equal((FollowUpStatus.Open, 1), (tasks[revisits[CallOutcome.NotReached]].Status, tasks[revisits[CallOutcome.NotReached]].Attempts));
        Assert.Equal(FollowUpStatus.WrongNumber, tasks[revisits[CallOutcome.WrongNumber]].Status);
        var later = tasks[revisits[CallOutcome.CallBackLater]];
        Assert.Equal((FollowUpStatus.Open, Clock.ToUtc(when)), (later.Status, later.ActionableFromUtc));
        Assert.Equal(FollowUpStatus.Refused, tasks[revisits[CallOutcome.Refused]].Status);
        Assert.Empty(site.ConsoleErrors(agent));
        await agent.Context.CloseAsync();
    }

    /// <summary>Opens the task, claims it from the pool, fills what the outcome needs and saves.</summary>
    private static async Task RecordAsync(IPage agent, long taskId, string outcomeLabel, Func<Task>? fill = null)
    {
        await agent.GotoAsync($"/FollowUps/{taskId}");
        await agent.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("flash")).ToContainTextAsync("已认领，请开始回访。");
        await agent.AssertAccessibleAsync();
        await agent.GetByLabel(outcomeLabel, new() { Exact = true }).CheckAsync();
        if (fill is not null)
        {
            await fill();
        }

        await agent.GetByLabel("备注").FillAsync($"{outcomeLabel}：已记录");
        await agent.GetByTestId("save-call").ClickAsync();
    }

    /// <summary>A service visit five days ago: its revisit waits, overdue, in the CS agents' pool.</summary>
    private async Task<long> RevisitAsync(string name)
    {
        var factory = site.Site;
        var customer = await CustomerTestData.CreateCustomerAsync(factory, name);
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        await factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(Clock.Today.AddDays(-5), 5000,
                ServiceVisitType.Maintenance, "首次保养", advisorId, Money.FromYuan(0), null, null), Clock.UtcNow, "serviceadvisor"));
            await db.SaveChangesAsync();
        });
        await factory.RunJobAsync();
        return await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.CustomerId == customer.Id && t.Kind == FollowUpKind.AfterServiceRevisit)
            .Select(t => t.Id).SingleAsync());
    }
}
