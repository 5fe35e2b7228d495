using DealerCrm.Domain.Common;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Duties;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Domain.Tests.Csi;

public sealed class SurveyTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 2026-11-30 17:00 UTC is 2026-12-01 01:00 in Shanghai: the survey belongs to December.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));

    private DealershipClock Clock => new(_time, Shanghai);

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static Questionnaire Small(int weightA = 60, int weightB = 40) => new(SurveyProgram.Csi, 1, "test", DateTime.UnixEpoch,
    [
        new("A", "甲", "A", weightA, [new("q1", "q1", 2), new("q2", "q2", 1)]),
        new("B", "乙", "B", weightB, [new("q3", "q3", 1), QuestionDefinition.FreeText("q4", "q4")]),
    ]);

    private static SurveyTaking Taking(Dictionary<int, int> scores, Dictionary<int, string>? texts = null) =>
        new(7, SurveyMethod.Phone, "agent-1", scores, texts ?? [], " REC-2026-001 ", StaffUserId: "advisor-1");

    [Fact]
    public void A_survey_keeps_its_scores_its_local_month_and_the_recording_reference()
    {
        var (survey, alert) = Survey.Take(Taking(new() { [1] = 9, [2] = 6, [3] = 8 }, new() { [4] = " 很好 " }), Small(), 6, TimeSpan.FromHours(24), Clock);

        Assert.Equal(800d, survey.Index); // A = (2×9 + 6) / 3 = 8, B = 8: 0.6×8×100 + 0.4×8×100
        Assert.Equal(202612, survey.TakenMonth);
        Assert.Equal("REC-2026-001", survey.RecordingReference);
        Assert.Equal(4, survey.Answers.Count);
        Assert.Contains(survey.Answers, a => a.Text == "很好" && a.Score is null);
        Assert.Equal(["A", "B"], survey.FactorScores.Select(f => f.FactorCode));
        Assert.NotNull(alert);
        Assert.Equal(6, alert.LowestScore);
    }

    [Fact]
    public void Changing_the_weights_in_a_new_version_never_rewrites_a_past_survey()
    {
        var answers = new Dictionary<int, int> { [1] = 9, [2] = 9, [3] = 7 };
        var (survey, _) = Survey.Take(Taking(answers), Small(60, 40), 6, TimeSpan.FromHours(24), Clock);
        var underNewWeights = CsiScoring.Score(Small(20, 80), answers);

        Assert.Equal(820d, survey.Index); // 0.6×9×100 + 0.4×7×100
        Assert.Equal(740d, underNewWeights.Index); // 0.2×9×100 + 0.8×7×100
        Assert.Equal(820d, survey.Index);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void An_answer_at_or_below_the_threshold_raises_a_hot_alert_due_after_the_deadline(int low, bool raised)
    {
        var (_, alert) = Survey.Take(Taking(new() { [1] = 9, [2] = low, [3] = 9 }), Small(), 6, TimeSpan.FromHours(24), Clock);

        Assert.Equal(raised, alert is not null);
        if (alert is not null)
        {
            Assert.Equal(Now.AddHours(24), alert.DueUtc);
            Assert.Equal("advisor-1", alert.StaffUserId);
            Assert.True(alert.IsOpen);
        }
    }

    [Fact]
    public void A_hot_alert_turns_overdue_once_after_its_deadline()
    {
        var alert = RaiseAlert();

        _time.Advance(TimeSpan.FromHours(24));
        Assert.False(alert.MarkOverdueIfLate(Now));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(alert.MarkOverdueIfLate(Now));
        Assert.False(alert.MarkOverdueIfLate(Now));
        Assert.True(alert.IsOverdue);
    }

    [Fact]
    public void A_hot_alert_closes_only_by_a_recovery_call_with_a_note_or_by_a_complaint()
    {
        var alert = RaiseAlert();
        Assert.Throws<ArgumentException>(() => alert.CloseByRecoveryCall("agent-2", "  ", Now));
        Assert.True(alert.IsOpen);

        alert.CloseByRecoveryCall("agent-2", " 已致歉并安排免费复检 ", Now);
        Assert.Equal(HotAlertStatus.ClosedByRecoveryCall, alert.Status);
        Assert.Equal("已致歉并安排免费复检", alert.RecoveryNote);
        Assert.Equal("agent-2", alert.OwnerUserId);
        Assert.Throws<InvalidOperationException>(() => alert.CloseByComplaint(3, "director", Now));

        var other = RaiseAlert();
        other.CloseByComplaint(42, "director", Now);
        Assert.Equal(HotAlertStatus.ClosedByComplaint, other.Status);
        Assert.Equal(42, other.ClosedByComplaintId);
        Assert.Equal(Now, other.ClosedUtc);
        Assert.False(other.MarkOverdueIfLate(Now.AddDays(3)));
    }

    [Fact]
    public void The_rated_person_never_resolves_their_own_alert_but_agents_and_the_director_do()
    {
        var alert = RaiseAlert();
        var access = HotAlertDuty.Access;

        Assert.True(HotAlertDuty.MayResolve(alert, access.Viewer("agent-2", [Roles.CsAgent])));
        Assert.True(HotAlertDuty.MayResolve(alert, access.Viewer("director", [Roles.CsDirector])));
        Assert.False(HotAlertDuty.MayResolve(alert, access.Viewer("advisor-1", [Roles.CsDirector, Roles.CsAgent])));
        Assert.False(HotAlertDuty.MayResolve(alert, access.Viewer("sales", [Roles.Salesperson])));
        Assert.False(access.May(DutyRule.See, alert, access.Viewer("advisor-1", [Roles.CsAgent])));
    }

    [Fact]
    public void Taking_the_survey_closes_its_task_and_gives_a_pool_task_to_the_interviewer()
    {
        var sampling = new SurveySampling(new CsiPolicy());
        var task = new FollowUpTask(sampling.PlanCsi(5, 7, 9, "advisor-1", null, new DateOnly(2026, 11, 28), Now), Now);

        task.RecordSurveyTaken("agent-1", "csagent", Now);

        Assert.Equal(FollowUpStatus.Done, task.Status);
        Assert.Equal("agent-1", task.OwnerUserId);
        Assert.Throws<InvalidOperationException>(() => task.RecordSurveyTaken("agent-1", "csagent", Now));
    }

    private HotAlert RaiseAlert() =>
        Survey.Take(Taking(new() { [1] = 3, [2] = 9, [3] = 9 }), Small(), 6, TimeSpan.FromHours(24), Clock).Alert!;
}
