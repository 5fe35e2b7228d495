using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Jobs;

public enum SetAsideStatus
{
    /// <summary>Failed; the job goes on without it until someone asks for a retry.</summary>
    SetAside = 0,

    /// <summary>An administrator asked for another try; the job's next run takes it.</summary>
    RetryRequested = 1,

    /// <summary>A retry went through: the row's work is done.</summary>
    Resolved = 2,
}

/// <summary>
/// A source row a background job could not process (a vehicle with an impossible date, say),
/// kept with the reason so that one bad row never stops the job for everyone else: the job
/// sets it aside, goes on with the rest and advances its cursor. The administrator sees the
/// list and asks for a retry once the row is corrected.
/// </summary>
public sealed class SetAsideRow : IVersioned
{
    public const int ReasonMaxLength = 1000;

    private SetAsideRow()
    {
    }

    public SetAsideRow(string job, string source, long sourceId, string reason, DateTime nowUtc)
    {
        Job = job;
        Source = source;
        SourceId = sourceId;
        FirstFailedUtc = nowUtc;
        Fail(reason, nowUtc);
    }

    public long Id { get; private set; }

    public int Version { get; set; }

    /// <summary>The job's registered name (e.g. FollowUps).</summary>
    public string Job { get; private set; } = "";

    /// <summary>What kind of row: Delivery, ServiceVisit, Customer, FamilyMember, Vehicle…</summary>
    public string Source { get; private set; } = "";

    public long SourceId { get; private set; }

    /// <summary>The error, as the job met it (shortened).</summary>
    public string Reason { get; private set; } = "";

    public DateTime FirstFailedUtc { get; private set; }

    public DateTime LastFailedUtc { get; private set; }

    public int Failures { get; private set; }

    public SetAsideStatus Status { get; private set; }

    public DateTime? RetryRequestedUtc { get; private set; }

    public string? RetryRequestedBy { get; private set; }

    public DateTime? ResolvedUtc { get; private set; }

    /// <summary>Another failure of the same row (first, or again after a retry).</summary>
    public void Fail(string reason, DateTime nowUtc)
    {
        Reason = reason.Length <= ReasonMaxLength ? reason : reason[..ReasonMaxLength];
        LastFailedUtc = nowUtc;
        Failures++;
        Status = SetAsideStatus.SetAside;
        ResolvedUtc = null;
    }

    public void RequestRetry(string userName, DateTime nowUtc)
    {
        if (Status == SetAsideStatus.Resolved)
        {
            throw new InvalidOperationException("A resolved row needs no retry.");
        }

        Status = SetAsideStatus.RetryRequested;
        RetryRequestedUtc = nowUtc;
        RetryRequestedBy = userName;
    }

    public void Resolve(DateTime nowUtc)
    {
        Status = SetAsideStatus.Resolved;
        ResolvedUtc = nowUtc;
    }
}
