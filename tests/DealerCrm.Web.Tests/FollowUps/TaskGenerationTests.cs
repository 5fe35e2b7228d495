using System.Globalization;
using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// What a delivery or a service visit recorded on the site becomes after one run of the job:
/// the right tasks, due when RULES section 3 says, in the right person's queue or role's pool.
/// </summary>
public sealed class TaskGenerationTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task A_delivery_recorded_on_the_form_puts_the_letter_the_first_call_and_the_7_day_call_in_the_right_queues()
    {
        var salespersonId = await factory.CreateUserAsync("sp.queue", "测试销售甲", Roles.Salesperson);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "交车回访客户");
        using var salesperson = await factory.SignInAsync("sp.queue");
        // Handed over yesterday evening, entered this morning.
        var deliveredLocal = factory.Clock.Today.AddDays(-1).ToDateTime(new TimeOnly(18, 0));
        var deliveredUtc = factory.Clock.ToUtc(deliveredLocal);

        using (var saved = await salesperson.PostFormAsync($"/Customers/{customer.Id}/Deliveries/Record",
                   DeliveryForm(LocalField(deliveredLocal), salespersonId, CustomerTestData.NewVin())))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Empty(await TasksOfCustomerAsync(factory, customer.Id));
        await factory.RunJobAsync();

        var tasks = await TasksOfCustomerAsync(factory, customer.Id);
        Assert.Equal([FollowUpKind.ThankYouLetter, FollowUpKind.FirstCall, FollowUpKind.SecondCall], tasks.Select(t => t.Kind));
        Assert.All(tasks, t => Assert.Equal(FollowUpStatus.Open, t.Status));
        var letter = tasks.Single(t => t.Kind == FollowUpKind.ThankYouLetter);
        var firstCall = tasks.Single(t => t.Kind == FollowUpKind.FirstCall);
        var secondCall = tasks.Single(t => t.Kind == FollowUpKind.SecondCall);
        Assert.Equal((salespersonId, Roles.Salesperson, deliveredUtc.AddHours(24)), (letter.OwnerUserId, letter.OwnerRole, letter.DueUtc));
        Assert.Equal((null, Roles.SalesManager, deliveredUtc.AddHours(24)), (firstCall.OwnerUserId, firstCall.OwnerRole, firstCall.DueUtc));
        Assert.Equal((salespersonId, Roles.Salesperson, deliveredUtc.AddDays(7)), (secondCall.OwnerUserId, secondCall.OwnerRole, secondCall.DueUtc));

        // The salesperson: the letter is due today (18:00), the 7-day call is upcoming.
        Assert.Equal([(letter.Id, FollowUpKind.ThankYouLetter)], await QueueAsync(salesperson, QueueTab.Today));
        Assert.Equal([(secondCall.Id, FollowUpKind.SecondCall)], await QueueAsync(salesperson, QueueTab.Upcoming));
        Assert.Empty(await QueueAsync(salesperson, QueueTab.Overdue));
        var queue = await salesperson.GetHtmlAsync("/FollowUps");
        Assert.Equal(new QueueCounts(0, 1, 1), TabCounts(queue));
        Assert.Equal(1, NavBadge(queue));
        var upcoming = await salesperson.GetHtmlAsync("/FollowUps?tab=Upcoming");
        Assert.Contains("第二个电话（7天）", Html.Section(upcoming, "queue"));
        Assert.Contains("交车回访客户", Html.Section(upcoming, "queue"));

        // The first call waits in the sales managers' pool, claimable; nobody else sees it.
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        Assert.Contains((firstCall.Id, FollowUpKind.FirstCall), await QueueAsync(manager, QueueTab.Today));
        Assert.Contains($"data-testid=\"claim-{firstCall.Id}\"", await manager.GetHtmlAsync("/FollowUps?tab=Today"));
        using var otherSalesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        Assert.DoesNotContain(await AllQueuesAsync(otherSalesperson), t => t.Id == firstCall.Id || t.Id == letter.Id || t.Id == secondCall.Id);
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        Assert.DoesNotContain(await AllQueuesAsync(agent), t => t.Id == firstCall.Id);
    }

    [Fact]
    public async Task A_delivery_entered_ten_days_late_creates_only_the_duties_that_can_still_serve_and_counts_the_rest()
    {
        var salespersonId = await factory.CreateUserAsync("sp.late", "测试销售乙", Roles.Salesperson);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "补录交车回访客户");
        using var salesperson = await factory.SignInAsync("sp.late");
        var deliveredLocal = factory.Clock.Today.AddDays(-10).ToDateTime(new TimeOnly(11, 0));
        var deliveredUtc = factory.Clock.ToUtc(deliveredLocal);
        var skippedBefore = await SkippedAsync(factory);

        using (var saved = await salesperson.PostFormAsync($"/Customers/{customer.Id}/Deliveries/Record",
                   DeliveryForm(LocalField(deliveredLocal), salespersonId, CustomerTestData.NewVin())))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await factory.RunJobAsync();
        var again = await factory.RunJobAsync();

        // The letter and the first call fell due nine days ago, past the seven the policy allows:
        // they can no longer serve and are not created. The 7-day call, three days late, is.
        var tasks = await TasksOfCustomerAsync(factory, customer.Id);
        var secondCall = Assert.Single(tasks);
        Assert.Equal((FollowUpKind.SecondCall, FollowUpStatus.Open, true, deliveredUtc.AddDays(7)), (secondCall.Kind, secondCall.Status, secondCall.IsOverdue, secondCall.DueUtc));
        Assert.Equal(0, again.Created);
        var skipped = await SkippedAsync(factory);
        Assert.Equal(skippedBefore.GetValueOrDefault(FollowUpKind.ThankYouLetter) + 1, skipped[FollowUpKind.ThankYouLetter]);
        Assert.Equal(skippedBefore.GetValueOrDefault(FollowUpKind.FirstCall) + 1, skipped[FollowUpKind.FirstCall]);
        Assert.Equal(skippedBefore.GetValueOrDefault(FollowUpKind.SecondCall), skipped.GetValueOrDefault(FollowUpKind.SecondCall));

        Assert.Equal([(secondCall.Id, FollowUpKind.SecondCall)], await QueueAsync(salesperson, QueueTab.Overdue));
        var queue = await salesperson.GetHtmlAsync("/FollowUps");
        Assert.Equal(new QueueCounts(1, 0, 0), TabCounts(queue));
        Assert.Equal(1, NavBadge(queue));
        Assert.Contains("逾期", Html.Section(queue, "queue"));

        // The managers' overview says how many were left out, per kind.
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var overview = Html.Section(await manager.GetHtmlAsync("/FollowUps/Overview"), "skipped-by-kind");
        Assert.Contains("感谢信", overview, StringComparison.Ordinal);
        Assert.Contains(skipped[FollowUpKind.FirstCall].ToString(System.Globalization.CultureInfo.InvariantCulture), overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_entered_five_days_late_creates_all_its_tasks_already_overdue_none_skipped()
    {
        var salespersonId = await factory.CreateUserAsync("sp.late5", "测试销售丙", Roles.Salesperson);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "补录五天交车客户");
        using var salesperson = await factory.SignInAsync("sp.late5");
        var deliveredUtc = factory.Clock.ToUtc(factory.Clock.Today.AddDays(-5).ToDateTime(new TimeOnly(11, 0)));
        using (var saved = await salesperson.PostFormAsync($"/Customers/{customer.Id}/Deliveries/Record",
                   DeliveryForm(LocalField(factory.Clock.Today.AddDays(-5).ToDateTime(new TimeOnly(11, 0))), salespersonId, CustomerTestData.NewVin())))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await factory.RunJobAsync();

        var tasks = await TasksOfCustomerAsync(factory, customer.Id);
        Assert.Equal([FollowUpKind.ThankYouLetter, FollowUpKind.FirstCall, FollowUpKind.SecondCall], tasks.Select(t => t.Kind));
        Assert.Equal([deliveredUtc.AddHours(24), deliveredUtc.AddHours(24), deliveredUtc.AddDays(7)], tasks.Select(t => t.DueUtc));
        Assert.Equal([true, true, false], tasks.Select(t => t.IsOverdue));
    }

    private static Task<Dictionary<FollowUpKind, int>> SkippedAsync(DealerCrmFactory factory) =>
        factory.WithDbAsync(db => db.FollowUpSkipCounts.ToDictionaryAsync(c => c.Kind, c => c.Count));

    [Theory]
    [InlineData(Roles.Salesperson)]
    [InlineData(Roles.SalesManager)]
    [InlineData(Roles.CsAgent)]
    [InlineData(Roles.CsDirector)]
    public async Task The_navigation_badge_counts_the_overdue_and_todays_tasks_of_the_queue(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        var html = await client.GetHtmlAsync("/FollowUps");
        var counts = TabCounts(html);

        Assert.Equal(counts.Overdue + counts.Today, NavBadge(html));
        Assert.Equal(counts.Overdue + counts.Today, NavBadge(await client.GetHtmlAsync("/Account/ChangePassword")));
        // The same counts, worked out from the tasks on file.
        var userId = await CustomerTestData.UserIdAsync(factory, role.ToLowerInvariant());
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var endOfToday = factory.Clock.StartOfDayUtc(factory.Clock.Today.AddDays(1));
        var workable = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open
                        && (t.OwnerUserId == userId || (t.OwnerUserId == null && t.OwnerRole == role && (t.ExcludedUserId == null || t.ExcludedUserId != userId))))
            .Select(t => new { t.DueUtc, t.ActionableFromUtc }).ToListAsync());
        var expected = new QueueCounts(
            workable.Count(t => t.DueUtc < now && t.ActionableFromUtc <= now),
            workable.Count(t => t.DueUtc >= now && t.DueUtc < endOfToday && t.ActionableFromUtc <= now),
            workable.Count(t => t.DueUtc >= endOfToday || t.ActionableFromUtc > now));
        Assert.Equal(expected, counts);
    }

    [Fact]
    public async Task A_service_visit_puts_a_revisit_in_the_cs_agents_pool_due_three_days_later()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "保养回访客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var today = factory.Clock.Today;

        using (var saved = await advisor.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record", VisitForm(vehicle.Id, today, advisorId)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await factory.RunJobAsync();

        var revisit = Assert.Single(await TasksOfCustomerAsync(factory, customer.Id));
        Assert.Equal((FollowUpKind.AfterServiceRevisit, FollowUpStatus.Open, Roles.CsAgent, null, advisorId),
            (revisit.Kind, revisit.Status, revisit.OwnerRole, revisit.OwnerUserId, revisit.ExcludedUserId));
        // "Within 3 days": by the end of the third day after the visit, dealership time.
        Assert.Equal(factory.Clock.ToUtc(today.AddDays(3).ToDateTime(new TimeOnly(23, 59, 59))), revisit.DueUtc);

        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        Assert.Contains((revisit.Id, FollowUpKind.AfterServiceRevisit), await QueueAsync(agent, QueueTab.Upcoming));
        using var queue = await advisor.GetAsync("/FollowUps");
        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
    }

    [Fact]
    public async Task The_advisor_who_served_a_visit_cannot_claim_its_revisit_even_as_a_cs_agent_but_a_cs_agent_can()
    {
        var bothId = await factory.CreateUserAsync("advisor.cs", "测试顾问兼客服", Roles.ServiceAdvisor, Roles.CsAgent);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "自检回访客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        using var both = await factory.SignInAsync("advisor.cs");
        using (var saved = await both.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record", VisitForm(vehicle.Id, factory.Clock.Today, bothId)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await factory.RunJobAsync();
        var revisit = await TaskOfAsync(factory, customer.Id, FollowUpKind.AfterServiceRevisit);
        Assert.Equal((null, bothId), (revisit.OwnerUserId, revisit.ExcludedUserId));

        // Not in their queue, no claim button on the task, and a claim posted anyway is refused.
        Assert.DoesNotContain(await AllQueuesAsync(both), t => t.Id == revisit.Id);
        var page = await both.GetHtmlAsync($"/FollowUps/{revisit.Id}");
        Assert.False(Html.Has(page, "claim"), "The advisor whose work the revisit checks is offered to claim it.");
        Assert.False(Html.Has(page, "call-form"));
        using (var claim = await both.PostWithTokenAsync($"/FollowUps?handler=Claim&id={revisit.Id}&tab=Upcoming", new(), SiteClient.AntiforgeryToken(page)))
        {
            Assert.Equal("您的角色不能认领这个任务。", Flash(await FollowAsync(both, claim)));
        }

        using (var onDetails = await both.PostWithTokenAsync($"/FollowUps/{revisit.Id}?handler=Claim", new(), SiteClient.AntiforgeryToken(page)))
        {
            Assert.Equal("您的角色不能认领这个任务。", Flash(await FollowAsync(both, onDetails)));
        }

        Assert.Null((await TaskAsync(factory, revisit.Id)).OwnerUserId);

        // Nor can a manager hand it to them.
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        using (var reassign = await director.PostFormAsync("/FollowUps/Overview", [new("taskIds", Id(revisit.Id)), new("toUserId", bothId)], "/FollowUps/Overview?handler=Reassign"))
        {
            Assert.Equal("已转交 0 个任务；1 个任务因对方角色不符未转交。", Flash(await FollowAsync(director, reassign)));
        }

        Assert.Null((await TaskAsync(factory, revisit.Id)).OwnerUserId);

        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var claimed = await agent.PostWithTokenAsync($"/FollowUps?handler=Claim&id={revisit.Id}&tab=Upcoming", new(), await TokenAsync(agent, "/FollowUps"));
        Assert.Equal($"/FollowUps/{revisit.Id}?tab=Upcoming", claimed.Headers.Location!.OriginalString);
        Assert.Equal("已认领，请开始回访。", Flash(await FollowAsync(agent, claimed)));
        var task = await TaskAsync(factory, revisit.Id);
        Assert.Equal(await CustomerTestData.UserIdAsync(factory, "csagent"), task.OwnerUserId);
        Assert.Equal(FollowUpAction.Claimed, Assert.Single(task.Log).Action);
    }

    private static async Task<IReadOnlyList<(long Id, FollowUpKind Kind)>> AllQueuesAsync(SiteClient client) =>
        [.. await QueueAsync(client, QueueTab.Overdue), .. await QueueAsync(client, QueueTab.Today), .. await QueueAsync(client, QueueTab.Upcoming)];

    private static Dictionary<string, string> VisitForm(int vehicleId, DateOnly date, string advisorId) => new()
    {
        ["Input.VehicleId"] = vehicleId.ToString(CultureInfo.InvariantCulture),
        ["Input.VisitDate"] = Iso(date),
        ["Input.Mileage"] = "5200",
        ["Input.Type"] = nameof(ServiceVisitType.Maintenance),
        ["Input.WorkItems"] = "首次保养：更换机油、机滤",
        ["Input.ServiceAdvisorId"] = advisorId,
        ["Input.AmountYuan"] = "0",
        ["Input.NextMaintenanceDate"] = "",
        ["Input.NextMaintenanceMileage"] = "",
    };
}
