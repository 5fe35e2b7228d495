using DealerCrm.Domain.Common;
using DealerCrm.Domain.Duties;
using DealerCrm.Domain.Settings;

namespace DealerCrm.Domain.FollowUps;

public enum FollowUpStatus
{
    Open = 0,

    /// <summary>Reached and talked (or, for the letter, sent).</summary>
    Done = 1,

    /// <summary>Reached, but the customer declined to talk: the contact was made.</summary>
    Refused = 2,

    /// <summary>Not reached after the last try.</summary>
    Unreachable = 3,

    WrongNumber = 4,

    /// <summary>The occasion passed without the contact (a greeting a week late is no greeting).</summary>
    Missed = 5,

    /// <summary>No longer wanted: the customer was anonymised.</summary>
    Cancelled = 6,
}

public enum CallOutcome
{
    Reached = 1,
    NotReached = 2,
    WrongNumber = 3,
    CallBackLater = 4,
    Refused = 5,
}

/// <summary>
/// One follow-up (回访/关怀) task: what, about whom, due when, owned by a person or by a role's
/// shared pool (claimable), and its result: every call attempt, the customer's answer to each
/// talking point, notes, and whether the customer was unhappy.
/// </summary>
public sealed class FollowUpTask : IVersioned
{
    private readonly List<FollowUpAnswer> _answers = [];
    private readonly List<FollowUpLogEntry> _log = [];

    private FollowUpTask()
    {
    }

    public FollowUpTask(PlannedTask planned, DateTime createdUtc)
    {
        Key = planned.Key;
        Kind = planned.Kind;
        CustomerId = planned.CustomerId;
        VehicleId = planned.VehicleId;
        DeliveryId = planned.DeliveryId;
        ServiceVisitId = planned.ServiceVisitId;
        FamilyMemberId = planned.FamilyMemberId;
        OccasionDate = planned.OccasionDate;
        DueUtc = planned.DueUtc;
        ExpiresUtc = planned.ExpiresUtc;
        OwnerRole = planned.OwnerRole;
        OwnerUserId = planned.OwnerUserId;
        ExcludedUserId = planned.ExcludedUserId;
        AlsoExcludedUserId = planned.AlsoExcludedUserId;
        CreatedUtc = createdUtc;
        ActionableFromUtc = createdUtc;
    }

    public long Id { get; private set; }

    public int Version { get; set; }

    /// <summary>Unique: the same task can never be created twice, whoever creates it and however often.</summary>
    public string Key { get; private set; } = "";

    public FollowUpKind Kind { get; private set; }

    public int CustomerId { get; private set; }

    public int? VehicleId { get; private set; }

    public int? DeliveryId { get; private set; }

    public int? ServiceVisitId { get; private set; }

    public int? FamilyMemberId { get; private set; }

    /// <summary>The day the task is about: the delivery, the birthday, the visit.</summary>
    public DateOnly OccasionDate { get; private set; }

    public DateTime DueUtc { get; private set; }

    /// <summary>Occasions lapse (become missed) after this instant; calls never do.</summary>
    public DateTime? ExpiresUtc { get; private set; }

    /// <summary>The task shows in the queue from here: its creation, or the retry after a missed call.</summary>
    public DateTime ActionableFromUtc { get; private set; }

    public string OwnerRole { get; private set; } = "";

    /// <summary>Null while the task waits in its role's pool to be claimed.</summary>
    public string? OwnerUserId { get; private set; }

    /// <summary>Someone who must not take this task (the advisor whose work a revisit checks).</summary>
    public string? ExcludedUserId { get; private set; }

    /// <summary>A second person who must not take it (whoever entered the visit for its advisor).</summary>
    public string? AlsoExcludedUserId { get; private set; }

    public FollowUpStatus Status { get; private set; }

