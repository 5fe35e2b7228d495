using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Calendar;

/// <summary>
/// Which days are working days (工作日): Monday to Friday unless listed as a holiday, plus any
/// day listed as a make-up working day (调休上班), even on a Saturday or Sunday.
/// </summary>
/// <remarks>
/// Counting convention, as Chinese law counts periods (《民法典》第二百零一条: the day a period
/// starts on is not counted): "N working days after day D" are the first N working days
/// strictly after D, whatever D itself is. The last of them is the last day of the limit, and
/// the limit runs out when that day ends in the dealership's time zone.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> _days;

    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        _days = [];
        foreach (var day in days)
        {
            if (!_days.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} is listed twice.", nameof(days));
            }
        }
    }

    /// <summary>A calendar with no holidays: every Monday to Friday is a working day.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The listed days, by date.</summary>
    public IEnumerable<CalendarDay> Days => _days.Values.OrderBy(d => d.Date);

    public CalendarDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) => _days.TryGetValue(date, out var listed)
        ? listed.Kind == CalendarDayKind.MakeUpWorkday
        : !CalendarDay.IsWeekend(date);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the
    /// start day itself never counts); <paramref name="start"/> for 0; counting backwards for a
    /// negative number.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var left = Math.Abs(workingDays);
        var day = start;
        while (left > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// The number of working days d with <paramref name="fromExclusive"/> &lt; d ≤
    /// <paramref name="toInclusive"/>: how many working days have passed since a start day, or
    /// remain until a last day. Negative (the same count) when <paramref name="toInclusive"/>
    /// is before <paramref name="fromExclusive"/>, so a limit already passed shows by how much.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -WorkingDaysBetween(toInclusive, fromExclusive);
        }

        var count = 0;
        for (var day = fromExclusive.AddDays(1); day <= toInclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Working days passed since <paramref name="startUtc"/>, by the dealership's local dates (the start day does not count).</summary>
    public int WorkingDaysSince(DateTime startUtc, DateTime nowUtc, DealershipClock clock) =>
        Math.Max(0, WorkingDaysBetween(clock.LocalDateOf(startUtc), clock.LocalDateOf(nowUtc)));

    /// <summary>
    /// The last local day of a limit of <paramref name="workingDays"/> working days from
    /// <paramref name="startUtc"/>: a complaint at 23:30 on Monday counts from Tuesday, one at
    /// 00:30 on Saturday (Friday in UTC) from the next Monday.
    /// </summary>
    public DateOnly LastDayOfLimit(DateTime startUtc, int workingDays, DealershipClock clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        return AddWorkingDays(clock.LocalDateOf(startUtc), workingDays);
    }

    /// <summary>
    /// The instant a limit of <paramref name="workingDays"/> working days from
    /// <paramref name="startUtc"/> runs out: the end (local midnight) of its last day, in UTC.
    /// Anything done before this instant is in time.
    /// </summary>
    public DateTime DueUtc(DateTime startUtc, int workingDays, DealershipClock clock) =>
        clock.StartOfDayUtc(LastDayOfLimit(startUtc, workingDays, clock).AddDays(1));

    /// <summary>
    /// Where a working-day limit stands at <paramref name="nowUtc"/>, e.g. the legal 7 working
    /// days to tell a complaining customer the outcome, flagged when
    /// <paramref name="warnWhenDaysLeft"/> or fewer working days are left.
    /// </summary>
    public WorkingDayLimit Limit(DateTime startUtc, int workingDays, int warnWhenDaysLeft, DateTime nowUtc, DealershipClock clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warnWhenDaysLeft);
        var lastDay = LastDayOfLimit(startUtc, workingDays, clock);
        var dueUtc = clock.StartOfDayUtc(lastDay.AddDays(1));
        var daysLeft = WorkingDaysBetween(clock.LocalDateOf(nowUtc), lastDay);
        var overdue = nowUtc >= dueUtc;
        return new WorkingDayLimit(lastDay, dueUtc, daysLeft, IsNear: !overdue && daysLeft <= warnWhenDaysLeft, overdue);
    }
}

/// <summary>
/// A working-day limit at one instant. <see cref="WorkingDaysLeft"/> counts the working days
/// after today up to and including the last day: 0 on the last day itself (still in time until
/// its end), and 0 or less once the limit has passed (minus the working days since the last day).
/// </summary>
public readonly record struct WorkingDayLimit(DateOnly LastDay, DateTime DueUtc, int WorkingDaysLeft, bool IsNear, bool IsOverdue);
