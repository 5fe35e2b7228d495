namespace DealerCrm.Domain.Calendar;

/// <summary>
/// A stopwatch against a budget of running time (e.g. a complaint tier's 24 hours) that can be
/// paused while the case waits on the customer or on parts (待客户/待配件): paused time does not
/// count, and every pause keeps its reason, who paused and who resumed. Instants are UTC.
/// </summary>
/// <remarks>
/// Persistable as it stands: private setters, a parameterless constructor and the pauses in a
/// backing field, so an owner maps it with OwnsOne (or as an entity) and its pauses with
/// OwnsMany / HasMany on <see cref="Pauses"/> (field <c>_pauses</c>).
/// </remarks>
public sealed class DeadlineClock
{
    public const int ReasonMaxLength = 200;

    private readonly List<ClockPause> _pauses = [];

    private DeadlineClock()
    {
    }

    public DeadlineClock(DateTime startedUtc, TimeSpan budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        StartedUtc = startedUtc;
        Budget = budget;
    }

    public DateTime StartedUtc { get; private set; }

    public TimeSpan Budget { get; private set; }

    /// <summary>Every pause, oldest first; the last one is open (no end) while the clock is paused.</summary>
    public IReadOnlyList<ClockPause> Pauses => _pauses;

    public bool IsPaused => _pauses.Count > 0 && _pauses[^1].ToUtc is null;

    public ClockPause? OpenPause => IsPaused ? _pauses[^1] : null;

    /// <summary>Stops the clock at <paramref name="atUtc"/>. A reason is required; a paused clock cannot be paused again.</summary>
    public ClockPause Pause(DateTime atUtc, string reason, string byUserName)
    {
        if (IsPaused)
        {
            throw new InvalidOperationException("The clock is already paused.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A pause needs a reason.", nameof(reason));
        }

        if (reason.Trim().Length > ReasonMaxLength)
        {
            throw new ArgumentException($"A pause reason is at most {ReasonMaxLength} characters.", nameof(reason));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(byUserName);
        // Time only moves forward: a pause cannot start before the clock did, nor inside a past pause.
        var earliest = _pauses.Count > 0 ? _pauses[^1].ToUtc!.Value : StartedUtc;
        if (atUtc < earliest)
        {
            throw new ArgumentOutOfRangeException(nameof(atUtc), "A pause cannot start before the clock started or before the last resume.");
        }

        var pause = new ClockPause(atUtc, reason.Trim(), byUserName);
        _pauses.Add(pause);
        return pause;
    }

    /// <summary>Starts the clock again at <paramref name="atUtc"/>, not before the pause began.</summary>
    public void Resume(DateTime atUtc, string byUserName)
    {
        var open = OpenPause ?? throw new InvalidOperationException("The clock is running; there is nothing to resume.");
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserName);
        if (atUtc < open.FromUtc)
        {
            throw new ArgumentOutOfRangeException(nameof(atUtc), "A clock cannot resume before it was paused.");
        }

        open.End(atUtc, byUserName);
    }

    /// <summary>Running time from the start to <paramref name="atUtc"/>, paused time left out; zero before the start.</summary>
    public TimeSpan Elapsed(DateTime atUtc)
    {
        if (atUtc <= StartedUtc)
        {
            return TimeSpan.Zero;
        }

        var paused = TimeSpan.Zero;
        foreach (var pause in _pauses)
        {
            var from = pause.FromUtc;
            var to = pause.ToUtc is { } end && end < atUtc ? end : atUtc;
            if (to > from)
            {
                paused += to - from;
            }
        }

        return atUtc - StartedUtc - paused;
    }

    /// <summary>Budget minus running time; negative once overdue (by how much).</summary>
    public TimeSpan Remaining(DateTime atUtc) => Budget - Elapsed(atUtc);

    /// <summary>Overdue once the running time reaches the budget (at the due instant itself too).</summary>
    public bool IsOverdueAt(DateTime atUtc) => Elapsed(atUtc) >= Budget;

    /// <summary>
    /// When the budget runs out. While running this is fixed: start + budget + the pauses so far.
    /// While paused it is the due time if the clock were resumed at <paramref name="atUtc"/>
    /// (atUtc + what remains), so it moves on with the clock on the wall: a list shows a paused
    /// case as paused, with its remaining time, rather than as a fixed due time.
    /// </summary>
    public DateTime DueUtc(DateTime atUtc)
    {
        if (OpenPause is { } open)
        {
            // What remains is frozen from the pause on.
            var resumeAt = atUtc > open.FromUtc ? atUtc : open.FromUtc;
            return resumeAt + Remaining(open.FromUtc);
        }

        return StartedUtc + Budget + ClosedPausesTotal();
    }

    private TimeSpan ClosedPausesTotal()
    {
        var total = TimeSpan.Zero;
        foreach (var pause in _pauses)
        {
            if (pause.ToUtc is { } to)
            {
                total += to - pause.FromUtc;
            }
        }

        return total;
    }
}

/// <summary>One pause of a <see cref="DeadlineClock"/>: from, to (null while it lasts), why, who paused and who resumed.</summary>
public sealed class ClockPause
{
    private ClockPause()
    {
    }

    internal ClockPause(DateTime fromUtc, string reason, string pausedBy)
    {
        FromUtc = fromUtc;
        Reason = reason;
        PausedBy = pausedBy;
    }

    public long Id { get; private set; }

    public DateTime FromUtc { get; private set; }

    public DateTime? ToUtc { get; private set; }

    public string Reason { get; private set; } = "";

    public string PausedBy { get; private set; } = "";

    public string? ResumedBy { get; private set; }

    public TimeSpan? Length => ToUtc - FromUtc;

    internal void End(DateTime toUtc, string resumedBy)
    {
        ToUtc = toUtc;
        ResumedBy = resumedBy;
    }
}