    /// <summary>Set by the job once the due time passed with the task still open.</summary>
    public bool IsOverdue { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? CompletedUtc { get; private set; }

    public string? CompletedByUserId { get; private set; }

    public string? Notes { get; private set; }

    public bool CustomerUnhappy { get; private set; }

    public string? UnhappyNote { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public IReadOnlyList<FollowUpAnswer> Answers => _answers;

    public IReadOnlyList<FollowUpLogEntry> Log => _log;

    public bool IsOpen => Status == FollowUpStatus.Open;

    /// <summary>Counts as done for the return-visit rate: the customer was reached (or the letter sent).</summary>
    public bool IsDone => CountsAsDone(Status);

    public static bool CountsAsDone(FollowUpStatus status) => status is FollowUpStatus.Done or FollowUpStatus.Refused;

    public bool WasOnTime => IsDone && CompletedUtc <= DueUtc;

    /// <summary>In the user's queue: theirs to work, or theirs to claim (<see cref="FollowUpDuty"/>).</summary>
    /// <summary>
    /// When the task was put off (a retry after "not reached", an agreed call-back) and that time
    /// has not come: the instant it may be tried again; null when it may be worked now.
    /// </summary>
    public DateTime? WaitingUntil(DateTime nowUtc) => ActionableFromUtc > nowUtc && ActionableFromUtc > CreatedUtc ? ActionableFromUtc : null;

    public bool MayBeWorkedBy(string userId, IEnumerable<string> roles)
    {
        var viewer = FollowUpDuty.Access.Viewer(userId, roles);
        return FollowUpDuty.Access.May(DutyRule.Act, this, viewer) || FollowUpDuty.Access.May(DutyRule.Claim, this, viewer);
    }

    /// <summary>
    /// Takes a pool task. Refused when someone already has it (the caller's version check catches a
    /// race) or the user is excluded from it; that the user holds the pool's role is the caller's check.
    /// </summary>
    public void Claim(string userId, string userName, DateTime nowUtc)
    {
        if (!FollowUpDuty.Access.May(DutyRule.Claim, this, AsPoolMember(userId)))
        {
            throw new InvalidOperationException("The task cannot be claimed.");
        }

        OwnerUserId = userId;
        _log.Add(new FollowUpLogEntry(nowUtc, userName, FollowUpAction.Claimed, null, null));
    }

    /// <summary>A manager gives the task to someone else (or back to the pool with null).</summary>
    public void Reassign(string? userId, string byUserName, string toName, DateTime nowUtc)
    {
        if (userId is null ? !IsOpen : !FollowUpDuty.Access.May(DutyRule.Own, this, AsPoolMember(userId)))
        {
            throw new InvalidOperationException("The task cannot be reassigned to that person.");
        }

        OwnerUserId = userId;
        _log.Add(new FollowUpLogEntry(nowUtc, byUserName, FollowUpAction.Reassigned, null, toName));
    }

    /// <summary>
    /// Records one call. Reached or refused closes the task with the answers; not reached is
    /// tried again the next day until the last try, then the task closes as unreachable; a wrong
    /// number closes it; "call back later" moves it to the time the customer asked for.
    /// </summary>
    /// <remarks>
    /// A try before the task is due again (the retry after "not reached", an agreed call-back) is
    /// refused with <see cref="CallTooEarlyException"/>: three tries are three days, not three
    /// minutes. A manager may let it through with a reason, which the log keeps.
    /// </remarks>
    public void RecordCall(CallRecord call, FollowUpPolicy policy, DateTime nowUtc)
    {
        if (!IsOpen || !Kind.IsCall())
        {
            throw new InvalidOperationException("Only an open call task records calls.");
        }

        if (Kind.IsSurvey() && call.Outcome == CallOutcome.Reached)
        {
            throw new InvalidOperationException("A survey reached is taken on the survey page (RecordSurveyTaken), not closed as a call.");
        }

        if (WaitingUntil(nowUtc) is { } until)
        {
            if (string.IsNullOrWhiteSpace(call.EarlyReason))
            {
                throw new CallTooEarlyException(until);
            }

            _log.Add(new FollowUpLogEntry(nowUtc, call.UserName, FollowUpAction.EarlyCallAllowed, null, call.EarlyReason));
        }

        Notes = Join(Notes, call.Notes);
        _log.Add(new FollowUpLogEntry(nowUtc, call.UserName, FollowUpAction.Called, call.Outcome, call.Notes, BoundCallSeconds(call.CallSeconds, policy)));
        switch (call.Outcome)
        {
            case CallOutcome.Reached:
            case CallOutcome.Refused:
                Attempts++;
                foreach (var (point, answer) in call.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)))
                {
                    _answers.Add(new FollowUpAnswer(point, answer.Trim()));
                }

                Complete(call.Outcome == CallOutcome.Reached ? FollowUpStatus.Done : FollowUpStatus.Refused, call.UserId, nowUtc);
                break;
            case CallOutcome.NotReached:
                Attempts++;
                if (Attempts >= policy.MaxCallAttempts)
                {
                    Complete(FollowUpStatus.Unreachable, call.UserId, nowUtc);
                }
                else
                {
                    ActionableFromUtc = nowUtc.AddDays(policy.RetryAfterDays);
                }

                break;
            case CallOutcome.WrongNumber:
                Attempts++;
                Complete(FollowUpStatus.WrongNumber, call.UserId, nowUtc);
                break;
            case CallOutcome.CallBackLater:
                ActionableFromUtc = call.CallBackAtUtc is { } at && at > nowUtc ? at : nowUtc.AddHours(1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call.Outcome, null);
        }
    }

