using System.Net;
using System.Security.Claims;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// The resource-based handlers (who may see, claim, work a task; who may reveal a customer's
/// number) asked through the site's own IAuthorizationService, and the pages that ask them.
/// </summary>
public sealed class DutyAuthorizationTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task An_advisor_who_also_holds_cs_agent_can_neither_see_nor_claim_the_revisit_of_their_own_visit_but_another_agent_can()
    {
        var advisorId = await factory.CreateUserAsync("advisor.self", "自检顾问", Roles.ServiceAdvisor, Roles.CsAgent);
        var revisit = await RevisitServedByAsync(advisorId, "自检授权客户");
        var advisor = Principal(advisorId, Roles.ServiceAdvisor, Roles.CsAgent);
        var agent = Principal(await CustomerTestData.UserIdAsync(factory, "csagent"), Roles.CsAgent);

        Assert.Equal((false, false, false), await AllowedAsync(advisor, revisit, DutyOperations.See, DutyOperations.Claim, DutyOperations.Act));
        Assert.Equal((true, true, false), await AllowedAsync(agent, revisit, DutyOperations.See, DutyOperations.Claim, DutyOperations.Act));

        // On the site: not in the advisor's queue; the task's page says why and shows nothing of it; a reveal from it is refused.
        using var client = await factory.SignInAsync("advisor.self");
        foreach (var tab in Enum.GetValues<QueueTab>())
        {
            Assert.DoesNotContain(revisit.Id, (await QueueAsync(client, tab)).Select(t => t.Id));
        }

        var page = await client.GetHtmlAsync($"/FollowUps/{revisit.Id}");
        Assert.Contains("这项任务核查的是您本人经手的工作", Html.Section(page, "duty-excluded"), StringComparison.Ordinal);
        Assert.DoesNotContain("自检授权客户", page, StringComparison.Ordinal);
        Assert.False(Html.Has(page, "claim"));
        Assert.False(Html.Has(page, "call-form"));
        Assert.False(Html.Has(page, "contact-card"));
        using (var reveal = await client.PostWithTokenAsync($"/FollowUps/{revisit.Id}?handler=Reveal", new(), SiteClient.AntiforgeryToken(page)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        }

        Assert.False(await factory.WithDbAsync(db => db.PrivacyLog.AnyAsync(e => e.CustomerId == revisit.CustomerId)));

        // The other agent is offered it on the same page.
        using var other = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var offered = await other.GetHtmlAsync($"/FollowUps/{revisit.Id}");
        Assert.True(Html.Has(offered, "claim"));
        Assert.Contains("自检授权客户", Html.Section(offered, "task-customer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_sees_someone_elses_task_and_may_reassign_it_but_not_work_or_claim_it()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var delivery = await DeliverAsync(factory, "经理查看客户", salespersonId, factory.Clock.LocalNow.AddHours(-2));
        await factory.RunJobAsync();
        var secondCall = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.SecondCall);
        Assert.Equal(salespersonId, secondCall.OwnerUserId);
        var manager = Principal(await CustomerTestData.UserIdAsync(factory, "salesmanager"), Roles.SalesManager);

        Assert.Equal((true, false, false), await AllowedAsync(manager, secondCall, DutyOperations.See, DutyOperations.Act, DutyOperations.Claim));
        Assert.Equal((true, false, true), await AllowedAsync(manager, secondCall, DutyOperations.Reassign, DutyOperations.Hold, DutyOperations.See));
        Assert.Equal((true, true, true), await AllowedAsync(Principal(salespersonId, Roles.Salesperson), secondCall, DutyOperations.See, DutyOperations.Act, DutyOperations.Hold));
        // Another department's manager neither sees nor hands on a sales duty.
        var director = Principal(await CustomerTestData.UserIdAsync(factory, "csdirector"), Roles.CsDirector);
        Assert.Equal((false, false, false), await AllowedAsync(director, secondCall, DutyOperations.See, DutyOperations.Reassign, DutyOperations.Act));

        using var client = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var page = await client.GetHtmlAsync($"/FollowUps/{secondCall.Id}");
        Assert.Contains("经理查看客户", Html.Section(page, "task-customer"), StringComparison.Ordinal);
        Assert.False(Html.Has(page, "call-form"));
        Assert.False(Html.Has(page, "claim"));
        Assert.False(Html.Has(page, "unhappy-card"));
        using var call = await client.PostWithTokenAsync($"/FollowUps/{secondCall.Id}?handler=Call",
            CallPageTests.CallForm(secondCall.Version, CallOutcome.Reached, Enumerable.Range(1, 4).ToDictionary(p => p, _ => "代为回访")), SiteClient.AntiforgeryToken(page));
        Assert.Equal(HttpStatusCode.Forbidden, call.StatusCode);
        Assert.Equal(FollowUpStatus.Open, (await TaskAsync(factory, secondCall.Id)).Status);
    }

    [Fact]
    public async Task A_salesperson_may_reveal_the_number_of_their_own_customer_but_not_of_a_colleagues_and_nobody_that_of_an_anonymised_one()
    {
        var me = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var mine = await CustomerTestData.CreateCustomerAsync(factory, "授权我的客户", salespersonId: me);
        var theirs = await CustomerTestData.CreateCustomerAsync(factory, "授权同事的客户", salespersonId: await CustomerTestData.UserIdAsync(factory, "salesperson2"));
        var salesperson = Principal(me, Roles.Salesperson);
        var agent = Principal(await CustomerTestData.UserIdAsync(factory, "csagent"), Roles.CsAgent);

        Assert.True(await RevealAllowedAsync(salesperson, mine));
        Assert.False(await RevealAllowedAsync(salesperson, theirs));
        Assert.True(await RevealAllowedAsync(agent, theirs));
        Assert.False(await RevealAllowedAsync(Principal(await CustomerTestData.UserIdAsync(factory, "technicaldirector"), Roles.TechnicalDirector), theirs));

        mine.Anonymise("被遗忘客户", factory.Time.GetUtcNow().UtcDateTime);
        Assert.False(await RevealAllowedAsync(salesperson, mine));
        Assert.False(await RevealAllowedAsync(Principal(await CustomerTestData.UserIdAsync(factory, "csdirector"), Roles.CsDirector), mine));
    }

    [Fact]
    public void Every_follow_up_pool_is_supervised_and_only_by_roles_of_the_follow_up_managers_policy()
    {
        var pools = Enum.GetValues<FollowUpKind>().Select(k => k.OwnerRole()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(pools, FollowUpDuty.Supervision.PoolsSupervisedBy([Roles.GeneralManager]));
        foreach (var role in Roles.All)
        {
            var supervised = FollowUpDuty.Supervision.PoolsSupervisedBy([role]);
            Assert.True(supervised.Count == 0 || Policies.Allows(Policies.FollowUpsManage, [role]), $"{role} supervises a pool without the managers' policy");
        }
    }

    [Fact]
    public async Task Every_rule_selects_the_same_tasks_in_sql_as_compiled_in_memory()
    {
        var advisorId = await factory.CreateUserAsync("advisor.sql", "规则顾问", Roles.ServiceAdvisor, Roles.CsAgent);
        await RevisitServedByAsync(advisorId, "规则对照客户");
        // And a pool task closed before anyone claimed it.
        var cancelled = await RevisitServedByAsync(advisorId, "规则对照客户乙");
        await factory.WithDbAsync(async db =>
        {
            (await db.FollowUpTasks.SingleAsync(t => t.Id == cancelled.Id)).Cancel(factory.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var access = FollowUpDuty.Access;
        var viewers = new[]
        {
            access.Viewer(await CustomerTestData.UserIdAsync(factory, "csagent"), [Roles.CsAgent]),
            access.Viewer(await CustomerTestData.UserIdAsync(factory, "salesperson"), [Roles.Salesperson]),
            access.Viewer(await CustomerTestData.UserIdAsync(factory, "salesmanager"), [Roles.SalesManager]),
            access.Viewer(await CustomerTestData.UserIdAsync(factory, "csdirector"), [Roles.CsDirector, Roles.CsAgent]),
            access.Viewer(advisorId, [Roles.ServiceAdvisor, Roles.CsAgent]),
        };
        var all = await factory.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().ToListAsync());
        Assert.Contains(all, t => t.ExcludedUserId == advisorId);
        Assert.Contains(all, t => !t.IsOpen && t.OwnerUserId == null);

        foreach (var rule in Enum.GetValues<Domain.Duties.DutyRule>())
        {
            foreach (var viewer in viewers)
            {
                var inSql = await factory.WithDbAsync(db => db.FollowUpTasks.Where(access.For(rule, viewer)).Select(t => t.Id).Order().ToListAsync());
                Assert.Equal(all.Where(t => access.May(rule, t, viewer)).Select(t => t.Id).Order(), inSql);
            }
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("sqlserver")]
    public void The_queue_reads_the_users_own_tasks_and_each_pool_as_an_index_range_with_the_rules_of_the_domain(string provider)
    {
        var clock = new DealershipClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        using DealerCrmDbContext db = provider == "sqlite" ? new SqliteDesignTimeFactory().CreateDbContext([]) : new SqlServerDesignTimeFactory().CreateDbContext([]);
        var user = Principal("user-1", Roles.CsAgent, Roles.CsDirector);

        var sql = new FollowUpWorklist(db, clock).InDueOrder(user, QueueTab.Overdue, 0, 20).ToQueryString();

        var close = provider == "sqlite" ? "\"" : "]";
        // One arm for the user's own tasks, one per role held: each an equality on the leading columns of an index.
        Assert.Equal(1, Occurrences(sql, $"OwnerUserId{close} = @UserId"));
        Assert.Equal(2, Occurrences(sql, $"OwnerUserId{close} IS NULL"));
        Assert.Equal(2, Occurrences(sql, $"OwnerRole{close} = @Role"));
        var open = provider == "sqlite" ? "\"" : "[";
        Assert.Equal(3, Occurrences(sql, $"{open}ExcludedUserId{close} IS NULL OR "));
        Assert.Equal(3, Occurrences(sql, $"{open}AlsoExcludedUserId{close} IS NULL OR "));
        Assert.DoesNotContain("json_each", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("OPENJSON", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" IN (", sql, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private async Task<FollowUpTask> RevisitServedByAsync(string advisorId, string customerName)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, customerName);
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        await factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(factory.Clock.Today, 5200, ServiceVisitType.Maintenance, "首次保养", advisorId,
                Money.FromYuan(0), null, null), factory.Time.GetUtcNow().UtcDateTime, "test"));
            await db.SaveChangesAsync();
        });
        await factory.RunJobAsync();
        var revisit = await TaskOfAsync(factory, customer.Id, FollowUpKind.AfterServiceRevisit);
        Assert.Equal((null, advisorId), (revisit.OwnerUserId, revisit.ExcludedUserId));
        return revisit;
    }

    [Fact]
    public async Task Whoever_entered_a_visit_for_another_advisor_is_excluded_from_its_revisit_too()
    {
        var recorderId = await factory.CreateUserAsync("advisor.recorder", "代录顾问兼客服", Roles.ServiceAdvisor, Roles.CsAgent);
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "代录回访客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        await factory.WithDbAsync(async db =>
        {
            // Entered by one advisor (the login the record page keeps) for the colleague who served it.
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(factory.Clock.Today.AddDays(-1), 8000, ServiceVisitType.Repair, "更换刹车片", advisorId,
                Money.FromYuan(900), null, null), factory.Time.GetUtcNow().UtcDateTime, "advisor.recorder"));
            await db.SaveChangesAsync();
        });
        await factory.RunJobAsync();
        var revisit = await TaskOfAsync(factory, customer.Id, FollowUpKind.AfterServiceRevisit);

        Assert.Equal((advisorId, recorderId), (revisit.ExcludedUserId, revisit.AlsoExcludedUserId));
        Assert.Equal((false, false, false), await AllowedAsync(Principal(recorderId, Roles.ServiceAdvisor, Roles.CsAgent), revisit, DutyOperations.See, DutyOperations.Claim, DutyOperations.Act));
        Assert.Equal((true, true, false), await AllowedAsync(Principal(await CustomerTestData.UserIdAsync(factory, "csagent"), Roles.CsAgent), revisit, DutyOperations.See, DutyOperations.Claim, DutyOperations.Act));
        using var recorder = await factory.SignInAsync("advisor.recorder");
        foreach (var tab in Enum.GetValues<QueueTab>())
        {
            Assert.DoesNotContain(revisit.Id, (await QueueAsync(recorder, tab)).Select(t => t.Id));
        }
    }

    private static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "test"));

    private async Task<(bool, bool, bool)> AllowedAsync(ClaimsPrincipal user, FollowUpTask task, params OperationAuthorizationRequirement[] operations)
    {
        var results = new List<bool>();
        foreach (var operation in operations)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            results.Add((await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, task, operation)).Succeeded);
        }

        return (results[0], results[1], results[2]);
    }

    private async Task<bool> RevealAllowedAsync(ClaimsPrincipal user, Customer customer)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, customer, CustomerOperations.RevealContact)).Succeeded;
    }
}
