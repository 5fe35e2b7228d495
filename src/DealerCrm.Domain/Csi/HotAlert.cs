using DealerCrm.Domain.Common;
using DealerCrm.Domain.Duties;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Csi;

public enum HotAlertStatus
{
    Open = 0,

    /// <summary>Closed by a service-recovery call (服务补救回访) with its note.</summary>
    ClosedByRecoveryCall = 1,

    /// <summary>Closed because a complaint was opened for it; the complaint carries the case on.</summary>
    ClosedByComplaint = 2,
}

/// <summary>
/// A hot alert: a survey answer at or below the alert threshold. A duty with a deadline for the
/// CS agents' pool (supervised by the CS director and the general manager). It can be closed only
/// by resolving it: a recovery call, or a complaint opened for it (RULES.md section 7).
/// </summary>
public sealed class HotAlert : IVersioned
{
    public const int NoteMaxLength = 2000;

    private HotAlert()
    {
    }

    internal HotAlert(Survey survey, int threshold, int lowestScore, int lowAnswers, DateTime raisedUtc, DateTime dueUtc)
    {
        Survey = survey;
        CustomerId = survey.CustomerId;
        Program = survey.Program;
        StaffUserId = survey.StaffUserId;
        Threshold = threshold;
        LowestScore = lowestScore;
        LowAnswers = lowAnswers;
        RaisedUtc = raisedUtc;
        DueUtc = dueUtc;
    }

    public int Id { get; private set; }

    public int Version { get; set; }

    public long SurveyId { get; private set; }

    public Survey Survey { get; private set; } = null!;

    public int CustomerId { get; private set; }

    public SurveyProgram Program { get; private set; }

    /// <summary>The person whose work was rated low: kept out of the alert (nobody handles a check of their own work).</summary>
    public string? StaffUserId { get; private set; }

    /// <summary>The alert threshold in force when it was raised: the answers at or below it are the low ones.</summary>
    public int Threshold { get; private set; }

    public int LowestScore { get; private set; }

    /// <summary>How many answers were at or below the threshold.</summary>
    public int LowAnswers { get; private set; }

    public DateTime RaisedUtc { get; private set; }

    /// <summary>The recovery must be made by then; the alert job flags it overdue and tells the CS director.</summary>
    public DateTime DueUtc { get; private set; }

    public bool IsOverdue { get; private set; }

    /// <summary>Whoever took the recovery on; null while it waits in the CS agents' pool.</summary>
    public string? OwnerUserId { get; private set; }

    public string OwnerRole { get; private set; } = Roles.CsAgent;

    public HotAlertStatus Status { get; private set; }

    public DateTime? ClosedUtc { get; private set; }

    public string? ClosedByUserId { get; private set; }

    /// <summary>What the recovery call found and agreed with the customer.</summary>
    public string? RecoveryNote { get; private set; }

    /// <summary>The complaint opened for it (no foreign key: complaints live on their own branch of the model).</summary>
    public int? ClosedByComplaintId { get; private set; }

    public bool IsOpen => Status == HotAlertStatus.Open;

    /// <summary>
    /// The recovery call was made: closes the alert with what was said. Refused for an empty note
    /// or a closed alert; who may make it is <see cref="HotAlertDuty"/>'s question, asked by the page.
    /// </summary>
    public void CloseByRecoveryCall(string userId, string note, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("The alert is already closed.");
        }

        if (string.IsNullOrWhiteSpace(note) || note.Length > NoteMaxLength)
        {
            throw new ArgumentException("A recovery call is closed with what was said.", nameof(note));
        }

        OwnerUserId ??= userId;
        RecoveryNote = note.Trim();
        Close(HotAlertStatus.ClosedByRecoveryCall, userId, nowUtc);
    }

    /// <summary>A complaint was opened for the alert: the complaint carries the case on.</summary>
    public void CloseByComplaint(int complaintId, string userId, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("The alert is already closed.");
        }

        if (complaintId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(complaintId), complaintId, "A complaint id is positive.");
        }

        ClosedByComplaintId = complaintId;
        Close(HotAlertStatus.ClosedByComplaint, userId, nowUtc);
    }

    /// <summary>The customer's file was merged into another: the alert follows the survivor.</summary>
    public void MoveToCustomer(int customerId) => CustomerId = customerId;

    /// <summary>True the first time the deadline is found passed with the alert open.</summary>
    public bool MarkOverdueIfLate(DateTime nowUtc)
    {
        if (!IsOpen || IsOverdue || nowUtc <= DueUtc)
        {
            return false;
        }

        IsOverdue = true;
        return true;
    }

    private void Close(HotAlertStatus status, string userId, DateTime nowUtc)
    {
        Status = status;
        ClosedUtc = nowUtc;
        ClosedByUserId = userId;
    }
}

/// <summary>A hot alert as a duty (<see cref="DutyRules"/>): the CS agents' pool, the CS director and GM supervise.</summary>
public static class HotAlertDuty
{
    public static DutySupervision Supervision { get; } = new(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Roles.CsAgent] = [Roles.GeneralManager, Roles.CsDirector],
    });

    public static DutyAccess<HotAlert> Access { get; } = new(
        owner: a => a.OwnerUserId,
        poolRole: a => a.OwnerRole,
        admits: (a, userId) => a.StaffUserId == null || a.StaffUserId != userId,
        isOpen: a => a.Status == HotAlertStatus.Open,
        Supervision);

    /// <summary>
    /// Who may resolve it (recovery call, or open a complaint from it): its holder, a pool member while
    /// nobody has it, and its supervisors (the CS director owns CSI); never the person it rates.
    /// </summary>
    public static bool MayResolve(HotAlert alert, DutyViewer viewer) =>
        Access.May(DutyRule.Act, alert, viewer) || Access.May(DutyRule.Claim, alert, viewer) || Access.May(DutyRule.Reassign, alert, viewer);
}
