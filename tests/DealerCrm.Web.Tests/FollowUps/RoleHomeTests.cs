using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Tests.Customers;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// Home pages that serve the role: the CS director sees the CS agents' shared pool (which their
/// own queue never holds), the service advisor their visits awaiting revisit and recent customers.
/// </summary>
public sealed class RoleHomeTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task The_cs_directors_home_counts_the_shared_pools_overdue_and_todays_work_not_their_own_empty_queue()
    {
        using var director = await factory.SignInAsync("csdirector");
        // The director's home is the cockpit, which leads with the same cards.
        var before = PoolCounts(await director.GetHtmlAsync("/Cockpit"));
        // The cause of "0 while the pool has 11 overdue": the director's queue is theirs and their
        // roles' pools; the CS agents' pool is one they supervise, not one they may claim from.
        Assert.Equal(await PoolOverdueInDbAsync(), before.Overdue);
        Assert.True(before.Overdue > 0, "The demo's CS pool has overdue revisits.");

        var taskId = await OverdueRevisitAsync("主管首页客户");
        var after = PoolCounts(await director.GetHtmlAsync("/Cockpit"));
        Assert.Equal(Math.Min(before.Overdue + 1, CappedCount.Limit), after.Overdue);

        // Claimed by an agent, it is no longer waiting in the pool.
        using var agent = await factory.SignInAsync("csagent");
        using var claimed = await agent.PostWithTokenAsync($"/FollowUps?handler=Claim&id={taskId}&tab=Overdue", new(), await TokenAsync(agent, "/FollowUps"));
        Assert.Equal(before.Overdue, PoolCounts(await director.GetHtmlAsync("/Cockpit")).Overdue);

        // Other roles get no pool card (an agent works the pool from their queue).
        Assert.False(Html.Has(await agent.GetHtmlAsync("/"), "home-pool"));
    }

    [Fact]
    public async Task The_service_advisors_home_lists_their_visits_awaiting_revisit_and_their_recent_service_customers()
    {
        var taskId = await OverdueRevisitAsync("顾问首页客户");
        using var advisor = await factory.SignInAsync("serviceadvisor");
        var home = await advisor.GetHtmlAsync("/");
        Assert.Contains("顾问首页客户", Html.Section(home, "home-awaiting-revisit"), StringComparison.Ordinal);
        Assert.Contains("顾问首页客户", Html.Section(home, "home-recent-service"), StringComparison.Ordinal);

        // The revisit made (here: closed), the visit no longer waits; the customer stays among the recent ones.
        await factory.WithDbAsync(async db =>
        {
            var task = await db.FollowUpTasks.SingleAsync(t => t.Id == taskId);
            task.Cancel(factory.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        home = await advisor.GetHtmlAsync("/");
        Assert.DoesNotContain("顾问首页客户", Html.Section(home, "home-awaiting-revisit"), StringComparison.Ordinal);
        Assert.Contains("顾问首页客户", Html.Section(home, "home-recent-service"), StringComparison.Ordinal);

        // Another advisor's home does not list it.
        await factory.CreateUserAsync("sa.other", "测试顾问乙", Domain.Staff.Roles.ServiceAdvisor);
        using var other = await factory.SignInAsync("sa.other");
        Assert.DoesNotContain("顾问首页客户", await other.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customers_page_shows_their_open_duties_at_the_top_to_those_the_duty_rule_lets_see_them()
    {
        var taskId = await OverdueRevisitAsync("档案待办客户");
        var customerId = (await TaskAsync(factory, taskId)).CustomerId;

        // A CS agent (the pool's member) and the CS director (its supervisor) see the overdue revisit, with its link.
        foreach (var login in new[] { "csagent", "csdirector" })
        {
            using var reader = await factory.SignInAsync(login);
            var file = await reader.GetHtmlAsync($"/Customers/{customerId}");
            var duties = Html.Section(file, "customer-duties");
            Assert.Contains($"href=\"/FollowUps/{taskId}\"", duties, StringComparison.Ordinal);
            Assert.Contains("售后回访", duties, StringComparison.Ordinal);
            Assert.Contains("逾期", duties, StringComparison.Ordinal);
            Assert.True(file.IndexOf("customer-duties", StringComparison.Ordinal) < file.IndexOf("profile-heading", StringComparison.Ordinal), "The duties come before the profile.");
        }

        // The service advisor whose work the revisit checks may read the file but not the duty: nothing of it shows.
        using var advisor = await factory.SignInAsync("serviceadvisor");
        Assert.False(Html.Has(await advisor.GetHtmlAsync($"/Customers/{customerId}"), "customer-duties"));

        // Done, it is no longer open: the section goes.
        await factory.WithDbAsync(async db =>
        {
            (await db.FollowUpTasks.SingleAsync(t => t.Id == taskId)).Cancel(factory.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        using var agent = await factory.SignInAsync("csagent");
        Assert.False(Html.Has(await agent.GetHtmlAsync($"/Customers/{customerId}"), "customer-duties"));
    }

    private static (int Overdue, int Today) PoolCounts(string html)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(Html.TextOf(html, "home-pool-counts"), @"\d+\+?").Select(m => Count(m.Value)).ToList();
        return (numbers[0], numbers[1]);
    }

    private Task<int> PoolOverdueInDbAsync()
    {
        var now = factory.Clock.UtcNow;
        return factory.WithDbAsync(async db => Math.Min(CappedCount.Limit, await db.FollowUpTasks.CountAsync(t =>
            t.Status == FollowUpStatus.Open && t.OwnerUserId == null && t.OwnerRole == Domain.Staff.Roles.CsAgent && t.DueUtc < now && t.ActionableFromUtc <= now)));
    }

    /// <summary>A service visit by the demo advisor five days ago: its revisit, in the CS agents' pool, is overdue.</summary>
    private async Task<long> OverdueRevisitAsync(string customerName)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, customerName);
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        await factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(factory.Clock.Today.AddDays(-5), 5000,
                ServiceVisitType.Maintenance, "首次保养", await CustomerTestData.UserIdAsync(factory, "serviceadvisor"), Money.FromYuan(0), null, null),
                factory.Clock.UtcNow, "serviceadvisor"));
            await db.SaveChangesAsync();
        });
        await factory.RunJobAsync();
        return (await TaskOfAsync(factory, customer.Id, FollowUpKind.AfterServiceRevisit)).Id;
    }
}