    /// <summary>
    /// The survey was taken (on the survey page): the task is done. A pool task is taken by whoever
    /// took the survey; who may is <see cref="FollowUpDuty"/>'s question, asked by the page.
    /// </summary>
    public void RecordSurveyTaken(string userId, string userName, DateTime nowUtc)
    {
        if (!Kind.IsSurvey() || !IsOpen)
        {
            throw new InvalidOperationException("Only an open survey task records a survey.");
        }

        OwnerUserId ??= userId;
        Attempts++;
        _log.Add(new FollowUpLogEntry(nowUtc, userName, FollowUpAction.SurveyTaken, CallOutcome.Reached, null));
        Complete(FollowUpStatus.Done, userId, nowUtc);
    }

    /// <summary>
    /// The call's length as the page's timer measured it, bounded: the browser's number is only a
    /// hint (a tab left open overnight, a forged form), so nothing below zero is kept and nothing
    /// above the policy's longest call.
    /// </summary>
    public static int? BoundCallSeconds(int? seconds, FollowUpPolicy policy) =>
        seconds is not { } s || s < 0 ? null : Math.Min(s, policy.MaxCallMinutes * 60);

    /// <summary>The thank-you letter went out: its task is done.</summary>
    public void MarkLetterSent(string userId, string userName, DateTime nowUtc)
    {
        if (Kind != FollowUpKind.ThankYouLetter || !IsOpen)
        {
            throw new InvalidOperationException("Only an open letter task is marked sent.");
        }

        _log.Add(new FollowUpLogEntry(nowUtc, userName, FollowUpAction.LetterSent, null, null));
        Complete(FollowUpStatus.Done, userId, nowUtc);
    }

    public void RecordLetterPrinted(string userName, DateTime nowUtc) =>
        _log.Add(new FollowUpLogEntry(nowUtc, userName, FollowUpAction.LetterPrinted, null, null));

    /// <summary>The customer is unhappy: kept on the task for the manager (and a complaint, once complaints exist).</summary>
    public void RecordUnhappy(string note, string userName, DateTime nowUtc)
    {
        CustomerUnhappy = true;
        UnhappyNote = Join(UnhappyNote, note);
        _log.Add(new FollowUpLogEntry(nowUtc, userName, FollowUpAction.Unhappy, null, note));
    }

    /// <summary>
    /// Time's effect on an open task: missed once an occasion's window passed, unreachable once
    /// out of tries (the policy may have lowered them), overdue once due. A task created late
    /// (a delivery entered days after) is born in the state its age gives it, not skipped.
    /// The job applies the same rules in bulk with <see cref="FollowUpRules"/>.
    /// </summary>
    public void Tidy(FollowUpPolicy policy, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            return;
        }

