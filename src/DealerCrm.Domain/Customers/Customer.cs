using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Customers;

/// <summary>
/// A customer file (客户档案): a person, or a company with its key contact (关键人). Never
/// deleted: a customer who asks to be forgotten is anonymised; a duplicate file is merged into
/// its twin and kept as a pointer to it.
/// </summary>
public sealed class Customer : IAuditable, IVersioned
{
    private readonly List<CustomerPhone> _otherPhones = [];
    private readonly List<FamilyMember> _family = [];
    private readonly List<ContactChange> _contactChanges = [];

    private Customer()
    {
    }

    public Customer(string number, CustomerKind kind, string name, DateTime createdUtc, string createdBy)
    {
        if (!CustomerNumber.IsWellFormed(number))
        {
            throw new ArgumentException($"'{number}' is not a customer number.", nameof(number));
        }

        Number = number;
        Kind = kind;
        Name = RequireText(name, nameof(name));
        CreatedUtc = createdUtc;
        CreatedBy = createdBy;
    }

    public int Id { get; private set; }

    public int Version { get; set; }

    public string Number { get; private set; } = "";

    public CustomerKind Kind { get; private set; }

    /// <summary>The person's name, or the company's.</summary>
    public string Name { get; private set; } = "";

    public Gender Gender { get; private set; }

    public DateOnly? Birthday { get; private set; }

    [ContactData]
    public string? Mobile { get; private set; }

    [ContactData]
    [NotAudited]
    public string? MobileSearchKey { get; private set; }

    public string? Address { get; private set; }

    public string? Occupation { get; private set; }

    public PurchasePurpose PurchasePurpose { get; private set; }

    public SourceChannel Source { get; private set; }

    /// <summary>A company's key contact person (关键人).</summary>
    public string? ContactPerson { get; private set; }

    public Gender ContactGender { get; private set; }

    public string? ContactPosition { get; private set; }

    /// <summary>Prospect needs: the models the lead is interested in.</summary>
    public string? InterestedModels { get; private set; }

    public Money? BudgetFrom { get; private set; }

    public Money? BudgetTo { get; private set; }

