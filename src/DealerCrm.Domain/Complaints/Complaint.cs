using System.Globalization;
using DealerCrm.Domain.Calendar;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Complaints;

/// <summary>What the person taking a complaint in records (RULES.md section 5).</summary>
public sealed record ComplaintDraft(
    ComplaintChannel Channel,
    ComplaintCategory Category,
    ComplaintSeverity Severity,
    bool IsSafety,
    int CustomerId,
    int? VehicleId,
    string Description,
    ComplaintDepartment Department,
    DateTime PromisedFeedbackUtc,
    string? ConcernedUserId = null,
    long? SourceFollowUpTaskId = null,
    int? SourceHotAlertId = null);

/// <summary>Who does something to a case: their id (null for the job), login and roles.</summary>
public sealed record ComplaintActor(string? UserId, string UserName, IReadOnlyList<string> Roles)
{
    public const string SystemName = "system";

    public static ComplaintActor System { get; } = new(null, SystemName, []);
}

/// <summary>
/// A complaint (投诉) case: the facts taken in, the current tier and its handlers, a pausable
/// deadline clock per tier, the investigation and solution, the customer's answer, the service
/// recovery steps, and a full timeline. Every rule of RULES.md section 5 that is about one case
/// lives here; the job and the pages call it and never re-derive a rule.
/// </summary>
public sealed class Complaint : IVersioned
{
    public const int TextMaxLength = 2000;
    public const int NumberMaxLength = 20;

    private readonly List<ComplaintTierPeriod> _periods = [];
    private readonly List<ComplaintEvent> _events = [];
    private readonly List<ComplaintRecovery> _recovery = [];

    private Complaint()
    {
    }

