namespace DealerCrm.Domain.Complaints;

/// <summary>How the complaint reached the dealership (RULES.md section 5).</summary>
public enum ComplaintChannel
{
    /// <summary>现场: notifies the CS director at once.</summary>
    OnSite = 1,

    /// <summary>电话回访: raised during one of our follow-up calls.</summary>
    ReturnCall = 2,

    /// <summary>来电.</summary>
    IncomingCall = 3,

    /// <summary>信函.</summary>
    Letter = 4,

    /// <summary>行政主管部门: starts at tier 3.</summary>
    Authority = 5,
}

public enum ComplaintCategory
{
    Sales = 1,
    ServiceQuality = 2,
    Parts = 3,
    Attitude = 4,
    Price = 5,
    WaitingTime = 6,
    Other = 7,
}

/// <summary>Decides the service recovery a case needs before it may close.</summary>
public enum ComplaintSeverity
{
    Minor = 1,
    Serious = 2,
}

/// <summary>The department the complaint concerns, which records the investigation and solution.</summary>
public enum ComplaintDepartment
{
    Sales = 1,
    Service = 2,
    Parts = 3,
    CustomerService = 4,
    Other = 5,
}

public enum ComplaintStatus
{
    /// <summary>Being investigated by the current tier.</summary>
    Open = 1,

    /// <summary>A solution was put to the customer; their answer is awaited.</summary>
    AwaitingCustomer = 2,

    /// <summary>The customer accepted the solution: service recovery, then closing.</summary>
    Accepted = 3,

    Closed = 4,
}

/// <summary>
/// Where a case stands in the complaint list, stored with it (so the list reads it by index): an
/// open case flagged for attention whatever its due time (its top tier's deadline passed, or the
/// legal limit is near), any other open case (late once its tier's due time passes), or closed.
/// The values are the list's order.
/// </summary>
public enum ComplaintAttention
{
    Flagged = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>What the deadline clock waits on while paused (待客户 / 待配件).</summary>
public enum ComplaintPauseReason
{
    WaitingOnCustomer = 1,
    WaitingOnParts = 2,
}

/// <summary>The five steps of service recovery (服务补救), in their order.</summary>
public enum RecoveryStep
{
    /// <summary>道歉.</summary>
    Apology = 1,

    /// <summary>紧急复原.</summary>
    UrgentRestoration = 2,

    /// <summary>移情.</summary>
    Empathy = 3,

    /// <summary>象征性赎罪: a voucher or gift, recorded with its value.</summary>
    SymbolicAtonement = 4,

    /// <summary>跟踪.</summary>
    FollowUp = 5,
}

/// <summary>Why a case changed tier.</summary>
public enum EscalationCause
{
    /// <summary>The tier's deadline passed with the case unresolved (the job).</summary>
    Deadline = 1,

    /// <summary>The customer rejected the solution and the CS director moved it up.</summary>
    CustomerRejected = 2,
}

/// <summary>One kind of line in a case's timeline.</summary>
public enum ComplaintEventKind
{
    Opened = 1,
    Comment = 2,
    Escalated = 3,
    Paused = 4,
    Resumed = 5,
    Notified = 6,
    Investigation = 7,
    CustomerTold = 8,
    CustomerAccepted = 9,
    CustomerRejected = 10,
    RecoveryStepDone = 11,
    Closed = 12,
    Reopened = 13,
    LegalLimitNear = 14,
    TierDeadlinePassed = 15,
    CorrectiveActionDone = 16,
    FollowUpCreated = 17,
}
