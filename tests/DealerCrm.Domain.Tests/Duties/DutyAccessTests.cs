using DealerCrm.Domain.Duties;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Tests.Duties;

/// <summary>Who may see, claim, work, hold, reassign and be given a duty: the one rule, on follow-up tasks and on the general shape.</summary>
public sealed class DutyAccessTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DutyAccess<FollowUpTask> Access = FollowUpDuty.Access;

    private static readonly DutyViewer Agent = Access.Viewer("agent-1", [Roles.CsAgent]);
    private static readonly DutyViewer OtherAgent = Access.Viewer("agent-2", [Roles.CsAgent]);
    private static readonly DutyViewer AdvisorAlsoAgent = Access.Viewer("advisor-1", [Roles.ServiceAdvisor, Roles.CsAgent]);
    private static readonly DutyViewer Director = Access.Viewer("director-1", [Roles.CsDirector]);
    private static readonly DutyViewer Salesperson = Access.Viewer("sales-1", [Roles.Salesperson]);
    private static readonly DutyViewer SalesManager = Access.Viewer("manager-1", [Roles.SalesManager]);

    /// <summary>A revisit in the CS agents' pool that advisor-1 (whose visit it checks) must never handle.</summary>
    private static FollowUpTask Revisit(string? owner = null)
    {
        var task = new FollowUpTask(new PlannedTask("Revisit:S1", FollowUpKind.AfterServiceRevisit, 1, new DateOnly(2026, 11, 20), Now.AddDays(1), null,
            Roles.CsAgent, null, ExcludedUserId: "advisor-1", ServiceVisitId: 1), Now.AddDays(-2));
        if (owner is not null)
        {
            task.Claim(owner, owner, Now);
        }

        return task;
    }

    private static FollowUpTask SecondCall(string owner) =>
        new(new PlannedTask("SecondCall:D1", FollowUpKind.SecondCall, 1, new DateOnly(2026, 11, 20), Now.AddDays(4), null, Roles.Salesperson, owner), Now.AddDays(-3));

    private static bool May(DutyRule rule, FollowUpTask task, DutyViewer viewer) => Access.May(rule, task, viewer);

    [Fact]
    public void The_owner_sees_works_and_holds_their_task_and_a_colleague_of_the_same_role_does_nothing_with_it()
    {
        var task = SecondCall("sales-1");

        Assert.True(May(DutyRule.See, task, Salesperson));
        Assert.True(May(DutyRule.Act, task, Salesperson));
        Assert.True(May(DutyRule.Hold, task, Salesperson));
        Assert.False(May(DutyRule.Claim, task, Salesperson));

        var colleague = Access.Viewer("sales-2", [Roles.Salesperson]);
        Assert.All(Enum.GetValues<DutyRule>().Where(r => r != DutyRule.Own), rule => Assert.False(May(rule, task, colleague), rule.ToString()));
        // A colleague of the pool's role may be given it by a manager.
        Assert.True(May(DutyRule.Own, task, colleague));
    }

    [Fact]
    public void A_pool_task_is_seen_and_claimed_by_members_of_its_role_and_worked_by_nobody_until_claimed()
    {
        var task = Revisit();

        Assert.True(May(DutyRule.See, task, Agent));
        Assert.True(May(DutyRule.Claim, task, Agent));
        Assert.False(May(DutyRule.Act, task, Agent));
        Assert.False(May(DutyRule.Hold, task, Agent));
        Assert.True(task.MayBeWorkedBy("agent-1", [Roles.CsAgent]));
        Assert.False(May(DutyRule.See, task, Salesperson));
        Assert.False(May(DutyRule.Claim, task, Salesperson));

        task.Claim("agent-1", "csagent", Now);

        Assert.True(May(DutyRule.Act, task, Agent));
        Assert.False(May(DutyRule.See, task, OtherAgent));
        Assert.False(May(DutyRule.Claim, task, OtherAgent));
        Assert.False(task.MayBeWorkedBy("agent-2", [Roles.CsAgent]));
    }

    [Fact]
    public void The_excluded_person_neither_sees_claims_works_nor_is_given_the_duty_even_holding_its_role_or_supervising_it()
    {
        var task = Revisit();

        Assert.All(Enum.GetValues<DutyRule>(), rule => Assert.False(May(rule, task, AdvisorAlsoAgent), rule.ToString()));
        Assert.True(Access.Excludes(task, "advisor-1"));
        Assert.False(Access.Excludes(task, "agent-1"));
        Assert.False(task.MayBeWorkedBy("advisor-1", [Roles.ServiceAdvisor, Roles.CsAgent]));
        Assert.Throws<InvalidOperationException>(() => task.Claim("advisor-1", "advisor", Now));
        Assert.Throws<InvalidOperationException>(() => task.Reassign("advisor-1", "csdirector", "李强", Now));
        var supervising = Access.Viewer("advisor-1", [Roles.CsDirector, Roles.CsAgent]);
        Assert.False(May(DutyRule.See, task, supervising));
        Assert.False(May(DutyRule.Reassign, task, supervising));
    }

    [Fact]
    public void A_closed_duty_is_worked_claimed_and_reassigned_by_nobody_but_stays_visible_to_its_holder_its_pool_and_supervisors()
    {
        var unclaimed = Revisit();
        unclaimed.Cancel(Now);
        var done = Revisit(owner: "agent-1");
        done.Cancel(Now);

        foreach (var viewer in new[] { Agent, OtherAgent, Director, AdvisorAlsoAgent })
        {
            foreach (var rule in new[] { DutyRule.Claim, DutyRule.Act, DutyRule.Reassign, DutyRule.Own })
            {
                Assert.False(May(rule, unclaimed, viewer));
                Assert.False(May(rule, done, viewer));
            }
        }

        Assert.True(May(DutyRule.See, unclaimed, OtherAgent));
        Assert.True(May(DutyRule.See, done, Agent));
        Assert.True(May(DutyRule.Hold, done, Agent));
        Assert.False(May(DutyRule.See, done, OtherAgent));
        Assert.True(May(DutyRule.See, done, Director));
        Assert.Throws<InvalidOperationException>(() => unclaimed.Claim("agent-1", "csagent", Now));
        Assert.Throws<InvalidOperationException>(() => unclaimed.Reassign(null, "csdirector", "池", Now));
    }

    [Fact]
    public void A_manager_sees_and_reassigns_their_own_departments_follow_ups_but_works_only_what_they_hold()
    {
        var agents = Revisit(owner: "agent-1");
        var salespersons = SecondCall("sales-1");
        var generalManager = Access.Viewer("gm-1", [Roles.GeneralManager]);

        foreach (var (manager, theirs, others) in new[] { (Director, agents, salespersons), (SalesManager, salespersons, agents) })
        {
            Assert.True(May(DutyRule.See, theirs, manager));
            Assert.True(May(DutyRule.Reassign, theirs, manager));
            Assert.False(May(DutyRule.See, others, manager));
            Assert.False(May(DutyRule.Reassign, others, manager));
        }

        foreach (var task in new[] { agents, salespersons })
        {
            foreach (var manager in new[] { Director, SalesManager, generalManager })
            {
                Assert.False(May(DutyRule.Act, task, manager));
                Assert.False(May(DutyRule.Hold, task, manager));
                Assert.False(May(DutyRule.Claim, task, manager));
            }

            Assert.True(May(DutyRule.See, task, generalManager));
            Assert.True(May(DutyRule.Reassign, task, generalManager));
        }

        Assert.False(May(DutyRule.Reassign, agents, Agent));
        Assert.False(May(DutyRule.Reassign, salespersons, Salesperson));
        Assert.Equal([Roles.CsAgent], FollowUpDuty.Supervision.PoolsSupervisedBy([Roles.CsDirector]));
        Assert.Equal([Roles.SalesManager, Roles.Salesperson], FollowUpDuty.Supervision.PoolsSupervisedBy([Roles.SalesManager]));
        Assert.Empty(FollowUpDuty.Supervision.PoolsSupervisedBy([Roles.CsAgent, Roles.Salesperson, Roles.ServiceAdvisor]));
    }

    [Fact]
    public void The_expression_form_and_the_compiled_form_agree_for_every_rule_task_and_user()
    {
        var tasks = new List<FollowUpTask> { Revisit(), Revisit(owner: "agent-1"), Revisit(owner: "agent-2"), SecondCall("sales-1"), SecondCall("sales-2") };
        var closed = Revisit();
        closed.Cancel(Now);
        var closedOwned = SecondCall("sales-1");
        closedOwned.Cancel(Now);
        tasks.AddRange([closed, closedOwned]);
        var viewers = new List<DutyViewer>
        {
            Agent, OtherAgent, AdvisorAlsoAgent, Director, Salesperson, SalesManager,
            Access.Viewer("nobody", []), Access.Viewer("agent-1", [Roles.CsAgent, Roles.Salesperson, Roles.CsDirector]),
        };
        viewers.AddRange(viewers.SelectMany(v => v.Roles.Select(v.InPoolOf)).ToList());

        foreach (var rule in Enum.GetValues<DutyRule>())
        {
            foreach (var viewer in viewers)
            {
                var queried = tasks.AsQueryable().Where(Access.For(rule, viewer)).ToList();
                var compiled = tasks.Where(t => Access.May(rule, t, viewer)).ToList();
                Assert.Equal(compiled, queried);
            }
        }
    }

    [Fact]
    public void A_duty_of_another_kind_plugs_in_with_its_own_pool_exclusions_and_supervisors()
    {
        // A tier-1 complaint: the CS agents' pool, the two advisors it is about excluded, the CS director supervising.
        var complaints = new DutyAccess<Duty>(d => d.OwnerUserId, d => d.PoolRole, (d, userId) => d.Admits(userId), d => d.IsOpen,
            DutySupervision.Of([Roles.CsAgent], Roles.CsDirector));
        var complaint = new Duty(null, Roles.CsAgent, new HashSet<string> { "advisor-1", "advisor-2" }, IsOpen: true);

        Assert.True(complaints.May(DutyRule.Claim, complaint, complaints.Viewer("agent-1", [Roles.CsAgent])));
        Assert.False(complaints.May(DutyRule.Claim, complaint, complaints.Viewer("advisor-2", [Roles.CsAgent])));
        Assert.False(complaints.May(DutyRule.See, complaint, complaints.Viewer("advisor-1", [Roles.CsAgent])));
        Assert.True(complaints.May(DutyRule.See, complaint, complaints.Viewer("director-1", [Roles.CsDirector])));
        Assert.False(complaints.May(DutyRule.See, complaint, complaints.Viewer("gm-1", [Roles.GeneralManager])));
        Assert.Equal(
            [false, true],
            new[] { complaints.Viewer("advisor-1", [Roles.CsAgent]), complaints.Viewer("agent-1", [Roles.CsAgent]) }
                .Select(v => new[] { complaint }.AsQueryable().Any(complaints.For(DutyRule.Claim, v))));
    }
}
