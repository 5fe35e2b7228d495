using DealerCrm.Domain.Reporting;

namespace DealerCrm.Domain.Tests.Reporting;

public sealed class ReportPeriodTests
{
    [Fact]
    public void A_week_runs_monday_to_sunday_and_the_previous_week_is_the_seven_days_before()
    {
        var week = ReportPeriod.Containing(PeriodKind.Week, new DateOnly(2026, 11, 30)); // a Monday
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), (week.From, week.Through));
        var sunday = ReportPeriod.Containing(PeriodKind.Week, new DateOnly(2026, 12, 6));
        Assert.Equal(week, sunday);
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), (week.Previous().From, week.Previous().Through));
    }

    [Fact]
    public void A_month_and_its_previous_month_keep_their_own_lengths()
    {
        var march = ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2027, 3, 31));
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), 31), (march.From, march.Through, march.Days));
        var february = march.Previous();
        Assert.Equal((new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)), (february.From, february.Through));
    }

    [Fact]
    public void Quarters_start_in_january_april_july_and_october_and_cross_the_year_backwards()
    {
        var q4 = ReportPeriod.Containing(PeriodKind.Quarter, new DateOnly(2026, 11, 30));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (q4.From, q4.Through));
        var q1 = ReportPeriod.Containing(PeriodKind.Quarter, new DateOnly(2027, 2, 14));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (q1.Previous().From, q1.Previous().Through));
    }

    [Fact]
    public void A_custom_period_is_compared_with_as_many_days_just_before_and_a_wrong_one_is_refused()
    {
        var custom = ReportPeriod.Custom(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 19))!;
        Assert.Equal((new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 9)), (custom.Previous().From, custom.Previous().Through));
        Assert.Null(ReportPeriod.Custom(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 10)));
        Assert.Null(ReportPeriod.Custom(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 2)));
        Assert.NotNull(ReportPeriod.Custom(new DateOnly(2025, 1, 2), new DateOnly(2026, 1, 2)));
    }
}
