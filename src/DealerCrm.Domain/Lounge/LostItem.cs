using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Lounge;

/// <summary>
/// Something a customer left in the lounge (遗留物品): what, where and when it was found, which
/// leader it was reported to, and to which customer it went back, when.
/// </summary>
public sealed class LostItem : IVersioned
{
    public const int TextMaxLength = 200;

    private LostItem()
    {
    }

    public LostItem(string description, string foundWhere, DateTime foundUtc, string reportedTo, string recordedByUserId)
    {
        Description = Required(description, nameof(description));
        FoundWhere = Required(foundWhere, nameof(foundWhere));
        ReportedTo = Required(reportedTo, nameof(reportedTo));
        FoundUtc = foundUtc;
        RecordedByUserId = recordedByUserId;
    }

    public long Id { get; private set; }

    public int Version { get; set; }

    public string Description { get; private set; } = "";

    public string FoundWhere { get; private set; } = "";

    public DateTime FoundUtc { get; private set; }

    /// <summary>The company leader it was reported to (RULES.md item 11).</summary>
    public string ReportedTo { get; private set; } = "";

    public string RecordedByUserId { get; private set; } = "";

    public string? ReturnedTo { get; private set; }

    public DateTime? ReturnedUtc { get; private set; }

    public bool IsReturned => ReturnedUtc is not null;

    public void Return(string customer, DateTime atUtc)
    {
        if (IsReturned)
        {
            throw new InvalidOperationException("The item has been returned already.");
        }

        if (atUtc < FoundUtc)
        {
            throw new ArgumentOutOfRangeException(nameof(atUtc), "An item is returned after it was found.");
        }

        ReturnedTo = Required(customer, nameof(customer));
        ReturnedUtc = atUtc;
    }

    private static string Required(string value, string name)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length is > 0 and <= TextMaxLength ? trimmed : throw new ArgumentException($"1 to {TextMaxLength} characters.", name);
    }
}