    public Complaint(string number, ComplaintDraft draft, ComplaintActor by, ComplaintPolicy policy, WorkingCalendar calendar, DealershipClock clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Description);
        var now = clock.UtcNow;
        Number = number;
        Channel = draft.Channel;
        Category = draft.Category;
        Severity = draft.Severity;
        IsSafety = draft.IsSafety;
        CustomerId = draft.CustomerId;
        VehicleId = draft.VehicleId;
        Description = draft.Description.Trim();
        Department = draft.Department;
        PromisedFeedbackUtc = draft.PromisedFeedbackUtc;
        ConcernedUserId = string.IsNullOrEmpty(draft.ConcernedUserId) ? null : draft.ConcernedUserId;
        SourceFollowUpTaskId = draft.SourceFollowUpTaskId;
        SourceHotAlertId = draft.SourceHotAlertId;
        ReceivedUtc = now;
        var local = clock.LocalDateOf(now).ToDateTime(TimeOnly.MinValue);
        ReceivedWeek = (ISOWeek.GetYear(local) * 100) + ISOWeek.GetWeekOfYear(local);
        ReceivedMonth = (local.Year * 100) + local.Month;
        CreatedByName = by.UserName;
        // The CS agent who took it in gets the closing follow-up call (and works tier 1 with it).
        AgentUserId = by.Roles.Contains(Roles.CsAgent) ? by.UserId : null;
        LegalDueUtc = calendar.DueUtc(now, policy.LegalFeedbackWorkingDays, clock);
        Tier = ComplaintTiers.StartTier(Channel, IsSafety);
        PoolRole = ComplaintTiers.PoolRole(Tier);
        HandlerUserId = Tier == 1 ? AgentUserId : null;
        Status = ComplaintStatus.Open;
        UpdatedUtc = now;
        Log(now, by, ComplaintEventKind.Opened, Channel.ToString(), null);
        _periods.Add(new ComplaintTierPeriod(Tier, now, policy.Deadline(Tier)));
        SyncClock(now);
    }

    public int Id { get; private set; }

    public int Version { get; set; }

    /// <summary>TS + local date + sequence of the day, e.g. TS20261130003.</summary>
    public string Number { get; private set; } = "";

    public ComplaintChannel Channel { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public ComplaintSeverity Severity { get; private set; }

    /// <summary>About the vehicle's safety: starts at tier 2.</summary>
    public bool IsSafety { get; private set; }

    public int CustomerId { get; private set; }

    public int? VehicleId { get; private set; }

    public string Description { get; private set; } = "";

    public ComplaintDepartment Department { get; private set; }

    /// <summary>承诺反馈时间: when the customer was promised an answer.</summary>
    public DateTime PromisedFeedbackUtc { get; private set; }

    public DateTime ReceivedUtc { get; private set; }

    /// <summary>ISO year and week of the local day it was received (202648), for the weekly analysis in SQL.</summary>
    public int ReceivedWeek { get; private set; }

    /// <summary>Year and month it was received (202611).</summary>
    public int ReceivedMonth { get; private set; }

    public string CreatedByName { get; private set; } = "";

    /// <summary>The CS agent who took it in, if one did: the closing follow-up call is theirs.</summary>
    public string? AgentUserId { get; private set; }

    /// <summary>The person the complaint is about: never shown it, never its handler.</summary>
    public string? ConcernedUserId { get; private set; }

    public int Tier { get; private set; }

    /// <summary>The pool role of the current tier (the duty engine's pool).</summary>
    public string PoolRole { get; private set; } = "";

    /// <summary>The handler who has it; null while it waits in the tier's pool.</summary>
    public string? HandlerUserId { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public bool IsPaused { get; private set; }

    /// <summary>When the current tier's time runs out; null while paused, resolved or closed (nothing to escalate).</summary>
    public DateTime? TierDueUtc { get; private set; }

    /// <summary>The top tier's deadline passed unresolved (there is no tier above to escalate to).</summary>
    public bool TierOverdue { get; private set; }

    /// <summary>End of the 7th working day after it was received (《汽车销售管理办法》).</summary>
    public DateTime LegalDueUtc { get; private set; }

    /// <summary>Flagged by the job when nearing the legal limit without the customer told the outcome.</summary>
    public bool LegalFlagged { get; private set; }

    /// <summary>The case's group in the list (flagged, open, closed), kept in step by every action: with <see cref="TierDueUtc"/> the list's order.</summary>
    public ComplaintAttention Attention { get; private set; } = ComplaintAttention.Open;

    public DateTime? CustomerToldUtc { get; private set; }

    public string? Investigation { get; private set; }

    public string? Solution { get; private set; }

    /// <summary>The corrective action decided (整改措施), for the weekly analysis.</summary>
    public string? CorrectiveAction { get; private set; }

    public DateTime? CorrectiveActionDoneUtc { get; private set; }

    /// <summary>What the customer was told of the solution.</summary>
    public string? CustomerResponse { get; private set; }

    /// <summary>The customer's last answer to the solution: null before one.</summary>
    public bool? CustomerAccepted { get; private set; }

    public int Escalations { get; private set; }

    public DateTime? ClosedUtc { get; private set; }

    /// <summary>Hours from received to (the last) closing, for the mean and percentile in SQL.</summary>
    public double? HoursToClose { get; private set; }

    public int TimesClosed { get; private set; }

    public long? SourceFollowUpTaskId { get; private set; }

    /// <summary>A CSI hot alert this case came from (no foreign key: wired by the CSI feature).</summary>
    public int? SourceHotAlertId { get; private set; }

    /// <summary>The follow-up call created when it last closed.</summary>
    public long? FollowUpTaskId { get; private set; }

    public DateTime UpdatedUtc { get; private set; }

    public IReadOnlyList<ComplaintTierPeriod> Periods => _periods;

    public IReadOnlyList<ComplaintEvent> Events => _events;

    public IReadOnlyList<ComplaintRecovery> Recovery => _recovery;

    /// <summary>The latest tier period (a period not yet saved, Id 0, is the newest of its instant).</summary>
    public ComplaintTierPeriod CurrentPeriod => _periods.MaxBy(p => (p.EnteredUtc, p.Id == 0 ? long.MaxValue : p.Id))!;

    public bool IsOpen => Status != ComplaintStatus.Closed;

    /// <summary>Still to be resolved: the tier clock runs and the case can escalate.</summary>
    public bool IsUnresolved => Status is ComplaintStatus.Open or ComplaintStatus.AwaitingCustomer;

    public IReadOnlyList<RecoveryStep> MissingSteps =>
        ComplaintTiers.RequiredSteps(Severity).Where(s => _recovery.All(r => r.Step != s)).ToList();

    /// <summary>Who must hear of the new case at once: the CS director of an on-site complaint, the handlers of a case that starts above tier 1.</summary>
    public IReadOnlyList<string> RolesToNotifyOnIntake()
    {
        var roles = new List<string>();
        if (Channel == ComplaintChannel.OnSite)
        {
            roles.Add(Roles.CsDirector);
        }

        if (Tier > ComplaintTiers.Lowest)
        {
            roles.AddRange(ComplaintTiers.Handlers(Tier));
        }

        return roles.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The legal floor's state now: last day, working days left, near, overdue.</summary>
    public WorkingDayLimit LegalLimit(ComplaintPolicy policy, WorkingCalendar calendar, DealershipClock clock) =>
        calendar.Limit(ReceivedUtc, policy.LegalFeedbackWorkingDays, policy.LegalWarningWorkingDaysLeft, clock.UtcNow, clock);

    public void Comment(string text, ComplaintActor by, DateTime nowUtc)
    {
        EnsureOpen();
        Log(nowUtc, by, ComplaintEventKind.Comment, null, Required(text, nameof(text)));
    }

    /// <summary>Stops the tier's clock while the case waits on the customer or on parts; paused time does not count.</summary>
    public void Pause(ComplaintPauseReason reason, string? note, ComplaintActor by, DateTime nowUtc)
    {
        if (!IsUnresolved)
        {
            throw new ComplaintRuleException(ComplaintRule.NotUnresolved);
        }

        if (IsPaused)
        {
            throw new ComplaintRuleException(ComplaintRule.AlreadyPaused);
        }

        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason));
        }

        CurrentPeriod.Clock.Pause(nowUtc, reason.ToString(), by.UserName);
        Log(nowUtc, by, ComplaintEventKind.Paused, reason.ToString(), note);
        SyncClock(nowUtc);
    }

    public void Resume(ComplaintActor by, DateTime nowUtc)
    {
        if (!IsPaused)
        {
            throw new ComplaintRuleException(ComplaintRule.NotPaused);
        }

        CurrentPeriod.Clock.Resume(nowUtc, by.UserName);
        Log(nowUtc, by, ComplaintEventKind.Resumed, null, null);
        SyncClock(nowUtc);
    }

    /// <summary>The handling department records what it found and the solution (and any corrective action); the solution goes to the customer.</summary>
    public void RecordInvestigation(string investigation, string solution, string? correctiveAction, ComplaintActor by, DateTime nowUtc)
    {
        if (!IsUnresolved)
        {
            throw new ComplaintRuleException(ComplaintRule.NotUnresolved);
        }

        Investigation = Required(investigation, nameof(investigation));
        Solution = Required(solution, nameof(solution));
        CorrectiveAction = string.IsNullOrWhiteSpace(correctiveAction) ? CorrectiveAction : correctiveAction.Trim();
        Status = ComplaintStatus.AwaitingCustomer;
        Log(nowUtc, by, ComplaintEventKind.Investigation, null, Solution);
        SyncClock(nowUtc);
    }

    /// <summary>The CS side records what the customer was told and whether they accept the solution.</summary>
    public void RecordCustomerAnswer(string told, bool accepted, ComplaintActor by, DateTime nowUtc)
    {
        if (Status != ComplaintStatus.AwaitingCustomer)
        {
            throw new ComplaintRuleException(ComplaintRule.NoSolutionYet);
        }

        CustomerResponse = Required(told, nameof(told));
        CustomerToldUtc ??= nowUtc;
        CustomerAccepted = accepted;
        Log(nowUtc, by, ComplaintEventKind.CustomerTold, null, CustomerResponse);
        Log(nowUtc, by, accepted ? ComplaintEventKind.CustomerAccepted : ComplaintEventKind.CustomerRejected, null, null);
        Status = accepted ? ComplaintStatus.Accepted : ComplaintStatus.Open;
        if (accepted && IsPaused)
        {
            // Resolved: nothing is waited on any more.
            CurrentPeriod.Clock.Resume(nowUtc, by.UserName);
            Log(nowUtc, by, ComplaintEventKind.Resumed, null, null);
        }

        SyncClock(nowUtc);
    }

    /// <summary>The customer rejected the solution: the CS director moves the case up a tier.</summary>
    public IReadOnlyList<string> EscalateOnRejection(ComplaintActor by, ComplaintPolicy policy, DateTime nowUtc)
    {
        if (Status != ComplaintStatus.Open || CustomerAccepted != false)
        {
            throw new ComplaintRuleException(ComplaintRule.NotRejected);
        }

        return Escalate(EscalationCause.CustomerRejected, by, policy, nowUtc);
    }

    /// <summary>
    /// Time's effect (the job): an unresolved case whose tier deadline passed moves up a tier, or,
    /// at the top tier, is marked overdue once. Returns the roles to tell (none when nothing changed).
    /// </summary>
    public IReadOnlyList<string> ApplyDeadline(ComplaintPolicy policy, DateTime nowUtc)
    {
        if (!IsUnresolved || !CurrentPeriod.Clock.IsOverdueAt(nowUtc))
        {
            return [];
        }

        if (Tier < ComplaintTiers.Highest)
        {
            return Escalate(EscalationCause.Deadline, ComplaintActor.System, policy, nowUtc);
        }

        if (TierOverdue)
        {
            return [];
        }

        TierOverdue = true;
        Log(nowUtc, ComplaintActor.System, ComplaintEventKind.TierDeadlinePassed, null, null);
        Touch(nowUtc);
        return ComplaintTiers.Handlers(Tier);
    }

    /// <summary>Flags a case nearing the legal limit with the customer not yet told the outcome (once). True when newly flagged.</summary>
    public bool ApplyLegalLimit(ComplaintPolicy policy, WorkingCalendar calendar, DealershipClock clock)
    {
        if (LegalFlagged || CustomerToldUtc is not null || !IsOpen)
        {
            return false;
        }

        var limit = LegalLimit(policy, calendar, clock);
        if (!limit.IsNear && !limit.IsOverdue)
        {
            return false;
        }

        LegalFlagged = true;
        Log(clock.UtcNow, ComplaintActor.System, ComplaintEventKind.LegalLimitNear, limit.WorkingDaysLeft.ToString(CultureInfo.InvariantCulture), null);
        Touch(clock.UtcNow);
        return true;
    }

    /// <summary>Keeps on the timeline that these roles (or people) were sent a notice.</summary>
    public void RecordNotice(IEnumerable<string> recipients, ComplaintActor by, DateTime nowUtc)
    {
        var list = recipients.ToList();
        if (list.Count > 0)
        {
            Log(nowUtc, by, ComplaintEventKind.Notified, string.Join(',', list), null);
        }
    }

    /// <summary>Ticks one service recovery step (once). The symbolic atonement records the voucher or gift and its value.</summary>
    public void RecordRecoveryStep(RecoveryStep step, string? note, string? gift, Money? value, ComplaintActor by, DateTime nowUtc)
    {
        EnsureOpen();
        if (!Enum.IsDefined(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step));
        }

        if (_recovery.Any(r => r.Step == step))
        {
            throw new ComplaintRuleException(ComplaintRule.StepDone);
        }

        if (step == RecoveryStep.SymbolicAtonement && (string.IsNullOrWhiteSpace(gift) || value is not { Fen: > 0 }))
        {
            throw new ComplaintRuleException(ComplaintRule.GiftRequired);
        }

        var isGift = step == RecoveryStep.SymbolicAtonement;
        _recovery.Add(new ComplaintRecovery(step, nowUtc, by.UserName, Trim(note), isGift ? gift!.Trim() : null, isGift ? value : null));
        Log(nowUtc, by, ComplaintEventKind.RecoveryStepDone, step.ToString(), Trim(note));
        Touch(nowUtc);
    }

    /// <summary>
    /// Closes an accepted case whose recovery steps are done (two for a minor case, five for a
    /// serious one) and plans the follow-up call to the customer: the agent's who took it in, or
    /// the CS agents' pool.
    /// </summary>
    public PlannedTask Close(ComplaintActor by, ComplaintPolicy policy, DealershipClock clock)
    {
        if (Status != ComplaintStatus.Accepted)
        {
            throw new ComplaintRuleException(ComplaintRule.NotAccepted);
        }

        if (MissingSteps.Count > 0)
        {
            throw new ComplaintRuleException(ComplaintRule.StepsMissing);
        }

        var now = clock.UtcNow;
        Status = ComplaintStatus.Closed;
        ClosedUtc = now;
        HoursToClose = (now - ReceivedUtc).TotalHours;
        TimesClosed++;
        CurrentPeriod.Leave(now);
        Log(now, by, ComplaintEventKind.Closed, null, null);
        SyncClock(now);
        var due = now.AddHours(policy.FollowUpCallAfterHours);
        return new PlannedTask(
            $"complaint:{Number}:{TimesClosed}",
            FollowUpKind.ComplaintFollowUp,
            CustomerId,
            clock.LocalDateOf(due),
            due,
            null,
            Roles.CsAgent,
            AgentUserId,
            ExcludedUserId: ConcernedUserId,
            VehicleId: VehicleId);
    }

    /// <summary>Links the follow-up call created on closing.</summary>
    public void FollowUpCreated(long taskId, ComplaintActor by, DateTime nowUtc)
    {
        FollowUpTaskId = taskId;
        Log(nowUtc, by, ComplaintEventKind.FollowUpCreated, taskId.ToString(CultureInfo.InvariantCulture), null);
    }

    /// <summary>A closed case is opened again (the customer came back): the current tier starts a fresh clock.</summary>
    public void Reopen(string reason, ComplaintActor by, ComplaintPolicy policy, DateTime nowUtc)
    {
        if (IsOpen)
        {
            throw new ComplaintRuleException(ComplaintRule.NotClosed);
        }

        var why = Required(reason, nameof(reason));
        Status = ComplaintStatus.Open;
        ClosedUtc = null;
        HoursToClose = null;
        CustomerAccepted = null;
        TierOverdue = false;
        _periods.Add(new ComplaintTierPeriod(Tier, nowUtc, policy.Deadline(Tier)));
        Log(nowUtc, by, ComplaintEventKind.Reopened, null, why);
        SyncClock(nowUtc);
    }

    /// <summary>The corrective action decided was carried out (the weekly analysis asks).</summary>
    public void CorrectiveActionCarriedOut(ComplaintActor by, DateTime nowUtc)
    {
        if (CorrectiveAction is null || CorrectiveActionDoneUtc is not null)
        {
            throw new ComplaintRuleException(ComplaintRule.NoCorrectiveAction);
        }

        CorrectiveActionDoneUtc = nowUtc;
        Log(nowUtc, by, ComplaintEventKind.CorrectiveActionDone, null, CorrectiveAction);
        Touch(nowUtc);
    }

    private IReadOnlyList<string> Escalate(EscalationCause cause, ComplaintActor by, ComplaintPolicy policy, DateTime nowUtc)
    {
        if (Tier >= ComplaintTiers.Highest)
        {
            throw new ComplaintRuleException(ComplaintRule.TopTier);
        }

        if (IsPaused)
        {
            CurrentPeriod.Clock.Resume(nowUtc, by.UserName);
        }

        CurrentPeriod.Leave(nowUtc);
        var from = Tier;
        Tier++;
        PoolRole = ComplaintTiers.PoolRole(Tier);
        HandlerUserId = null;
        Escalations++;
        Status = ComplaintStatus.Open;
        _periods.Add(new ComplaintTierPeriod(Tier, nowUtc, policy.Deadline(Tier)));
        Log(nowUtc, by, ComplaintEventKind.Escalated, $"{from}>{Tier}:{cause}", null);
        SyncClock(nowUtc);
        return ComplaintTiers.Handlers(Tier);
    }

    /// <summary>Keeps the columns the lists and the job query in step with the tier's clock.</summary>
    private void SyncClock(DateTime nowUtc)
    {
        var clock = CurrentPeriod.Clock;
        IsPaused = IsUnresolved && clock.IsPaused;
        TierDueUtc = IsUnresolved && !clock.IsPaused ? clock.DueUtc(nowUtc) : null;
        Touch(nowUtc);
    }

    /// <summary>
    /// Every action changes the case row, so its version guards every action against a concurrent one;
    /// every action passes here, so the stored list group follows the status and the flags.
    /// </summary>
    private void Touch(DateTime nowUtc)
    {
        UpdatedUtc = nowUtc;
        Attention = AttentionOf(Status, TierOverdue, LegalFlagged);
    }

    /// <summary>The list group of a case in this state (the migration back-fills the same rule in SQL).</summary>
    public static ComplaintAttention AttentionOf(ComplaintStatus status, bool tierOverdue, bool legalFlagged) =>
        status == ComplaintStatus.Closed ? ComplaintAttention.Closed
        : tierOverdue || legalFlagged ? ComplaintAttention.Flagged
        : ComplaintAttention.Open;

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new ComplaintRuleException(ComplaintRule.NotOpen);
        }
    }

    private void Log(DateTime nowUtc, ComplaintActor by, ComplaintEventKind kind, string? detail, string? note) =>
        _events.Add(new ComplaintEvent(nowUtc, kind, Tier, by.UserName, detail, Trim(note)));

    private static string Required(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("Required.", name);
        }

        var trimmed = text.Trim();
        return trimmed.Length <= TextMaxLength ? trimmed : throw new ArgumentException($"At most {TextMaxLength} characters.", name);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The rule an action broke; the page shows the matching message.</summary>
