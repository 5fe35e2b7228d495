using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Lounge;

/// <summary>
/// The fine for one violation (罚款, per occurrence), charged to the staff member it names.
/// Never deleted: a manager may waive it, with a reason, and it stays in the ledger as waived.
/// </summary>
public sealed class LoungeFine : IVersioned
{
    public const int ReasonMaxLength = 200;

    private LoungeFine()
    {
    }

    private LoungeFine(LoungeCheck check, DateOnly day, Money amount, DateTime nowUtc)
    {
        CheckId = check.Id;
        Check = check;
        StaffUserId = check.ResponsibleUserId!;
        AmountFen = amount.Fen;
        Day = day;
        Month = MonthOf(day);
        CreatedUtc = nowUtc;
    }

    public long Id { get; private set; }

    public int Version { get; set; }

    /// <summary>The violation fined (unique: one fine per violation).</summary>
    public long CheckId { get; private set; }

    public LoungeCheck? Check { get; private set; }

    public string StaffUserId { get; private set; } = "";

    /// <summary>The amount in fen, as set when the fine was made (a later change of the setting does not touch it).</summary>
    public long AmountFen { get; private set; }

    public Money Amount => new(AmountFen);

    /// <summary>The day of the violation.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>The payroll month, yyyyMM (the ledger groups by it in SQL).</summary>
    public int Month { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime? WaivedUtc { get; private set; }

    public string? WaivedByUserId { get; private set; }

    public string? WaiveReason { get; private set; }

    public bool IsWaived => WaivedUtc is not null;

    public static int MonthOf(DateOnly day) => (day.Year * 100) + day.Month;

    /// <summary>The fine of a violation, at the amount in force.</summary>
    public static LoungeFine For(LoungeCheck violation, DateOnly day, Money amount, DateTime nowUtc)
    {
        if (!violation.IsViolation || violation.ResponsibleUserId is null)
        {
            throw new InvalidOperationException("Only a violation with a responsible staff member is fined.");
        }

        if (amount <= Money.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "A fine is a positive amount.");
        }

        return new LoungeFine(violation, day, amount, nowUtc);
    }

    /// <summary>Waives the fine: a manager, with a reason; a waived fine is not waived again.</summary>
    public void Waive(string managerUserId, string reason, DateTime nowUtc)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > ReasonMaxLength)
        {
            throw new ArgumentException($"A waiver gives a reason of 1 to {ReasonMaxLength} characters.", nameof(reason));
        }

        if (IsWaived)
        {
            throw new InvalidOperationException("The fine is already waived.");
        }

        WaivedUtc = nowUtc;
        WaivedByUserId = managerUserId;
        WaiveReason = trimmed;
    }
}
