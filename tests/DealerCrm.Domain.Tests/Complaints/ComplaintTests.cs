using DealerCrm.Domain.Calendar;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Domain.Tests.Complaints;

public sealed class ComplaintTests
{
    private static readonly WorkingCalendar Calendar = new(ChineseHolidaySchedules.Defaults);
    private static readonly ComplaintPolicy Policy = new();
    private static readonly ComplaintActor Agent = new("agent-1", "agent", [Roles.CsAgent]);
    private static readonly ComplaintActor Director = new("director-1", "director", [Roles.CsDirector]);
    private static readonly ComplaintActor Manager = new("manager-1", "manager", [Roles.DepartmentManager]);

    private readonly FakeTimeProvider _time;
    private readonly DealershipClock _clock;

    public ComplaintTests()
    {
        // Monday 2026-11-23 10:00 Beijing.
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));
        _clock = new DealershipClock(_time, DealershipClock.FindZone("Asia/Shanghai"));
    }

    private DateTime Now => _clock.UtcNow;

    private Complaint Take(ComplaintChannel channel = ComplaintChannel.IncomingCall, bool safety = false, ComplaintSeverity severity = ComplaintSeverity.Minor, string? concerned = null) =>
        new("TS20261123001", new ComplaintDraft(channel, ComplaintCategory.ServiceQuality, severity, safety, 7, 3, "空调不制冷，修了两次", ComplaintDepartment.Service, Now.AddDays(1), concerned), Agent, Policy, Calendar, _clock);

    [Theory]
    [InlineData(ComplaintChannel.IncomingCall, false, 1)]
    [InlineData(ComplaintChannel.OnSite, true, 2)]
    [InlineData(ComplaintChannel.Authority, false, 3)]
    [InlineData(ComplaintChannel.Authority, true, 3)]
    public void Authority_complaints_start_at_tier_3_and_safety_ones_at_tier_2(ComplaintChannel channel, bool safety, int tier)
    {
        var complaint = Take(channel, safety);
        Assert.Equal(tier, complaint.Tier);
        Assert.Equal(ComplaintTiers.PoolRole(tier), complaint.PoolRole);
        Assert.Equal(Now + Policy.Deadline(tier), complaint.TierDueUtc);
    }

    [Fact]
    public void An_on_site_complaint_notifies_the_CS_director_at_once_and_a_higher_start_its_tiers_handlers()
    {
        Assert.Equal([Roles.CsDirector], Take(ComplaintChannel.OnSite).RolesToNotifyOnIntake());
        Assert.Empty(Take(ComplaintChannel.Letter).RolesToNotifyOnIntake());
        Assert.Equal([Roles.DepartmentManager, Roles.TechnicalDirector, Roles.CsDirector], Take(ComplaintChannel.Letter, safety: true).RolesToNotifyOnIntake());
    }

    [Fact]
    public void The_job_escalates_a_case_once_its_tiers_24_hours_have_run_and_tells_the_new_tiers_handlers()
    {
        var complaint = Take();
        Assert.Equal("agent-1", complaint.HandlerUserId);
        _time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Empty(complaint.ApplyDeadline(Policy, Now));
        Assert.Equal(1, complaint.Tier);

        _time.Advance(TimeSpan.FromSeconds(1));
        var told = complaint.ApplyDeadline(Policy, Now);

        Assert.Equal([Roles.DepartmentManager, Roles.TechnicalDirector, Roles.CsDirector], told);
        Assert.Equal(2, complaint.Tier);
        Assert.Equal(Roles.DepartmentManager, complaint.PoolRole);
        Assert.Null(complaint.HandlerUserId);
        Assert.Equal(1, complaint.Escalations);
        Assert.Equal(Now.AddHours(48), complaint.TierDueUtc);
        Assert.Contains(complaint.Events, e => e.Kind == ComplaintEventKind.Escalated && e.Detail == "1>2:Deadline" && e.UserName == ComplaintActor.SystemName);
        Assert.Empty(complaint.ApplyDeadline(Policy, Now));
    }

    [Fact]
    public void Paused_time_does_not_count_and_a_paused_case_does_not_escalate()
    {
        var complaint = Take();
        _time.Advance(TimeSpan.FromHours(20));
        complaint.Pause(ComplaintPauseReason.WaitingOnParts, "等配件到货", Agent, Now);
        Assert.True(complaint.IsPaused);
        Assert.Null(complaint.TierDueUtc);

        _time.Advance(TimeSpan.FromDays(3));
        Assert.Empty(complaint.ApplyDeadline(Policy, Now));
        complaint.Resume(Agent, Now);
        Assert.Equal(Now.AddHours(4), complaint.TierDueUtc);

        _time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1));
        Assert.Empty(complaint.ApplyDeadline(Policy, Now));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.NotEmpty(complaint.ApplyDeadline(Policy, Now));
        var pause = Assert.Single(complaint.Periods.Single(p => p.Tier == 1).Clock.Pauses);
        Assert.Equal(nameof(ComplaintPauseReason.WaitingOnParts), pause.Reason);
        Assert.Throws<ComplaintRuleException>(() => complaint.Resume(Agent, Now));
    }

    [Fact]
    public void At_the_top_tier_a_passed_deadline_is_marked_once_and_told_to_its_handlers()
    {
        var complaint = Take(ComplaintChannel.Authority);
        _time.Advance(TimeSpan.FromHours(72));
        Assert.Equal([Roles.GeneralManager, Roles.CsDirector], complaint.ApplyDeadline(Policy, Now));
        Assert.True(complaint.TierOverdue);
        Assert.Equal(3, complaint.Tier);
        Assert.Empty(complaint.ApplyDeadline(Policy, Now.AddHours(1)));
    }

    [Fact]
    public void A_case_is_flagged_two_working_days_before_the_legal_limit_unless_the_customer_was_told()
    {
        // Received Mon 11-23: the 7th working day is Wed 12-02. Fri 11-27 leaves 3, Mon 11-30 leaves 2.
        var complaint = Take();
        var told = Take();
        Assert.Equal(_clock.StartOfDayUtc(new DateOnly(2026, 12, 3)), complaint.LegalDueUtc);
        _time.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(13)); // Fri 23:00
        Assert.False(complaint.ApplyLegalLimit(Policy, Calendar, _clock));

        ResolveToAwaiting(told);
        told.RecordCustomerAnswer("已告知处理结果", false, Agent, Now);

        _time.Advance(TimeSpan.FromHours(58)); // Mon 09:00
        Assert.True(complaint.ApplyLegalLimit(Policy, Calendar, _clock));
        Assert.True(complaint.LegalFlagged);
        Assert.Contains(complaint.Events, e => e.Kind == ComplaintEventKind.LegalLimitNear && e.Detail == "2");
        Assert.False(complaint.ApplyLegalLimit(Policy, Calendar, _clock));
        Assert.False(told.ApplyLegalLimit(Policy, Calendar, _clock));
    }

    [Fact]
    public void A_minor_case_closes_after_acceptance_and_the_first_two_steps_and_plans_the_agents_follow_up_call()
    {
        var complaint = Take();
        ResolveToAwaiting(complaint);
        Assert.Equal(ComplaintRule.NotAccepted, Assert.Throws<ComplaintRuleException>(() => complaint.Close(Director, Policy, _clock)).Rule);
        complaint.RecordCustomerAnswer("更换压缩机，免工时费", true, Agent, Now);
        complaint.RecordRecoveryStep(RecoveryStep.Apology, null, null, null, Agent, Now);
        Assert.Equal(ComplaintRule.StepsMissing, Assert.Throws<ComplaintRuleException>(() => complaint.Close(Director, Policy, _clock)).Rule);
        complaint.RecordRecoveryStep(RecoveryStep.UrgentRestoration, "当天修复", null, null, Agent, Now);

        var call = complaint.Close(Director, Policy, _clock);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(FollowUpKind.ComplaintFollowUp, call.Kind);
        Assert.Equal("agent-1", call.OwnerUserId);
        Assert.Equal(Roles.CsAgent, call.OwnerRole);
        Assert.Equal(Now.AddHours(24), call.DueUtc);
        Assert.Equal(0, complaint.HoursToClose);
        Assert.Null(complaint.TierDueUtc);
    }

    [Fact]
    public void A_serious_case_needs_all_five_steps_and_the_atonement_its_gift_and_value()
    {
        var complaint = Take(severity: ComplaintSeverity.Serious);
        ResolveToAwaiting(complaint);
        complaint.RecordCustomerAnswer("同意", true, Agent, Now);
        foreach (var step in new[] { RecoveryStep.Apology, RecoveryStep.UrgentRestoration, RecoveryStep.Empathy, RecoveryStep.FollowUp })
        {
            complaint.RecordRecoveryStep(step, null, null, null, Agent, Now);
        }

        Assert.Equal([RecoveryStep.SymbolicAtonement], complaint.MissingSteps);
        Assert.Throws<ComplaintRuleException>(() => complaint.Close(Director, Policy, _clock));
        Assert.Equal(ComplaintRule.GiftRequired, Assert.Throws<ComplaintRuleException>(() => complaint.RecordRecoveryStep(RecoveryStep.SymbolicAtonement, null, "保养券", null, Agent, Now)).Rule);
        Assert.Equal(ComplaintRule.StepDone, Assert.Throws<ComplaintRuleException>(() => complaint.RecordRecoveryStep(RecoveryStep.Apology, null, null, null, Agent, Now)).Rule);
        complaint.RecordRecoveryStep(RecoveryStep.SymbolicAtonement, null, "保养券", Money.FromYuan(300), Agent, Now);
        complaint.Close(Director, Policy, _clock);
        Assert.Equal(300m, complaint.Recovery.Single(r => r.Step == RecoveryStep.SymbolicAtonement).Value!.Value.Yuan);
    }

    [Fact]
    public void A_rejected_solution_is_escalated_by_the_CS_director_and_a_closed_case_can_be_reopened()
    {
        var complaint = Take();
        Assert.Throws<ComplaintRuleException>(() => complaint.EscalateOnRejection(Director, Policy, Now));
        ResolveToAwaiting(complaint);
        complaint.RecordCustomerAnswer("客户不接受", false, Agent, Now);
        Assert.Equal(ComplaintStatus.Open, complaint.Status);

        Assert.Equal(ComplaintTiers.Handlers(2), complaint.EscalateOnRejection(Director, Policy, Now));
        Assert.Contains(complaint.Events, e => e.Detail == "1>2:CustomerRejected");

        complaint.RecordInvestigation("复查", "更换总成", "加强质检", Manager, Now);
        complaint.RecordCustomerAnswer("接受", true, Agent, Now);
        complaint.RecordRecoveryStep(RecoveryStep.Apology, null, null, null, Agent, Now);
        complaint.RecordRecoveryStep(RecoveryStep.UrgentRestoration, null, null, null, Agent, Now);
        _time.Advance(TimeSpan.FromHours(30));
        complaint.Close(Director, Policy, _clock);
        Assert.Equal(30, complaint.HoursToClose);

        complaint.Reopen("客户再次来电", Director, Policy, Now);
        Assert.Equal(ComplaintStatus.Open, complaint.Status);
        Assert.Equal(2, complaint.Tier);
        Assert.Null(complaint.HoursToClose);
        Assert.Equal(Now.AddHours(48), complaint.TierDueUtc);
        Assert.Equal(3, complaint.Periods.Count);
    }

    [Theory]
    [InlineData(1, Roles.CsAgent, true)]
    [InlineData(1, Roles.ServiceAdvisor, true)]
    [InlineData(1, Roles.CsDirector, true)]
    [InlineData(1, Roles.GeneralManager, true)]
    [InlineData(1, Roles.DepartmentManager, false)]
    [InlineData(2, Roles.DepartmentManager, true)]
    [InlineData(2, Roles.TechnicalDirector, true)]
    [InlineData(2, Roles.CsDirector, true)]
    [InlineData(2, Roles.CsAgent, false)]
    [InlineData(2, Roles.ServiceAdvisor, false)]
    [InlineData(3, Roles.GeneralManager, true)]
    [InlineData(3, Roles.CsDirector, true)]
    [InlineData(3, Roles.DepartmentManager, false)]
    [InlineData(3, Roles.TechnicalDirector, false)]
    [InlineData(3, Roles.CsAgent, false)]
    public void Only_the_current_tiers_handlers_and_the_general_manager_may_act(int tier, string role, bool may)
    {
        var complaint = Take(tier == 3 ? ComplaintChannel.Authority : ComplaintChannel.Letter, safety: tier == 2);
        var viewer = ComplaintDuty.Access.Viewer("someone", [role]);
        Assert.Equal(may, ComplaintDuty.MayHandle(complaint, viewer));
    }

    [Fact]
    public void The_person_a_complaint_is_about_never_handles_it_and_nobody_acts_on_a_closed_case()
    {
        var complaint = Take(concerned: "advisor-9");
        Assert.False(ComplaintDuty.MayHandle(complaint, ComplaintDuty.Access.Viewer("advisor-9", [Roles.ServiceAdvisor, Roles.CsDirector])));
        Assert.False(ComplaintDuty.MayDirect(complaint, ComplaintDuty.Access.Viewer("advisor-9", [Roles.CsDirector])));
        Assert.True(ComplaintDuty.MayHandle(complaint, ComplaintDuty.Access.Viewer("advisor-8", [Roles.ServiceAdvisor])));

        ResolveToAwaiting(complaint);
        complaint.RecordCustomerAnswer("接受", true, Agent, Now);
        complaint.RecordRecoveryStep(RecoveryStep.Apology, null, null, null, Agent, Now);
        complaint.RecordRecoveryStep(RecoveryStep.UrgentRestoration, null, null, null, Agent, Now);
        complaint.Close(Agent, Policy, _clock);
        Assert.False(ComplaintDuty.MayHandle(complaint, ComplaintDuty.Access.Viewer("agent-1", [Roles.CsAgent])));
        Assert.Throws<ComplaintRuleException>(() => complaint.Comment("太晚了", Agent, Now));
    }

    [Fact]
    public void The_stored_list_key_follows_the_tiers_deadline_through_escalations_to_the_top_tiers_overdue_flag()
    {
        var complaint = Take();
        Assert.Equal((ComplaintAttention.Open, Now.AddHours(24)), ListKey(complaint));

        _time.Advance(TimeSpan.FromHours(24));
        complaint.ApplyDeadline(Policy, Now);
        Assert.Equal((ComplaintAttention.Open, Now.AddHours(48)), ListKey(complaint));

        _time.Advance(TimeSpan.FromHours(48));
        complaint.ApplyDeadline(Policy, Now);
        Assert.Equal((ComplaintAttention.Open, Now.AddHours(72)), ListKey(complaint));

        // At the top tier the passed deadline flags the case: it stays first in the list whatever its due time.
        _time.Advance(TimeSpan.FromHours(72));
        var due = complaint.TierDueUtc;
        complaint.ApplyDeadline(Policy, Now);
        Assert.Equal((ComplaintAttention.Flagged, due), ListKey(complaint));
        complaint.Pause(ComplaintPauseReason.WaitingOnCustomer, null, Agent, Now);
        Assert.Equal((ComplaintAttention.Flagged, (DateTime?)null), ListKey(complaint));
    }

    [Fact]
    public void The_stored_list_key_has_no_due_time_while_the_clock_is_paused_and_the_rest_of_the_budget_after_it_resumes()
    {
        var complaint = Take();
        _time.Advance(TimeSpan.FromHours(6));
        complaint.Pause(ComplaintPauseReason.WaitingOnCustomer, "等客户回复", Agent, Now);
        Assert.Equal((ComplaintAttention.Open, (DateTime?)null), ListKey(complaint));

        _time.Advance(TimeSpan.FromDays(2));
        complaint.Resume(Agent, Now);
        Assert.Equal((ComplaintAttention.Open, Now.AddHours(18)), ListKey(complaint));
    }

    [Fact]
    public void The_stored_list_key_flags_a_case_near_the_legal_limit()
    {
        var complaint = Take();
        _time.Advance(TimeSpan.FromDays(7)); // Mon 11-30: two working days left
        Assert.Equal(ComplaintAttention.Open, complaint.Attention);
        Assert.True(complaint.ApplyLegalLimit(Policy, Calendar, _clock));
        Assert.Equal(ComplaintAttention.Flagged, complaint.Attention);
    }

    [Fact]
    public void The_stored_list_key_is_closed_without_a_due_time_on_close_and_open_with_a_fresh_deadline_on_reopen()
    {
        var complaint = Take();
        ResolveToAwaiting(complaint);
        Assert.Equal((ComplaintAttention.Open, Now.AddHours(24)), ListKey(complaint));
        complaint.RecordCustomerAnswer("接受", true, Agent, Now);
        Assert.Equal((ComplaintAttention.Open, (DateTime?)null), ListKey(complaint));
        complaint.RecordRecoveryStep(RecoveryStep.Apology, null, null, null, Agent, Now);
        complaint.RecordRecoveryStep(RecoveryStep.UrgentRestoration, null, null, null, Agent, Now);
        _time.Advance(TimeSpan.FromHours(3));
        complaint.Close(Director, Policy, _clock);
        Assert.Equal((ComplaintAttention.Closed, (DateTime?)null), ListKey(complaint));

        _time.Advance(TimeSpan.FromDays(1));
        complaint.Reopen("客户再次来电", Director, Policy, Now);
        Assert.Equal((ComplaintAttention.Open, Now.AddHours(24)), ListKey(complaint));
    }

    [Theory]
    [InlineData(ComplaintStatus.Open, false, false, ComplaintAttention.Open)]
    [InlineData(ComplaintStatus.AwaitingCustomer, true, false, ComplaintAttention.Flagged)]
    [InlineData(ComplaintStatus.Accepted, false, true, ComplaintAttention.Flagged)]
    [InlineData(ComplaintStatus.Closed, true, true, ComplaintAttention.Closed)]
    public void The_list_group_is_closed_for_a_closed_case_and_flagged_for_an_open_one_past_its_top_tier_or_near_the_legal_limit(
        ComplaintStatus status, bool tierOverdue, bool legalFlagged, ComplaintAttention attention) =>
        Assert.Equal(attention, Complaint.AttentionOf(status, tierOverdue, legalFlagged));

    private static (ComplaintAttention, DateTime?) ListKey(Complaint complaint) => (complaint.Attention, complaint.TierDueUtc);

    private void ResolveToAwaiting(Complaint complaint) =>
        complaint.RecordInvestigation("压缩机故障", "更换压缩机", "维修后路试", Manager, Now);
}