public enum ComplaintRule
{
    NotOpen,
    NotUnresolved,
    AlreadyPaused,
    NotPaused,
    NoSolutionYet,
    NotRejected,
    TopTier,
    StepDone,
    GiftRequired,
    NotAccepted,
    StepsMissing,
    NotClosed,
    NoCorrectiveAction,
}

public sealed class ComplaintRuleException(ComplaintRule rule) : InvalidOperationException($"Complaint rule broken: {rule}.")
{
    public ComplaintRule Rule { get; } = rule;
}

/// <summary>The time a case spent at one tier, with the tier's pausable deadline clock.</summary>
public sealed class ComplaintTierPeriod
{
    private ComplaintTierPeriod()
    {
    }

    internal ComplaintTierPeriod(int tier, DateTime enteredUtc, TimeSpan budget)
    {
        Tier = tier;
        EnteredUtc = enteredUtc;
        Clock = new DeadlineClock(enteredUtc, budget);
    }

    public long Id { get; private set; }

    public int ComplaintId { get; private set; }

    public int Tier { get; private set; }

    public DateTime EnteredUtc { get; private set; }

    public DateTime? LeftUtc { get; private set; }

    public DeadlineClock Clock { get; private set; } = null!;

    internal void Leave(DateTime nowUtc) => LeftUtc ??= nowUtc;
}

