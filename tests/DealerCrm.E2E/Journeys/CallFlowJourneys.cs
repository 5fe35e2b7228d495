using System.Text.RegularExpressions;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Tests.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>
/// A CS agent works through five tasks of the overdue queue with the keyboard only: claim and
/// open from the queue, the first answer under the cursor, the talking points in order, the
/// outcome, the notes, "save and open the next"; at desktop and at phone size.
/// </summary>
public sealed partial class CallFlowJourneys(FollowUpSite site) : IClassFixture<FollowUpSite>
{
    private const int Tasks = 5;

    [GeneratedRegex(@"/FollowUps/(\d+)\?tab=Overdue$")]
    private static partial Regex CallPage();

    [GeneratedRegex(@"^\d+:\d\d$")]
    private static partial Regex TimerText();

    private DealershipClock Clock => site.Site.Clock;

    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task A_cs_agent_works_five_queue_tasks_with_the_keyboard_only(string size, int width, int height)
    {
        // At least five overdue revisits wait in the CS pool (the demo's own come first if older).
        for (var i = 0; i < Tasks; i++)
        {
            await RevisitAsync($"键盘{size}客户{i + 1}");
        }

        var agent = await site.NewPageAsync(width, height);
        await agent.SignInAsync("csagent");
        await agent.GotoAsync("/FollowUps?tab=Overdue");
        await Assertions.Expect(agent.GetByTestId("queue")).ToBeVisibleAsync();
        await agent.ScreenshotAsync($"callflow-queue-{size}");
        await agent.AssertAccessibleAsync();
        if (size == "phone")
        {
            // The queue as cards: the first task's customer and its button are on screen, nothing scrolls sideways.
            var firstRow = agent.Locator("tr[data-task]").First;
            await Assertions.Expect(firstRow.Locator("td.card-first a")).ToBeInViewportAsync();
            await Assertions.Expect(firstRow.Locator("td.card-second .btn")).ToBeInViewportAsync();
            Assert.True(await agent.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        }

        // Claim and open, from the keyboard: Tab to the first task's button, Enter.
        var first = await TabToAsync(agent, id => id is not null && (id.StartsWith("claim-", StringComparison.Ordinal) || id.StartsWith("open-", StringComparison.Ordinal)));
        await agent.Keyboard.PressAsync("Enter");

        var worked = new List<long>();
        for (var n = 1; n <= Tasks; n++)
        {
            await Assertions.Expect(agent).ToHaveURLAsync(CallPage());
            var taskId = long.Parse(CallPage().Match(agent.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain(taskId, worked);
            if (n == 1)
            {
                Assert.EndsWith("-" + taskId, first, StringComparison.Ordinal);
            }

            // A pool task reached by "save and open the next" is claimed with the key the cursor is on.
            if (await agent.GetByTestId("claim").IsVisibleAsync())
            {
                await Assertions.Expect(agent.GetByTestId("claim")).ToBeFocusedAsync();
                await agent.Keyboard.PressAsync("Enter");
                await Assertions.Expect(agent.GetByTestId("flash")).ToContainTextAsync("已认领，请开始回访。");
            }

            // The cursor is in the first answer; each talking point follows with Tab.
            var answers = agent.Locator("textarea[data-testid^='answer-']");
            await Assertions.Expect(agent.GetByTestId("answer-1")).ToBeFocusedAsync();
            await Assertions.Expect(agent.GetByTestId("call-timer")).ToHaveTextAsync(TimerText());
            if (n == 1)
            {
                await agent.ScreenshotAsync($"callflow-call-{size}");
                if (size == "phone")
                {
                    // The number and the vehicle above the script.
                    var contact = await agent.GetByTestId("contact-card").BoundingBoxAsync();
                    var script = await agent.GetByTestId("call-card").BoundingBoxAsync();
                    Assert.True(contact!.Y < script!.Y);
                }
            }

            await agent.AssertAccessibleAsync();
            var points = await answers.CountAsync();
            for (var point = 1; point <= points; point++)
            {
                await Assertions.Expect(agent.GetByTestId($"answer-{point}")).ToBeFocusedAsync();
                await agent.Keyboard.TypeAsync($"第{point}点：满意");
                await agent.Keyboard.PressAsync("Tab");
            }

            // The outcome group: the first choice (接通) under the cursor, Space picks it.
            await Assertions.Expect(agent.GetByTestId("outcome-Reached")).ToBeFocusedAsync();
            await agent.Keyboard.PressAsync("Space");
            await Assertions.Expect(agent.GetByTestId("outcome-Reached")).ToBeCheckedAsync();
            await agent.Keyboard.PressAsync("Tab");
            await Assertions.Expect(agent.GetByLabel("备注")).ToBeFocusedAsync();
            await agent.Keyboard.TypeAsync("键盘记录");
            await agent.Keyboard.PressAsync("Tab");
            await Assertions.Expect(agent.GetByTestId("save-next")).ToBeFocusedAsync();
            await agent.Keyboard.PressAsync("Enter");
            await Assertions.Expect(agent).Not.ToHaveURLAsync(new Regex($"/FollowUps/{taskId}\\?"));
            worked.Add(taskId);
        }

        // Five calls recorded, each answered point by point, each with its timer.
        var done = await site.Site.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Include(t => t.Answers).Include(t => t.Log)
            .Where(t => worked.Contains(t.Id)).ToListAsync());
        Assert.Equal(Tasks, done.Count);
        Assert.All(done, t =>
        {
            Assert.Equal(FollowUpStatus.Done, t.Status);
            Assert.Equal(t.Kind.TalkingPoints(), t.Answers.Count);
            Assert.NotNull(t.Log.Single(e => e.Action == FollowUpAction.Called).CallSeconds);
        });
        Assert.Empty(site.ConsoleErrors(agent));
        await agent.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focused element's test id satisfies <paramref name="isTarget"/>; returns that id.</summary>
    private static async Task<string> TabToAsync(IPage page, Func<string?, bool> isTarget)
    {
        for (var presses = 0; presses < 100; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string?>("() => document.activeElement?.dataset?.testid ?? null");
            if (isTarget(id))
            {
                return id!;
            }
        }

        throw new Xunit.Sdk.XunitException("The target was not reached with Tab.");
    }

    /// <summary>A service visit five days ago: its revisit waits, overdue, in the CS agents' pool.</summary>
    private async Task RevisitAsync(string name)
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
    }
}
