using DealerCrm.Domain.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Domain.Tests.Calendar;

public sealed class DeadlineClockTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    /// <summary>Monday 2026-11-23 10:00 Beijing time.</summary>
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public void A_running_clock_is_due_after_its_budget_and_overdue_from_that_instant()
    {
        var clock = new DeadlineClock(Now, Day);
        var due = Now + Day;
        Assert.Equal(due, clock.DueUtc(Now));

        _time.Advance(Day - TimeSpan.FromSeconds(1));
        Assert.False(clock.IsOverdueAt(Now));
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Remaining(Now));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(clock.IsOverdueAt(Now));
        _time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(TimeSpan.FromHours(-3), clock.Remaining(Now));
        Assert.Equal(due, clock.DueUtc(Now));
    }

    [Fact]
    public void Paused_time_does_not_count_and_the_due_time_moves_on_while_paused()
    {
        var start = Now;
        var clock = new DeadlineClock(start, Day);
        _time.Advance(TimeSpan.FromHours(5));
        var pause = clock.Pause(Now, "待配件", "serviceadvisor");

        _time.Advance(TimeSpan.FromHours(48));
        Assert.True(clock.IsPaused);
        Assert.Same(pause, clock.OpenPause);
        Assert.False(clock.IsOverdueAt(Now));
        Assert.Equal(TimeSpan.FromHours(5), clock.Elapsed(Now));
        Assert.Equal(TimeSpan.FromHours(19), clock.Remaining(Now));
        // Paused: the due time is "19 hours after it resumes", so it follows the wall clock.
        Assert.Equal(Now + TimeSpan.FromHours(19), clock.DueUtc(Now));
        Assert.Equal(Now + TimeSpan.FromHours(20), clock.DueUtc(Now + TimeSpan.FromHours(1)));

        clock.Resume(Now, "csagent");
        Assert.False(clock.IsPaused);
        Assert.Equal(start + TimeSpan.FromHours(24 + 48), clock.DueUtc(Now));
        Assert.Equal((TimeSpan?)TimeSpan.FromHours(48), pause.Length);
        Assert.Equal(("待配件", "serviceadvisor", "csagent"), (pause.Reason, pause.PausedBy, pause.ResumedBy));

        _time.Advance(TimeSpan.FromHours(19) - TimeSpan.FromMinutes(1));
        Assert.False(clock.IsOverdueAt(Now));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(clock.IsOverdueAt(Now));
        Assert.Equal(Day, clock.Elapsed(Now));
    }

    [Fact]
    public void Several_pauses_each_keep_their_reason_and_only_running_time_counts()
    {
        var start = Now;
        var clock = new DeadlineClock(start, TimeSpan.FromHours(48));
        _time.Advance(TimeSpan.FromHours(2));
        clock.Pause(Now, "待客户答复", "csagent");
        _time.Advance(TimeSpan.FromHours(10));
        clock.Resume(Now, "csagent");
        _time.Advance(TimeSpan.FromHours(6));
        clock.Pause(Now, "待配件到店", "serviceadvisor");
        _time.Advance(TimeSpan.FromDays(3));
        clock.Resume(Now, "serviceadvisor");
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(["待客户答复", "待配件到店"], clock.Pauses.Select(p => p.Reason));
        Assert.Equal(TimeSpan.FromHours(2 + 6 + 1), clock.Elapsed(Now));
        Assert.Equal(start + TimeSpan.FromHours(48 + 10 + 72), clock.DueUtc(Now));
        // Asked about an instant in the past: in the middle of the first pause, 2 h had run.
        Assert.Equal(TimeSpan.FromHours(2), clock.Elapsed(start + TimeSpan.FromHours(7)));
        Assert.Equal(TimeSpan.Zero, clock.Elapsed(start - TimeSpan.FromHours(1)));

        _time.Advance(TimeSpan.FromHours(39) - TimeSpan.FromTicks(1));
        Assert.False(clock.IsOverdueAt(Now));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(clock.IsOverdueAt(Now));
    }

    [Fact]
    public void The_clock_refuses_a_double_pause_a_resume_while_running_a_pause_without_reason_and_time_running_backwards()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineClock(Now, TimeSpan.Zero));
        var clock = new DeadlineClock(Now, Day);

        Assert.Throws<InvalidOperationException>(() => clock.Resume(Now, "csagent"));
        Assert.Throws<ArgumentException>(() => clock.Pause(Now, " ", "csagent"));
        Assert.Throws<ArgumentException>(() => clock.Pause(Now, new string('等', DeadlineClock.ReasonMaxLength + 1), "csagent"));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Pause(Now - TimeSpan.FromMinutes(1), "待客户", "csagent"));
        Assert.Empty(clock.Pauses);

        _time.Advance(TimeSpan.FromHours(1));
        clock.Pause(Now, "待客户", "csagent");
        Assert.Throws<InvalidOperationException>(() => clock.Pause(Now, "待配件", "csagent"));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Resume(Now - TimeSpan.FromSeconds(1), "csagent"));

        _time.Advance(TimeSpan.FromHours(1));
        clock.Resume(Now, "csagent");
        Assert.Throws<InvalidOperationException>(() => clock.Resume(Now, "csagent"));
        // A new pause cannot reach back into the one just ended.
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Pause(Now - TimeSpan.FromMinutes(30), "待配件", "csagent"));
        Assert.Single(clock.Pauses);
        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed(Now));
    }
}
