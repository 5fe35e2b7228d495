namespace DealerCrm.Domain.Calendar;

/// <summary>What a listed day is: a public holiday (放假) or a make-up working day (调休上班).</summary>
public enum CalendarDayKind
{
    Holiday = 1,
    MakeUpWorkday = 2,
}

/// <summary>
/// One day the State Council's schedule (or the administrator) sets apart from the plain
/// Monday-to-Friday week. Days not listed follow the week: Mon–Fri work, Sat/Sun rest.
/// The date is the key: a day is listed at most once.
/// </summary>
public sealed class CalendarDay
{
    public const int NameMaxLength = 30;

    /// <summary>The dates the calendar accepts; outside them a typed year is far more likely a typo than a plan.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    private CalendarDay()
    {
    }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name)
    {
        var problem = Check(date, kind, name);
        if (problem is not null)
        {
            throw new ArgumentException($"Calendar day {date:yyyy-MM-dd}: {problem}.");
        }

        Date = date;
        Kind = kind;
        Name = name.Trim();
    }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
        {
            throw new ArgumentException($"A calendar day's name is 1 to {NameMaxLength} characters.", nameof(name));
        }

        Name = name.Trim();
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// Why such a day cannot be listed, or null. A make-up working day only makes sense on a
    /// weekend: Monday to Friday are working days already.
    /// </summary>
    public static CalendarDayProblem? Check(DateOnly date, CalendarDayKind kind, string? name)
    {
        if (date < MinDate || date > MaxDate)
        {
            return CalendarDayProblem.DateOutOfRange;
        }

        if (!Enum.IsDefined(kind))
        {
            return CalendarDayProblem.UnknownKind;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return CalendarDayProblem.NameMissing;
        }

        if (name.Trim().Length > NameMaxLength)
        {
            return CalendarDayProblem.NameTooLong;
        }

        return kind == CalendarDayKind.MakeUpWorkday && !IsWeekend(date) ? CalendarDayProblem.MakeUpOnWeekday : null;
    }
}

public enum CalendarDayProblem
{
    DateOutOfRange = 1,
    UnknownKind,
    NameMissing,
    NameTooLong,
    MakeUpOnWeekday,
}

/// <summary>What an administrator did to the calendar.</summary>
public enum CalendarChangeAction
{
    Added = 1,
    Removed = 2,
    Renamed = 3,
}

/// <summary>
/// One line of the calendar's history, written with every change and never updated or deleted:
/// deadlines are counted on this calendar, so who moved a holiday, and when, must stay on record.
/// </summary>
public sealed class CalendarDayChange
{
    private CalendarDayChange()
    {
    }

    public CalendarDayChange(CalendarChangeAction action, DateOnly date, CalendarDayKind kind, string name, string? oldName, string userName, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        Action = action;
        Date = date;
        Kind = kind;
        Name = name;
        OldName = oldName;
        UserName = userName;
        AtUtc = atUtc;
    }

    public static CalendarDayChange Added(CalendarDay day, string userName, DateTime atUtc) =>
        new(CalendarChangeAction.Added, day.Date, day.Kind, day.Name, null, userName, atUtc);

    public static CalendarDayChange Removed(CalendarDay day, string userName, DateTime atUtc) =>
        new(CalendarChangeAction.Removed, day.Date, day.Kind, day.Name, null, userName, atUtc);

    public static CalendarDayChange Renamed(CalendarDay day, string oldName, string userName, DateTime atUtc) =>
        new(CalendarChangeAction.Renamed, day.Date, day.Kind, day.Name, oldName, userName, atUtc);

    public long Id { get; private set; }

    public CalendarChangeAction Action { get; private set; }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    /// <summary>The day's name after the change (for a removal, the name it had).</summary>
    public string Name { get; private set; } = "";

    /// <summary>The name before a rename; null otherwise.</summary>
    public string? OldName { get; private set; }

    /// <summary>The login name of who made the change.</summary>
    public string UserName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}
