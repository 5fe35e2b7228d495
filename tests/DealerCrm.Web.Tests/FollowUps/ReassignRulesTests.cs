using System.Net;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// Handing tasks on: never to nobody by mistake (an unknown or disabled account is refused, not
/// read as "back to the pool"), and each manager only within their own department.
/// </summary>
public sealed class ReassignRulesTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task Reassigning_to_an_unknown_or_disabled_account_is_refused_and_the_task_stays_where_it_was()
    {
        var agentId = await CustomerTestData.UserIdAsync(factory, "csagent");
        var taskId = await OverduePoolTaskAsync(Roles.CsAgent);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        await PostReassignAsync(director, taskId, agentId);
        Assert.Equal(agentId, (await TaskAsync(factory, taskId)).OwnerUserId);

        var disabledId = await factory.CreateUserAsync("agent.gone", "离职客服", Roles.CsAgent);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == disabledId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        foreach (var target in new[] { "no-such-user", disabledId })
        {
            var flash = await PostReassignAsync(director, taskId, target);
            Assert.Equal("找不到该员工或其账号已停用，任务未转交。", flash);
            Assert.Equal(agentId, (await TaskAsync(factory, taskId)).OwnerUserId);
        }
    }

    [Fact]
    public async Task The_sales_manager_cannot_move_the_cs_agents_revisits_and_does_not_list_them()
    {
        var taskId = await OverduePoolTaskAsync(Roles.CsAgent);
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var overview = await manager.GetHtmlAsync("/FollowUps/Overview");
        Assert.DoesNotContain($"name=\"taskIds\" value=\"{taskId}\"", overview, StringComparison.Ordinal);

        var flash = await PostReassignAsync(manager, taskId, salespersonId);

        Assert.Contains("另有 1 个任务不属于您部门，未转交。", flash, StringComparison.Ordinal);
        Assert.Null((await TaskAsync(factory, taskId)).OwnerUserId);
    }

    [Theory]
    [InlineData(Roles.DepartmentManager)]
    [InlineData(Roles.TechnicalDirector)]
    public async Task The_department_managers_read_the_overview_and_the_weekly_report_but_hand_nothing_on(string role)
    {
        var taskId = await OverduePoolTaskAsync(Roles.CsAgent);
        using var reader = await SiteClient.SignedInAsync(factory, role);
        foreach (var url in new[] { "/FollowUps/Overview", "/FollowUps/Report", "/FollowUps/Report?handler=Export" })
        {
            using var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var overview = await reader.GetHtmlAsync("/FollowUps/Overview");
        Assert.False(Html.Has(overview, "reassign-form"));
        using var post = await reader.PostWithTokenAsync("/FollowUps/Overview?handler=Reassign",
            new() { ["taskIds"] = Id(taskId), ["toUserId"] = "" }, SiteClient.AntiforgeryToken(overview));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private async Task<long> OverduePoolTaskAsync(string role)
    {
        var now = factory.Time.GetUtcNow().UtcDateTime;
        return await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == null && t.OwnerRole == role && t.DueUtc < now && t.ExcludedUserId == null)
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
    }

    private static async Task<string?> PostReassignAsync(SiteClient client, long taskId, string toUserId)
    {
        var overview = await client.GetHtmlAsync("/FollowUps/Overview");
        using var response = await client.PostWithTokenAsync("/FollowUps/Overview?handler=Reassign",
            new() { ["taskIds"] = Id(taskId), ["toUserId"] = toUserId }, SiteClient.AntiforgeryToken(overview));
        return Flash(await FollowAsync(client, response));
    }
}