/// <summary>One line of a case's timeline: what, at which tier, who, when (and a note).</summary>
public sealed class ComplaintEvent
{
    private ComplaintEvent()
    {
    }

    internal ComplaintEvent(DateTime atUtc, ComplaintEventKind kind, int tier, string userName, string? detail, string? note)
    {
        AtUtc = atUtc;
        Kind = kind;
        Tier = tier;
        UserName = userName;
        Detail = detail;
        Note = note;
    }

    public long Id { get; private set; }

    public int ComplaintId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public ComplaintEventKind Kind { get; private set; }

    public int Tier { get; private set; }

    public string UserName { get; private set; } = "";

    /// <summary>Machine detail the page renders (the pause reason, "1>2:Deadline", the roles notified).</summary>
    public string? Detail { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>One service recovery step ticked: who and when, and for the atonement the gift and its value.</summary>
public sealed class ComplaintRecovery
{
    private ComplaintRecovery()
    {
    }

    internal ComplaintRecovery(RecoveryStep step, DateTime doneUtc, string doneBy, string? note, string? gift, Money? value)
    {
        Step = step;
        DoneUtc = doneUtc;
        DoneBy = doneBy;
        Note = note;
        Gift = gift;
        Value = value;
    }

    public long Id { get; private set; }

    public int ComplaintId { get; private set; }

    public RecoveryStep Step { get; private set; }

    public DateTime DoneUtc { get; private set; }

    public string DoneBy { get; private set; } = "";

    public string? Note { get; private set; }

    public string? Gift { get; private set; }

    public Money? Value { get; private set; }
}

/// <summary>The case number: TS + local date + a three-digit sequence of the day.</summary>
public static class ComplaintNumber
{
    public static string SequenceName(DateOnly day) => "Complaint:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly day, long sequence) =>
        "TS" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
}
