using DealerCrm.Domain.Calendar;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Settings;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(ChineseHolidaySchedules.Defaults);
    private static readonly ComplaintPolicy Policy = new();

    /// <summary>A fake clock standing at a Beijing wall-clock time.</summary>
    private static (FakeTimeProvider Time, DealershipClock Clock) Beijing(int year, int month, int day, int hour, int minute = 0)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));
        return (time, new DealershipClock(time, DealershipClock.FindZone("Asia/Shanghai")));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData("2026-10-10", true)] // 国庆 make-up Saturday
    [InlineData("2026-02-14", true)] // 春节 make-up Saturday
    [InlineData("2026-09-20", true)] // 国庆 make-up Sunday
    [InlineData("2026-10-03", false)] // 国庆, a Saturday anyway
    [InlineData("2026-10-05", false)] // 国庆 on a Monday
    [InlineData("2026-10-11", false)] // the Sunday after: an ordinary weekend day
    [InlineData("2026-11-28", false)] // ordinary Saturday
    [InlineData("2026-11-23", true)] // ordinary Monday
    [InlineData("2026-02-23", false)] // 春节 ends on a Monday
    [InlineData("2026-02-24", true)]
    public void Weekdays_work_weekends_rest_unless_the_schedule_says_otherwise(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_limit_across_Golden_Week_skips_the_holidays_and_counts_the_make_up_Saturday()
    {
        // Tue 2026-09-29: Sep 30 (1), Oct 1–7 off, Oct 8 (2), Oct 9 (3), Sat Oct 10 make-up (4), Oct 12 (5), 13 (6), 14 (7).
        var (time, clock) = Beijing(2026, 9, 29, 10);
        var start = clock.UtcNow;

        Assert.Equal(D(2026, 10, 14), Calendar.LastDayOfLimit(start, Policy.LegalFeedbackWorkingDays, clock));
        Assert.Equal(D(2026, 10, 8), WorkingCalendar.WeekdaysOnly.LastDayOfLimit(start, Policy.LegalFeedbackWorkingDays, clock));
        Assert.Equal(new DateTime(2026, 10, 14, 16, 0, 0, DateTimeKind.Utc), Calendar.DueUtc(start, Policy.LegalFeedbackWorkingDays, clock));
        Assert.Equal(4, Calendar.WorkingDaysBetween(D(2026, 9, 29), D(2026, 10, 11)));

        time.SetUtcNow(new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(4, Calendar.WorkingDaysSince(start, clock.UtcNow, clock));
        var onMakeUpDay = Limit(start, clock);
        Assert.Equal((3, false, false), (onMakeUpDay.WorkingDaysLeft, onMakeUpDay.IsNear, onMakeUpDay.IsOverdue));

        time.SetUtcNow(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(8)));
        var twoLeft = Limit(start, clock);
        Assert.Equal((2, true, false), (twoLeft.WorkingDaysLeft, twoLeft.IsNear, twoLeft.IsOverdue));

        time.SetUtcNow(new DateTimeOffset(2026, 10, 14, 23, 59, 59, TimeSpan.FromHours(8)));
        var lastMinute = Limit(start, clock);
        Assert.Equal((0, true, false), (lastMinute.WorkingDaysLeft, lastMinute.IsNear, lastMinute.IsOverdue));

        time.Advance(TimeSpan.FromSeconds(1));
        var overdue = Limit(start, clock);
        Assert.Equal((-1, false, true), (overdue.WorkingDaysLeft, overdue.IsNear, overdue.IsOverdue));

        time.SetUtcNow(new DateTimeOffset(2026, 10, 16, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(-2, Limit(start, clock).WorkingDaysLeft);
    }

    [Fact]
    public void Spring_Festival_2026_leaves_one_working_day_in_ten_and_its_make_up_Saturdays_count()
    {
        // Fri 2026-02-13: Sat Feb 14 make-up (1), Feb 15–23 off, Feb 24 (2) … Feb 27 (5), Sat Feb 28 make-up (6), Mon Mar 2 (7).
        var (_, clock) = Beijing(2026, 2, 13, 15);
        Assert.Equal(1, Calendar.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 23)));
        Assert.Equal(D(2026, 3, 2), Calendar.LastDayOfLimit(clock.UtcNow, 7, clock));
        Assert.Equal(D(2026, 2, 14), Calendar.AddWorkingDays(D(2026, 2, 13), 1));
        Assert.Equal(D(2026, 2, 24), Calendar.AddWorkingDays(D(2026, 2, 14), 1));
    }

    [Fact]
    public void A_complaint_on_a_weekend_counts_from_the_next_working_day()
    {
        var (_, saturday) = Beijing(2026, 11, 28, 11);
        var (_, friday) = Beijing(2026, 11, 27, 11);
        var (_, monday) = Beijing(2026, 11, 23, 11);

        Assert.Equal(D(2026, 12, 8), Calendar.LastDayOfLimit(saturday.UtcNow, 7, saturday));
        Assert.Equal(D(2026, 12, 8), Calendar.LastDayOfLimit(friday.UtcNow, 7, friday));
        Assert.Equal(D(2026, 12, 2), Calendar.LastDayOfLimit(monday.UtcNow, 7, monday));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D(2026, 11, 27), D(2026, 11, 29)));
        Assert.Equal(D(2026, 11, 30), Calendar.AddWorkingDays(D(2026, 11, 28), 1));
    }

    [Fact]
    public void The_day_of_a_late_night_complaint_is_the_Beijing_day_not_the_UTC_day()
    {
        // 23:30 Thursday in Beijing (15:30 UTC Thursday): counted from Friday, the 7th working day is Monday Dec 7.
        var (_, thursdayNight) = Beijing(2026, 11, 26, 23, 30);
        Assert.Equal(D(2026, 12, 7), Calendar.LastDayOfLimit(thursdayNight.UtcNow, 7, thursdayNight));
        Assert.Equal(new DateTime(2026, 12, 7, 16, 0, 0, DateTimeKind.Utc), Calendar.DueUtc(thursdayNight.UtcNow, 7, thursdayNight));

        // 00:30 Friday in Beijing is still Thursday in UTC; the complaint is Friday's, the limit a day later.
        var (time, fridayNight) = Beijing(2026, 11, 27, 0, 30);
        Assert.Equal(DayOfWeek.Thursday, fridayNight.UtcNow.DayOfWeek);
        var start = fridayNight.UtcNow;
        Assert.Equal(D(2026, 12, 8), Calendar.LastDayOfLimit(start, 7, fridayNight));

        time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 59, 0, TimeSpan.FromHours(8)));
        Assert.Equal(0, Calendar.WorkingDaysSince(start, fridayNight.UtcNow, fridayNight));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 1, 0, TimeSpan.FromHours(8)));
        Assert.Equal(1, Calendar.WorkingDaysSince(start, fridayNight.UtcNow, fridayNight));
    }

    [Fact]
    public void Counting_backwards_and_reversed_ranges_mirror_counting_forwards()
    {
        Assert.Equal(D(2026, 9, 30), Calendar.AddWorkingDays(D(2026, 10, 8), -1));
        Assert.Equal(D(2026, 10, 8), Calendar.AddWorkingDays(D(2026, 10, 8), 0));
        Assert.Equal(-4, Calendar.WorkingDaysBetween(D(2026, 10, 11), D(2026, 9, 29)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D(2026, 10, 8), D(2026, 10, 8)));
    }

    [Fact]
    public void The_default_schedules_list_every_day_once_with_its_festival_and_make_up_days_only_on_weekends()
    {
        Assert.Equal(ChineseHolidaySchedules.Defaults.Count, ChineseHolidaySchedules.Defaults.Select(d => d.Date).Distinct().Count());
        Assert.All(ChineseHolidaySchedules.Defaults.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday), d => Assert.True(CalendarDay.IsWeekend(d.Date)));
        Assert.Equal((33, 6), Count(ChineseHolidaySchedules.Year2026));
        Assert.Equal((29, 5), Count(ChineseHolidaySchedules.Year2027));
        Assert.Equal(
            ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"],
            ChineseHolidaySchedules.Year2026.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Name).Distinct());
        Assert.Equal(248, Calendar.WorkingDaysBetween(D(2025, 12, 31), D(2026, 12, 31)));

        // 2027 (derived): 13 statutory days; 春节 from 除夕 Feb 5 to Feb 13, 国庆 Oct 1–7 with Sep 26 and Oct 9 worked.
        Assert.False(Calendar.IsWorkingDay(D(2027, 2, 5)));
        Assert.True(Calendar.IsWorkingDay(D(2027, 2, 14)));
        Assert.True(Calendar.IsWorkingDay(D(2027, 10, 9)));
        Assert.False(Calendar.IsWorkingDay(D(2027, 6, 9)));
    }

    [Fact]
    public void A_make_up_working_day_on_a_weekday_or_a_date_listed_twice_is_refused()
    {
        Assert.Equal(CalendarDayProblem.MakeUpOnWeekday, CalendarDay.Check(D(2026, 11, 24), CalendarDayKind.MakeUpWorkday, "调休"));
        Assert.Equal(CalendarDayProblem.DateOutOfRange, CalendarDay.Check(D(1999, 12, 31), CalendarDayKind.Holiday, "元旦"));
        Assert.Equal(CalendarDayProblem.DateOutOfRange, CalendarDay.Check(D(2101, 1, 1), CalendarDayKind.Holiday, "元旦"));
        Assert.Equal(CalendarDayProblem.NameMissing, CalendarDay.Check(D(2026, 11, 24), CalendarDayKind.Holiday, "  "));
        Assert.Equal(CalendarDayProblem.NameTooLong, CalendarDay.Check(D(2026, 11, 24), CalendarDayKind.Holiday, new string('节', CalendarDay.NameMaxLength + 1)));
        Assert.Null(CalendarDay.Check(D(2026, 11, 28), CalendarDayKind.MakeUpWorkday, "调休"));
        Assert.Throws<ArgumentException>(() => new CalendarDay(D(2026, 11, 24), CalendarDayKind.MakeUpWorkday, "调休"));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([
            new CalendarDay(D(2026, 12, 25), CalendarDayKind.Holiday, "店庆"),
            new CalendarDay(D(2026, 12, 25), CalendarDayKind.Holiday, "圣诞"),
        ]));
    }

    private static WorkingDayLimit Limit(DateTime startUtc, DealershipClock clock) =>
        Calendar.Limit(startUtc, Policy.LegalFeedbackWorkingDays, Policy.LegalWarningWorkingDaysLeft, clock.UtcNow, clock);

    private static (int Holidays, int MakeUps) Count(IEnumerable<CalendarDay> days) =>
        (days.Count(d => d.Kind == CalendarDayKind.Holiday), days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
}