        if (FollowUpRules.IsLapsed(this, nowUtc))
        {
            Complete(FollowUpStatus.Missed, null, nowUtc);
        }
        else if (FollowUpRules.IsOutOfTries(this, policy.MaxCallAttempts))
        {
            Complete(FollowUpStatus.Unreachable, null, nowUtc);
        }
        else if (FollowUpRules.IsNewlyOverdue(this, nowUtc))
        {
            IsOverdue = true;
        }
    }

    public void Cancel(DateTime nowUtc) => Complete(FollowUpStatus.Cancelled, null, nowUtc);

    /// <summary>No longer wanted, for a reason the task's log keeps (the family member it greets was taken off the file).</summary>
    public void Cancel(DateTime nowUtc, string byUserName, string reason)
    {
        if (!IsOpen)
        {
            return;
        }

        _log.Add(new FollowUpLogEntry(nowUtc, byUserName, FollowUpAction.Cancelled, null, reason));
        Cancel(nowUtc);
    }

    /// <summary>Two files of one person merged: the survivor's task now.</summary>
    public void MoveToCustomer(int customerId) => CustomerId = customerId;

    /// <summary>The user as a member of this task's pool, for the rules the caller has checked the role of.</summary>
    private DutyViewer AsPoolMember(string userId) => new(userId, [OwnerRole], []);

    private void Complete(FollowUpStatus status, string? userId, DateTime nowUtc)
    {
        Status = status;
        CompletedUtc = nowUtc;
        CompletedByUserId = userId;
    }

    private static string? Join(string? existing, string? more) =>
        string.IsNullOrWhiteSpace(more) ? existing : string.IsNullOrWhiteSpace(existing) ? more.Trim() : existing + "\n" + more.Trim();
}

/// <summary>One call as the agent records it.</summary>
public sealed record CallRecord(
    string UserId,
    string UserName,
    CallOutcome Outcome,
    IReadOnlyDictionary<int, string> Answers,
    string? Notes,
    DateTime? CallBackAtUtc = null,
    string? EarlyReason = null,
    int? CallSeconds = null);

/// <summary>A call recorded before the task is due again, without a manager's reason.</summary>
public sealed class CallTooEarlyException(DateTime retryFromUtc)
    : InvalidOperationException($"The task may be tried again from {retryFromUtc:u}.")
{
    public DateTime RetryFromUtc { get; } = retryFromUtc;
}

/// <summary>The customer's answer to one talking point of the script.</summary>
public sealed class FollowUpAnswer
{
    private FollowUpAnswer()
    {
    }

    internal FollowUpAnswer(int point, string text)
    {
        Point = point;
        Text = text;
    }

    public long Id { get; private set; }

    public long TaskId { get; private set; }

    /// <summary>The talking point's number in the script, from 1.</summary>
    public int Point { get; private set; }

    public string Text { get; private set; } = "";
}

public enum FollowUpAction
{
    Claimed = 1,
    Reassigned = 2,
    Called = 3,
    LetterPrinted = 4,
    LetterSent = 5,
    Unhappy = 6,

    /// <summary>A manager let a call through before the task was due again; the note is their reason.</summary>
    EarlyCallAllowed = 7,

    /// <summary>Cancelled by a change on the file; the note says why.</summary>
    Cancelled = 8,

    /// <summary>The satisfaction survey was taken (the survey points back at the task; numbered after issue 15).</summary>
    SurveyTaken = 151,
}

/// <summary>What happened to a task, by whom and when: calls, claims, reassignments, letters printed.</summary>
public sealed class FollowUpLogEntry
{
    private FollowUpLogEntry()
    {
    }

    internal FollowUpLogEntry(DateTime atUtc, string userName, FollowUpAction action, CallOutcome? outcome, string? note, int? callSeconds = null)
    {
        CallSeconds = callSeconds;
        AtUtc = atUtc;
        UserName = userName;
        Action = action;
        Outcome = outcome;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public long Id { get; private set; }

    public long TaskId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string UserName { get; private set; } = "";

    public FollowUpAction Action { get; private set; }

    public CallOutcome? Outcome { get; private set; }

    public string? Note { get; private set; }

    /// <summary>How long the call lasted by the page's timer (bounded), for a call attempt; null when unknown.</summary>
    public int? CallSeconds { get; private set; }
}

/// <summary>How far the follow-up job has got: the last source row of each kind turned into tasks, and the day through which occasions are generated.</summary>
public sealed class FollowUpCursor : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public int Version { get; set; }

    public int LastDeliveryId { get; set; }

    public int LastServiceVisitId { get; set; }

    public int LastCustomerId { get; set; }

    public int LastFamilyMemberId { get; set; }

    public int LastVehicleId { get; set; }

    /// <summary>Tasks due up to the end of this local day exist; null before the first run.</summary>
    public DateOnly? HorizonDate { get; set; }
}
