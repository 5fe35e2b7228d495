using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Domain.Tests.FollowUps;

public sealed class FollowUpTaskTests
{
    private static readonly FollowUpPolicy Policy = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private FollowUpTask FirstCall()
    {
        var planned = Cadence.Through(Cadence.Delivery(Now.AddHours(-20)), new DateOnly(2026, 11, 30)).Single(t => t.Kind == FollowUpKind.FirstCall);
        var task = new FollowUpTask(planned, Now);
        task.Claim("manager-1", "salesmanager", Now);
        return task;
    }

    private CallRecord Call(CallOutcome outcome, Dictionary<int, string>? answers = null, DateTime? callBack = null) =>
        new("manager-1", "salesmanager", outcome, answers ?? [], null, callBack);

    [Fact]
    public void Reached_closes_the_task_with_every_answer()
    {
        var task = FirstCall();
        var answers = Enumerable.Range(1, 6).ToDictionary(p => p, p => $"答复{p}");
        task.RecordCall(Call(CallOutcome.Reached, answers), Policy, Now);

        Assert.Equal(FollowUpStatus.Done, task.Status);
        Assert.True(task.IsDone);
        Assert.True(task.WasOnTime);
        Assert.Equal(6, task.Answers.Count);
        Assert.Equal("答复4", task.Answers.Single(a => a.Point == 4).Text);
    }

    [Theory]
    [InlineData(185, 185)]
    [InlineData(0, 0)]
    [InlineData(7200, 7200)]
    [InlineData(7201, 7200)]
    [InlineData(999_999_999, 7200)]
    [InlineData(-5, null)]
    [InlineData(null, null)]
    public void The_call_timer_is_kept_with_the_attempt_bounded_by_the_longest_call(int? sent, int? kept)
    {
        var task = FirstCall();
        task.RecordCall(Call(CallOutcome.NotReached) with { CallSeconds = sent }, Policy, Now);

        var attempt = task.Log.Single(e => e.Action == FollowUpAction.Called);
        Assert.Equal(kept, attempt.CallSeconds);
        Assert.Null(task.Log.Single(e => e.Action == FollowUpAction.Claimed).CallSeconds);
    }

    [Fact]
    public void Not_reached_is_retried_the_next_day_and_the_third_failure_closes_it_as_unreachable()
    {
        var task = FirstCall();
        task.RecordCall(Call(CallOutcome.NotReached), Policy, Now);
        Assert.True(task.IsOpen);
        Assert.Equal(Now.AddDays(1), task.ActionableFromUtc);

        _time.Advance(TimeSpan.FromDays(1));
        task.RecordCall(Call(CallOutcome.NotReached), Policy, Now);
        Assert.True(task.IsOpen);

        _time.Advance(TimeSpan.FromDays(1));
        task.RecordCall(Call(CallOutcome.NotReached), Policy, Now);
        Assert.Equal(FollowUpStatus.Unreachable, task.Status);
        Assert.Equal(3, task.Attempts);
        Assert.False(task.IsDone);
        Assert.Equal(3, task.Log.Count(e => e.Action == FollowUpAction.Called));
    }

    [Fact]
    public void Call_back_later_moves_the_task_without_using_up_a_try()
    {
        var task = FirstCall();
        task.RecordCall(Call(CallOutcome.CallBackLater, callBack: Now.AddHours(5)), Policy, Now);
        Assert.True(task.IsOpen);
        Assert.Equal(0, task.Attempts);
        Assert.Equal(Now.AddHours(5), task.ActionableFromUtc);
    }

    [Fact]
    public void A_wrong_number_closes_the_task_and_a_refusal_counts_as_contact_made()
    {
        var wrong = FirstCall();
        wrong.RecordCall(Call(CallOutcome.WrongNumber), Policy, Now);
        Assert.Equal(FollowUpStatus.WrongNumber, wrong.Status);
        Assert.False(wrong.IsDone);

        var refused = FirstCall();
        refused.RecordCall(Call(CallOutcome.Refused), Policy, Now);
        Assert.Equal(FollowUpStatus.Refused, refused.Status);
        Assert.True(refused.IsDone);
    }

    [Fact]
    public void Time_makes_a_task_overdue_then_an_occasion_missed()
    {
        var contact = new FollowUpTask(Cadence.Through(Cadence.Delivery(Cadence.Utc(2026, 10, 1, 10, 0)), new DateOnly(2026, 12, 31))
            .Single(t => t.Kind == FollowUpKind.RegularContact), Now);
        contact.Tidy(Policy, Now);
        Assert.False(contact.IsOverdue);

        _time.SetUtcNow(new DateTimeOffset(contact.DueUtc.AddMinutes(1), TimeSpan.Zero));
        contact.Tidy(Policy, Now);
        Assert.True(contact.IsOverdue);
        Assert.True(contact.IsOpen);

        _time.Advance(TimeSpan.FromDays(Policy.OccasionWindowDays));
        contact.Tidy(Policy, Now);
        Assert.Equal(FollowUpStatus.Missed, contact.Status);
    }

