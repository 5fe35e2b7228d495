namespace DealerCrm.Domain.Privacy;

public enum PrivacyAction
{
    /// <summary>A user saw a customer's phone numbers whole.</summary>
    RevealContact = 1,
    ExportList = 2,
    ExportCustomerData = 3,
    Anonymise = 4,
    Merge = 5,
    Import = 6,

    /// <summary>A user searched the customers by phone digits (the digits are not logged).</summary>
    PhoneSearch = 7,
}

/// <summary>
/// Who did what with customer data, when and why (保密): reveals, exports, merges, imports,
/// anonymisations. Read by the CS director. Append-only.
/// </summary>
public sealed class PrivacyLogEntry
{
    private PrivacyLogEntry()
    {
    }

    public PrivacyLogEntry(DateTime atUtc, string? userId, string userName, PrivacyAction action, int? customerId, string? reason, string? details = null, int? rowCount = null)
    {
        AtUtc = atUtc;
        UserId = userId;
        UserName = userName;
        Action = action;
        CustomerId = customerId;
        Reason = reason;
        Details = details;
        RowCount = rowCount;
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public PrivacyAction Action { get; private set; }

    public int? CustomerId { get; private set; }

    public string? Reason { get; private set; }

    public string? Details { get; private set; }

    public int? RowCount { get; private set; }
}
