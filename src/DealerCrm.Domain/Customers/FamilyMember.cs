using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Customers;

/// <summary>A member of the customer's family; birthdays get greetings too.</summary>
public sealed class FamilyMember : IAuditable, IVersioned
{
    private FamilyMember()
    {
    }

    internal FamilyMember(string name, FamilyRelation relation, Gender gender, DateOnly? birthday, string? phone, DateTime createdUtc)
    {
        Update(name, relation, gender, birthday, phone);
        CreatedUtc = createdUtc;
    }

    public int Id { get; private set; }

    public int Version { get; set; }

    public int CustomerId { get; private set; }

    public string Name { get; private set; } = "";

    public FamilyRelation Relation { get; private set; }

    public Gender Gender { get; private set; }

    public DateOnly? Birthday { get; private set; }

    [ContactData]
    public string? Phone { get; private set; }

    /// <summary>Since when the dealership knows this person (greetings start from here).</summary>
    public DateTime CreatedUtc { get; private set; }

    /// <summary>
    /// When the member was taken off the file: kept, not deleted (nothing of a customer's history is
    /// ever lost), but no longer shown, greeted or edited.
    /// </summary>
    public DateTime? RemovedUtc { get; private set; }

    public string? RemovedBy { get; private set; }

    public bool IsRemoved => RemovedUtc is not null;

    public void Update(string name, FamilyRelation relation, Gender gender, DateOnly? birthday, string? phone)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("Required.", nameof(name)) : name.Trim();
        Relation = relation;
        Gender = gender;
        Birthday = birthday;
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }

    internal void MarkRemoved(DateTime nowUtc, string byUserName)
    {
        RemovedUtc ??= nowUtc;
        RemovedBy ??= byUserName;
    }

    internal void Anonymise(string placeholderName)
    {
        Name = placeholderName;
        Birthday = null;
        Phone = null;
    }
}
