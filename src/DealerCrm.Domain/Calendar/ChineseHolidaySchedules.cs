namespace DealerCrm.Domain.Calendar;

/// <summary>
/// The State Council's public-holiday schedules (国务院办公厅关于节假日安排的通知) the
/// calendar starts with. Each holiday day and each make-up working day is listed with its
/// festival's name; the database is seeded from these and the administrator maintains it from
/// then on (/Admin/Calendar).
/// </summary>
public static class ChineseHolidaySchedules
{
    public const string NewYear = "元旦";
    public const string SpringFestival = "春节";
    public const string QingMing = "清明节";
    public const string LabourDay = "劳动节";
    public const string DragonBoat = "端午节";
    public const string MidAutumn = "中秋节";
    public const string NationalDay = "国庆节";

    /// <summary>2026 as published by the State Council.</summary>
    public static IReadOnlyList<CalendarDay> Year2026 { get; } =
    [
        .. Holidays(NewYear, new(2026, 1, 1), new(2026, 1, 3)),
        new(new(2026, 1, 4), CalendarDayKind.MakeUpWorkday, NewYear),
        new(new(2026, 2, 14), CalendarDayKind.MakeUpWorkday, SpringFestival),
        .. Holidays(SpringFestival, new(2026, 2, 15), new(2026, 2, 23)),
        new(new(2026, 2, 28), CalendarDayKind.MakeUpWorkday, SpringFestival),
        .. Holidays(QingMing, new(2026, 4, 4), new(2026, 4, 6)),
        .. Holidays(LabourDay, new(2026, 5, 1), new(2026, 5, 5)),
        new(new(2026, 5, 9), CalendarDayKind.MakeUpWorkday, LabourDay),
        .. Holidays(DragonBoat, new(2026, 6, 19), new(2026, 6, 21)),
        new(new(2026, 9, 20), CalendarDayKind.MakeUpWorkday, NationalDay),
        .. Holidays(MidAutumn, new(2026, 9, 25), new(2026, 9, 27)),
        .. Holidays(NationalDay, new(2026, 10, 1), new(2026, 10, 7)),
        new(new(2026, 10, 10), CalendarDayKind.MakeUpWorkday, NationalDay),
    ];

    /// <summary>
    /// 2027 DERIVED, not published: the statutory days (元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2,
    /// 端午 1, 中秋 1, 国庆 3) on the 2027 lunar dates (春节 Feb 6, 清明 Apr 5, 端午 Jun 9,
    /// 中秋 Sep 15), bridged the State Council's usual way: a statutory day on a weekend is
    /// made up on the next weekday, a long break is closed with make-up weekend days, one before
    /// and one after, and no one works more than six days in a row. The 2021 and 2024 schedules
    /// (the same weekdays for 国庆 and 春节) were the pattern. The administrator corrects it on
    /// /Admin/Calendar when the official notice is published (usually in November 2026).
    /// </summary>
    public static IReadOnlyList<CalendarDay> Year2027 { get; } =
    [
        .. Holidays(NewYear, new(2027, 1, 1), new(2027, 1, 3)),
        new(new(2027, 1, 31), CalendarDayKind.MakeUpWorkday, SpringFestival),
        .. Holidays(SpringFestival, new(2027, 2, 5), new(2027, 2, 13)),
        new(new(2027, 2, 14), CalendarDayKind.MakeUpWorkday, SpringFestival),
        .. Holidays(QingMing, new(2027, 4, 3), new(2027, 4, 5)),
        .. Holidays(LabourDay, new(2027, 5, 1), new(2027, 5, 5)),
        new(new(2027, 5, 8), CalendarDayKind.MakeUpWorkday, LabourDay),
        new(new(2027, 6, 9), CalendarDayKind.Holiday, DragonBoat),
        new(new(2027, 9, 15), CalendarDayKind.Holiday, MidAutumn),
        new(new(2027, 9, 26), CalendarDayKind.MakeUpWorkday, NationalDay),
        .. Holidays(NationalDay, new(2027, 10, 1), new(2027, 10, 7)),
        new(new(2027, 10, 9), CalendarDayKind.MakeUpWorkday, NationalDay),
    ];

    /// <summary>Every default day, 2026 and 2027, by date.</summary>
    public static IReadOnlyList<CalendarDay> Defaults { get; } = [.. Year2026.Concat(Year2027).OrderBy(d => d.Date)];

    private static IEnumerable<CalendarDay> Holidays(string name, DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return new CalendarDay(day, CalendarDayKind.Holiday, name);
        }
    }
}
