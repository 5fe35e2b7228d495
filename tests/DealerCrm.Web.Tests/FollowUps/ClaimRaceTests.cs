using System.Net;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>Two agents press "claim" on the same pool task at the same moment: one gets it, the other is told who.</summary>
public sealed class ClaimRaceTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    private const int Rounds = 6;

    [Fact]
    public async Task Two_agents_claiming_the_same_task_at_once_one_wins_and_the_other_is_told_who_has_it()
    {
        var agentIds = new[] { await CustomerTestData.UserIdAsync(factory, "csagent"), await CustomerTestData.UserIdAsync(factory, "csagent2") };
        var names = new Dictionary<string, string> { [agentIds[0]] = "孙丽娜", [agentIds[1]] = "徐静" };
        var taskIds = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == null && t.OwnerRole == Roles.CsAgent
                        && (t.ExcludedUserId == null || !agentIds.Contains(t.ExcludedUserId)))
            .OrderBy(t => t.Id).Select(t => t.Id).Take(Rounds).ToListAsync());
        Assert.Equal(Rounds, taskIds.Count);
        using var first = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var second = await factory.SignInAsync("csagent2");
        var firstToken = await TokenAsync(first, "/FollowUps");
        var secondToken = await TokenAsync(second, "/FollowUps");
        var wins = new int[2];

        foreach (var taskId in taskIds)
        {
            var url = $"/FollowUps?handler=Claim&id={taskId}&tab=Overdue";
            var answers = await Task.WhenAll(first.PostWithTokenAsync(url, new(), firstToken), second.PostWithTokenAsync(url, new(), secondToken));
            try
            {
                Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
                var won = answers.Select(a => a.Headers.Location!.OriginalString == $"/FollowUps/{taskId}?tab=Overdue").ToArray();
                Assert.True(won.Count(w => w) == 1, $"Task {taskId}: {won.Count(w => w)} winners.");
                var winner = Array.IndexOf(won, true);
                var loser = 1 - winner;
                wins[winner]++;

                var task = await TaskAsync(factory, taskId);
                Assert.Equal(agentIds[winner], task.OwnerUserId);
                Assert.Equal(FollowUpAction.Claimed, Assert.Single(task.Log).Action);
                Assert.StartsWith("/FollowUps?tab=", answers[loser].Headers.Location!.OriginalString, StringComparison.Ordinal);
                var loserPage = await FollowAsync(loser == 0 ? first : second, answers[loser]);
                Assert.Equal($"这个任务已被 {names[agentIds[winner]]} 认领。", Flash(loserPage));
                Assert.Equal("已认领，请开始回访。", Flash(await FollowAsync(winner == 0 ? first : second, answers[winner])));
            }
            finally
            {
                foreach (var answer in answers)
                {
                    answer.Dispose();
                }
            }
        }

        Assert.Equal(Rounds, wins.Sum());
    }
}