    [Fact]
    public void Lowering_the_number_of_tries_closes_tasks_already_tried_that_often()
    {
        var task = FirstCall();
        task.RecordCall(Call(CallOutcome.NotReached), Policy, Now);
        _time.Advance(TimeSpan.FromDays(1));
        task.RecordCall(Call(CallOutcome.NotReached), Policy, Now);
        task.Tidy(new FollowUpPolicy { MaxCallAttempts = 2 }, Now);
        Assert.Equal(FollowUpStatus.Unreachable, task.Status);
    }

    [Fact]
    public void A_try_before_the_retry_time_is_refused_saying_when_unless_a_manager_gives_a_reason()
    {
        var task = FirstCall();
        task.RecordCall(Call(CallOutcome.NotReached), Policy, Now);
        var retry = Now.AddDays(Policy.RetryAfterDays);

        _time.Advance(TimeSpan.FromHours(23));
        var refused = Assert.Throws<CallTooEarlyException>(() => task.RecordCall(Call(CallOutcome.NotReached), Policy, Now));
        Assert.Equal(retry, refused.RetryFromUtc);
        Assert.Equal(retry, task.WaitingUntil(Now));
        Assert.Equal(1, task.Attempts);

        task.RecordCall(Call(CallOutcome.NotReached) with { EarlyReason = "客户来电要求回拨" }, Policy, Now);
        Assert.Equal(2, task.Attempts);
        Assert.Equal("客户来电要求回拨", task.Log.Single(e => e.Action == FollowUpAction.EarlyCallAllowed).Note);

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Null(task.WaitingUntil(Now));
        task.RecordCall(Call(CallOutcome.NotReached), Policy, Now);
        Assert.Equal(FollowUpStatus.Unreachable, task.Status);
    }

    [Fact]
    public void An_agreed_call_back_is_not_tried_before_its_time_and_a_new_task_is_never_waiting()
    {
        var task = FirstCall();
        Assert.Null(task.WaitingUntil(Now));
        task.RecordCall(Call(CallOutcome.CallBackLater, callBack: Now.AddHours(5)), Policy, Now);
        Assert.Throws<CallTooEarlyException>(() => task.RecordCall(Call(CallOutcome.Reached), Policy, Now.AddHours(4)));
        _time.Advance(TimeSpan.FromHours(5));
        task.RecordCall(Call(CallOutcome.Refused), Policy, Now);
        Assert.Equal(FollowUpStatus.Refused, task.Status);
    }

    [Fact]
    public void A_pool_task_is_claimed_once()
    {
        var task = new FollowUpTask(Cadence.Through(Cadence.Delivery(Now.AddHours(-2)), new DateOnly(2026, 11, 30)).Single(t => t.Kind == FollowUpKind.FirstCall), Now);
        task.Claim("manager-1", "salesmanager", Now);
        Assert.Throws<InvalidOperationException>(() => task.Claim("manager-2", "salesmanager2", Now));
        Assert.Equal("manager-1", task.OwnerUserId);
    }

    [Fact]
    public void Only_an_open_letter_task_is_marked_sent_and_that_completes_it()
    {
        var letter = new FollowUpTask(Cadence.Through(Cadence.Delivery(Now.AddHours(-2)), new DateOnly(2026, 11, 30)).Single(t => t.Kind == FollowUpKind.ThankYouLetter), Now);
        letter.RecordLetterPrinted("salesperson", Now);
        letter.RecordLetterPrinted("salesperson", Now);
        letter.MarkLetterSent("sales-1", "salesperson", Now);
        Assert.Equal(FollowUpStatus.Done, letter.Status);
        Assert.Equal(2, letter.Log.Count(e => e.Action == FollowUpAction.LetterPrinted));
        Assert.Throws<InvalidOperationException>(() => letter.MarkLetterSent("sales-1", "salesperson", Now));
        Assert.Throws<InvalidOperationException>(() => letter.RecordCall(Call(CallOutcome.Reached), Policy, Now));
    }

    [Theory]
    [InlineData(10, 9, 8, 90.0, 88.9)]
    [InlineData(4, 4, 4, 100.0, 100.0)]
    public void The_rates_are_done_over_due_and_on_time_over_done(int due, int done, int onTime, double rate, double onTimeRate)
    {
        var rates = new FollowUpRates(due, done, onTime);
        Assert.Equal((decimal)rate, rates.ReturnVisitRate);
        Assert.Equal((decimal)onTimeRate, rates.OnTimeRate);
    }

    [Fact]
    public void Rates_fold_from_status_counts_and_cancelled_tasks_are_not_due()
    {
        var rates = FollowUpRates.From([
            (FollowUpStatus.Done, true, 6), (FollowUpStatus.Done, false, 2), (FollowUpStatus.Refused, true, 1),
            (FollowUpStatus.Unreachable, false, 1), (FollowUpStatus.Missed, false, 2), (FollowUpStatus.Open, false, 3),
            (FollowUpStatus.Cancelled, false, 5)]);
        Assert.Equal(new FollowUpRates(15, 9, 7), rates);
        Assert.Null(FollowUpRates.None.ReturnVisitRate);
        Assert.False(rates.Meets(100));
    }
}
