using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Customers;

public enum ContactField
{
    Mobile = 1,
    OtherPhones = 2,
    Address = 3,
    ContactPerson = 4,
    /// <summary>Not a contact field: the file absorbed another (old value: its number).</summary>
    MergedFrom = 9,
}

/// <summary>One change of a customer's contact data: kept, never overwritten silently.</summary>
public sealed class ContactChange
{
    private ContactChange()
    {
    }

    internal ContactChange(ContactField field, string? oldValue, string? newValue, DateTime atUtc, string changedBy)
    {
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        AtUtc = atUtc;
        ChangedBy = changedBy;
    }

    public int Id { get; private set; }

    public int CustomerId { get; private set; }

    public ContactField Field { get; private set; }

    [ContactData]
    public string? OldValue { get; private set; }

    [ContactData]
    public string? NewValue { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string ChangedBy { get; private set; } = "";

    public bool IsPhone => Field is ContactField.Mobile or ContactField.OtherPhones;

    internal void Anonymise()
    {
        if (Field != ContactField.MergedFrom)
        {
            OldValue = OldValue is null ? null : "***";
            NewValue = NewValue is null ? null : "***";
        }
    }
}