    /// <summary>Prospect needs: what the lead worries about (price, delivery time, fuel use…).</summary>
    public string? Concerns { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>The salesperson who looks after this customer (专属销售顾问).</summary>
    public string? SalespersonId { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    /// <summary>Set when this file was merged into another: the other file now holds its history.</summary>
    public int? MergedIntoId { get; private set; }

    public DateTime? AnonymisedUtc { get; private set; }

    public IReadOnlyList<CustomerPhone> OtherPhones => _otherPhones;

    /// <summary>Every family member ever on file, those removed included (for merging, exporting, anonymising).</summary>
    public IReadOnlyList<FamilyMember> Family => _family;

    /// <summary>The family as it stands: the members not removed.</summary>
    public IEnumerable<FamilyMember> CurrentFamily => _family.Where(f => !f.IsRemoved);

    public IReadOnlyList<ContactChange> ContactChanges => _contactChanges;

    public bool IsMerged => MergedIntoId is not null;

    public bool IsAnonymised => AnonymisedUtc is not null;

    /// <summary>The name a letter or a call addresses: the key contact of a company, else the customer.</summary>
    public string AddresseeName => Kind == CustomerKind.Company && !string.IsNullOrWhiteSpace(ContactPerson) ? ContactPerson : Name;

    public Gender AddresseeGender => Kind == CustomerKind.Company && !string.IsNullOrWhiteSpace(ContactPerson) ? ContactGender : Gender;

    public void UpdateProfile(CustomerProfile profile)
    {
        Kind = profile.Kind;
        Name = RequireText(profile.Name, nameof(profile.Name));
        Gender = profile.Gender;
        Birthday = profile.Birthday;
        Occupation = Clean(profile.Occupation);
        PurchasePurpose = profile.PurchasePurpose;
        Source = profile.Source;
        ContactGender = profile.ContactGender;
        ContactPosition = Clean(profile.ContactPosition);
        InterestedModels = Clean(profile.InterestedModels);
        BudgetFrom = profile.BudgetFrom;
        BudgetTo = profile.BudgetTo;
        Concerns = Clean(profile.Concerns);
        Notes = Clean(profile.Notes);
    }

    public void AssignSalesperson(string? salespersonId) => SalespersonId = salespersonId;

    /// <summary>
    /// Changes the contact data. Every change of mobile, other phones, address or key contact is
    /// kept in <see cref="ContactChanges"/> (RULES: recorded, not overwritten silently).
    /// The first contact data of a new file is not a change.
    /// </summary>
    public void UpdateContact(ContactDetails contact, DateTime atUtc, string changedBy)
    {
        var isNew = Id == 0;
        var otherPhones = contact.OtherPhones.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        Record(ContactField.Mobile, Mobile, Clean(contact.Mobile));
        Record(ContactField.OtherPhones, JoinPhones(_otherPhones.Select(p => p.Number)), JoinPhones(otherPhones));
        Record(ContactField.Address, Address, Clean(contact.Address));
        Record(ContactField.ContactPerson, ContactPerson, Clean(contact.ContactPerson));

        Mobile = Clean(contact.Mobile);
        MobileSearchKey = SearchKey.Reversed(Mobile);
        Address = Clean(contact.Address);
        ContactPerson = Clean(contact.ContactPerson);
        _otherPhones.RemoveAll(p => !otherPhones.Contains(p.Number));
        foreach (var number in otherPhones.Where(n => _otherPhones.All(p => p.Number != n)))
        {
            _otherPhones.Add(new CustomerPhone(number));
        }

        void Record(ContactField field, string? oldValue, string? newValue)
        {
            if (!isNew && oldValue != newValue)
            {
                _contactChanges.Add(new ContactChange(field, oldValue, newValue, atUtc, changedBy));
            }
        }
    }

    public FamilyMember AddFamilyMember(string name, FamilyRelation relation, Gender gender, DateOnly? birthday, string? phone, DateTime createdUtc)
    {
        var member = new FamilyMember(name, relation, gender, birthday, phone, createdUtc);
        _family.Add(member);
        return member;
    }

    /// <summary>Takes a member off the file: marked removed, kept with who and when.</summary>
    public void RemoveFamilyMember(FamilyMember member, DateTime nowUtc, string byUserName)
    {
        if (!_family.Contains(member))
        {
            throw new InvalidOperationException("Not a member of this customer's family.");
        }

        member.MarkRemoved(nowUtc, byUserName);
    }

    /// <summary>Marks this file as merged into <paramref name="survivor"/>, filling the survivor's gaps from it.</summary>
    public void MergeInto(Customer survivor, DateTime atUtc, string by)
    {
        if (survivor.Id == Id || IsMerged || survivor.IsMerged)
        {
            throw new InvalidOperationException("Only two distinct, unmerged files can be merged.");
        }

        survivor.Birthday ??= Birthday;
        survivor.Address ??= Address;
        survivor.Occupation ??= Occupation;
        survivor.ContactPerson ??= ContactPerson;
        survivor.ContactPosition ??= ContactPosition;
        survivor.InterestedModels ??= InterestedModels;
        survivor.Concerns ??= Concerns;
        survivor.SalespersonId ??= SalespersonId;
        if (survivor.Gender == Gender.Unknown)
        {
            survivor.Gender = Gender;
        }

        if (survivor.Mobile is null && Mobile is not null)
        {
            survivor.Mobile = Mobile;
            survivor.MobileSearchKey = MobileSearchKey;
        }
        else if (Mobile is not null && Mobile != survivor.Mobile && survivor._otherPhones.All(p => p.Number != Mobile))
        {
            survivor._otherPhones.Add(new CustomerPhone(Mobile));
        }

        foreach (var phone in _otherPhones.Where(p => p.Number != survivor.Mobile && survivor._otherPhones.All(s => s.Number != p.Number)).ToList())
        {
            survivor._otherPhones.Add(new CustomerPhone(phone.Number));
        }

        foreach (var member in _family.ToList())
        {
            _family.Remove(member);
            survivor._family.Add(member);
        }

        foreach (var change in _contactChanges.ToList())
        {
            _contactChanges.Remove(change);
            survivor._contactChanges.Add(change);
        }

        survivor.Notes = string.Join("\n", new[] { survivor.Notes, Notes }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } notes ? notes : null;
        survivor._contactChanges.Add(new ContactChange(ContactField.MergedFrom, Number, survivor.Number, atUtc, by));
        MergedIntoId = survivor.Id;
    }

    /// <summary>
    /// Forgets the person (被遗忘权): every personal field is replaced; the number, the vehicles'
    /// history and the dealership's own records stay, so statistics and history remain whole.
    /// </summary>
    public void Anonymise(string placeholderName, DateTime atUtc)
    {
        Name = placeholderName;
        Gender = Gender.Unknown;
        Birthday = null;
        Mobile = null;
        MobileSearchKey = null;
        Address = null;
        Occupation = null;
        ContactPerson = null;
        ContactGender = Gender.Unknown;
        ContactPosition = null;
        InterestedModels = null;
        Concerns = null;
        Notes = null;
        _otherPhones.Clear();
        foreach (var member in _family)
        {
            member.Anonymise(placeholderName);
        }

        foreach (var change in _contactChanges)
        {
            change.Anonymise();
        }

        AnonymisedUtc = atUtc;
    }

    private static string JoinPhones(IEnumerable<string> numbers) => string.Join("、", numbers.Order(StringComparer.Ordinal));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string RequireText(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Required.", name) : value.Trim();
}

/// <summary>The profile fields an edit form changes in one go.</summary>
public sealed record CustomerProfile(
    CustomerKind Kind,
    string Name,
    Gender Gender,
    DateOnly? Birthday,
    string? Occupation,
    PurchasePurpose PurchasePurpose,
    SourceChannel Source,
    Gender ContactGender,
    string? ContactPosition,
    string? InterestedModels,
    Money? BudgetFrom,
    Money? BudgetTo,
    string? Concerns,
    string? Notes);

/// <summary>The contact fields whose every change is kept.</summary>
public sealed record ContactDetails(string? Mobile, IReadOnlyList<string> OtherPhones, string? Address, string? ContactPerson);
