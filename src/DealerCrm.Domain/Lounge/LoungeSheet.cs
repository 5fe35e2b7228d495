using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Lounge;

/// <summary>
/// The lounge's sheet for one local day: a duty whose deadline is the end of that day. The
/// attendant who first records on it owns it; once the day is over the lounge job closes it,
/// turning each counted item short of its minimum into a violation (and a fine) by itself.
/// </summary>
public sealed class LoungeSheet : IVersioned
{
    private LoungeSheet()
    {
    }

    public LoungeSheet(DateOnly day, DateTime nowUtc)
    {
        Day = day;
        OpenedUtc = nowUtc;
    }

    public long Id { get; private set; }

    public int Version { get; set; }

    /// <summary>The dealership's local day (unique: one sheet a day).</summary>
    public DateOnly Day { get; private set; }

    public DateTime OpenedUtc { get; private set; }

    /// <summary>The lounge attendant responsible for the day; null until one records on it.</summary>
    public string? AttendantUserId { get; private set; }

    /// <summary>When the attendant declared every check of the day done.</summary>
    public DateTime? CompletedUtc { get; private set; }

    public string? CompletedByUserId { get; private set; }

    /// <summary>When the end-of-day shortfalls were settled (by the lounge job); nothing is recorded after.</summary>
    public DateTime? ClosedUtc { get; private set; }

    public bool IsClosed => ClosedUtc is not null;

    public bool IsCompleted => CompletedUtc is not null;

    /// <summary>The end of the day: the sheet's deadline, in UTC.</summary>
    public DateTime DeadlineUtc(DealershipClock clock) => clock.StartOfDayUtc(Day.AddDays(1));

    /// <summary>The first attendant to record on the sheet becomes responsible for it.</summary>
    public void TakeBy(string attendantUserId) => AttendantUserId ??= attendantUserId;

    public void Complete(string userId, DateTime nowUtc)
    {
        EnsureOpen();
        CompletedUtc ??= nowUtc;
        CompletedByUserId ??= userId;
    }

    public void Close(DateTime nowUtc)
    {
        EnsureOpen();
        ClosedUtc = nowUtc;
    }

    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new InvalidOperationException($"The lounge sheet of {Day:yyyy-MM-dd} is closed.");
        }
    }
}
