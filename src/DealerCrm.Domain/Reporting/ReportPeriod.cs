namespace DealerCrm.Domain.Reporting;

public enum PeriodKind
{
    Week = 1,
    Month = 2,
    Quarter = 3,
    Custom = 4,
}

/// <summary>
/// A span of the dealership's local days that a report covers, with the period before it for
/// comparison: weeks start on Monday, quarters in January, April, July and October; a custom
/// period is compared with the same number of days just before it.
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>A custom period longer than this is refused: the figures are read in SQL, but a chart of years by day is not a report.</summary>
    public const int MaxCustomDays = 366;

    private ReportPeriod(PeriodKind kind, DateOnly from, DateOnly through)
    {
        Kind = kind;
        From = from;
        Through = through;
    }

    public PeriodKind Kind { get; }

    public DateOnly From { get; }

    /// <summary>The last day, inclusive.</summary>
    public DateOnly Through { get; }

    public int Days => Through.DayNumber - From.DayNumber + 1;

    /// <summary>The week, month or quarter that contains <paramref name="day"/>.</summary>
    public static ReportPeriod Containing(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Week => Span(kind, WeekStart(day), WeekStart(day).AddDays(6)),
        PeriodKind.Month => Span(kind, new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
        PeriodKind.Quarter => Span(kind, QuarterStart(day), QuarterStart(day).AddMonths(3).AddDays(-1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom period needs its own days."),
    };

    /// <summary>Days the user chose; null when they are the wrong way round or longer than <see cref="MaxCustomDays"/>.</summary>
    public static ReportPeriod? Custom(DateOnly from, DateOnly through) =>
        from <= through && through.DayNumber - from.DayNumber < MaxCustomDays ? Span(PeriodKind.Custom, from, through) : null;

    /// <summary>The period just before this one, of the same kind (the same length for a custom one).</summary>
    public ReportPeriod Previous() => Kind switch
    {
        PeriodKind.Custom => Span(Kind, From.AddDays(-Days), From.AddDays(-1)),
        _ => Containing(Kind, From.AddDays(-1)),
    };

    /// <summary>The part of the period up to <paramref name="today"/>: what has happened so far.</summary>
    public DateOnly ThroughOrToday(DateOnly today) => Through < today ? Through : today;

    public bool Contains(DateOnly day) => day >= From && day <= Through;

    /// <summary>The Monday that starts the local week of a day.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);

    private static ReportPeriod Span(PeriodKind kind, DateOnly from, DateOnly through) => new(kind, from, through);
}
