namespace DealerCrm.Domain.FollowUps;

/// <summary>
/// A fact the cadence plans from (a birthday, an insurance expiry) changed on a row the job has
/// already planned. Written in the same save as the change, so the job plans the new occasion
/// (while its day has not passed) and cancels the ones the change replaced.
/// </summary>
public sealed class FollowUpRecheck
{
    private FollowUpRecheck()
    {
    }

    public FollowUpRecheck(string source, int sourceId, DateTime requestedUtc)
    {
        Source = source;
        SourceId = sourceId;
        RequestedUtc = requestedUtc;
    }

    public long Id { get; private set; }

    /// <summary>One of <see cref="FollowUpSources"/>.</summary>
    public string Source { get; private set; } = "";

    public int SourceId { get; private set; }

    public DateTime RequestedUtc { get; private set; }
}

/// <summary>
/// How many duties of a kind were never created because the job first saw them too late to serve
/// (<see cref="FollowUpCadence.TooLateWhenFirstSeen"/>): history loaded at go-live, a row entered late.
/// </summary>
public sealed class FollowUpSkipCount
{
    private FollowUpSkipCount()
    {
    }

    public FollowUpSkipCount(FollowUpKind kind) => Kind = kind;

    public FollowUpKind Kind { get; private set; }

    public int Count { get; private set; }

    public DateTime? LastSkippedUtc { get; private set; }

    public void Add(int skipped, DateTime nowUtc)
    {
        Count += skipped;
        LastSkippedUtc = nowUtc;
    }
}
