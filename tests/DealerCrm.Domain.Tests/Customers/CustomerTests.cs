using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly DateTime Opened = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_first_contact_data_of_a_new_file_is_not_a_change()
    {
        var customer = NewCustomer("C2026000001", "王伟", "13812345678", ["020-88886666"], "广州市天河区体育西路1号");

        Assert.Empty(customer.ContactChanges);
        Assert.Equal("13812345678", customer.Mobile);
        Assert.Equal("87654321831", customer.MobileSearchKey);
        Assert.Equal(["020-88886666"], customer.OtherPhones.Select(p => p.Number));
        Assert.Equal("广州市天河区体育西路1号", customer.Address);
    }

    [Fact]
    public void Each_changed_contact_field_of_a_saved_file_is_recorded_with_who_when_old_and_new()
    {
        var customer = Saved(NewCustomer("C2026000001", "王伟", "13812345678", ["020-88886666"], "广州市天河区体育西路1号"), 1);

        customer.UpdateContact(new ContactDetails("13999998888", ["020-88886666", "13700001111"], "广州市越秀区中山一路2号", null), Later, "csagent");

        var changes = customer.ContactChanges.ToDictionary(c => c.Field);
        Assert.Equal([ContactField.Mobile, ContactField.OtherPhones, ContactField.Address], changes.Keys.Order());
        Assert.Equal(("13812345678", "13999998888"), (changes[ContactField.Mobile].OldValue, changes[ContactField.Mobile].NewValue));
        Assert.Equal(("020-88886666", "020-88886666、13700001111"), (changes[ContactField.OtherPhones].OldValue, changes[ContactField.OtherPhones].NewValue));
        Assert.Equal(("广州市天河区体育西路1号", "广州市越秀区中山一路2号"), (changes[ContactField.Address].OldValue, changes[ContactField.Address].NewValue));
        Assert.All(customer.ContactChanges, c => Assert.Equal((Later, "csagent"), (c.AtUtc, c.ChangedBy)));
        Assert.True(changes[ContactField.Mobile].IsPhone);
        Assert.False(changes[ContactField.Address].IsPhone);

        Assert.Equal("13999998888", customer.Mobile);
        Assert.Equal("88889999931", customer.MobileSearchKey);
        Assert.Equal(["020-88886666", "13700001111"], customer.OtherPhones.Select(p => p.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Saving_the_same_contact_data_again_records_nothing()
    {
        var customer = Saved(NewCustomer("C2026000001", "王伟", "13812345678", ["020-88886666"], "广州市天河区体育西路1号"), 1);

        customer.UpdateContact(new ContactDetails(" 13812345678 ", ["020-88886666", " "], "广州市天河区体育西路1号 ", ""), Later, "csagent");

        Assert.Empty(customer.ContactChanges);
    }

    [Fact]
    public void A_companys_key_contact_change_is_recorded_and_letters_address_the_key_contact()
    {
        var company = new Customer("C2026000002", CustomerKind.Company, "广州顺达物流有限公司", Opened, "salesperson");
        company.UpdateProfile(Profile(CustomerKind.Company, "广州顺达物流有限公司") with { ContactGender = Gender.Female });
        company.UpdateContact(new ContactDetails("13922223333", [], null, "陈晓东"), Opened, "salesperson");
        Saved(company, 2);

        Assert.Equal("陈晓东", company.AddresseeName);
        company.UpdateContact(new ContactDetails("13922223333", [], null, "林美玲"), Later, "csagent");

        var change = Assert.Single(company.ContactChanges);
        Assert.Equal((ContactField.ContactPerson, "陈晓东", "林美玲"), (change.Field, change.OldValue, change.NewValue));
        Assert.Equal("林美玲", company.AddresseeName);
        Assert.Equal(Gender.Female, company.AddresseeGender);
    }

    [Fact]
    public void Merging_moves_family_phones_and_contact_history_and_fills_the_survivors_gaps()
    {
        var kept = Saved(NewCustomer("C2026000001", "王伟", "13812345678", [], null), 1);
        var twin = NewCustomer("C2026000002", "王伟", "13999998888", ["020-88886666"], "广州市天河区体育西路1号");
        twin.UpdateProfile(Profile(CustomerKind.Person, "王伟") with { Birthday = new DateOnly(1985, 6, 18), Occupation = "工程师", Gender = Gender.Male, Notes = "喜欢周末来店" });
        twin.AssignSalesperson("sales-2");
        var spouse = twin.AddFamilyMember("李娜", FamilyRelation.Spouse, Gender.Female, new DateOnly(1987, 2, 3), "13700001111", Opened);
        Saved(twin, 2);
        twin.UpdateContact(new ContactDetails("13999998888", ["020-88886666"], "广州市天河区体育西路3号", null), Opened.AddDays(1), "csagent");
        kept.UpdateProfile(Profile(CustomerKind.Person, "王伟") with { Notes = "老客户" });
        twin.UpdateContact(new ContactDetails("13999998888", ["020-88886666"], "广州市天河区体育西路2号", null), Opened.AddDays(2), "csagent");

        twin.MergeInto(kept, Later, "csdirector");

        Assert.Equal(1, twin.MergedIntoId);
        Assert.True(twin.IsMerged);
        Assert.Equal("13812345678", kept.Mobile); // the survivor's own data wins
        Assert.Equal(["020-88886666", "13999998888"], kept.OtherPhones.Select(p => p.Number).Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(1985, 6, 18), kept.Birthday);
        Assert.Equal("广州市天河区体育西路2号", kept.Address);
        Assert.Equal("工程师", kept.Occupation);
        Assert.Equal(Gender.Male, kept.Gender);
        Assert.Equal("sales-2", kept.SalespersonId);
        Assert.Equal("老客户\n喜欢周末来店", kept.Notes);
        Assert.Same(spouse, Assert.Single(kept.Family));
        Assert.Empty(twin.Family);
        Assert.Empty(twin.ContactChanges);

        // The twin's history came along, plus a line saying the merge happened.
        Assert.Equal(2, kept.ContactChanges.Count(c => c.Field == ContactField.Address));
        var merged = Assert.Single(kept.ContactChanges, c => c.Field == ContactField.MergedFrom);
        Assert.Equal(("C2026000002", "C2026000001", Later, "csdirector"), (merged.OldValue, merged.NewValue, merged.AtUtc, merged.ChangedBy));
    }

    [Fact]
    public void A_survivor_without_a_mobile_takes_the_twins()
    {
        var kept = Saved(NewCustomer("C2026000001", "王伟", null, [], null), 1);
        var twin = Saved(NewCustomer("C2026000002", "王伟", "13999998888", ["13999998888"], null), 2);

        twin.MergeInto(kept, Later, "csdirector");

        Assert.Equal("13999998888", kept.Mobile);
        Assert.Equal("88889999931", kept.MobileSearchKey);
        Assert.Empty(kept.OtherPhones); // the mobile is not also an "other" phone
    }

    [Fact]
    public void A_file_cannot_merge_into_itself_or_twice()
    {
        var a = Saved(NewCustomer("C2026000001", "王伟", "13812345678", [], null), 1);
        var b = Saved(NewCustomer("C2026000002", "王伟", "13999998888", [], null), 2);
        var c = Saved(NewCustomer("C2026000003", "王伟", "13700001111", [], null), 3);

        Assert.Throws<InvalidOperationException>(() => a.MergeInto(a, Later, "csdirector"));
        b.MergeInto(a, Later, "csdirector");
        Assert.Throws<InvalidOperationException>(() => b.MergeInto(c, Later, "csdirector"));
        Assert.Throws<InvalidOperationException>(() => c.MergeInto(b, Later, "csdirector"));
    }

    [Fact]
    public void Anonymising_clears_every_personal_field_and_redacts_the_contact_history_but_keeps_the_number()
    {
        var customer = NewCustomer("C2026000001", "王伟", "13812345678", ["020-88886666"], "广州市天河区体育西路1号");
        customer.UpdateProfile(Profile(CustomerKind.Person, "王伟") with
        {
            Birthday = new DateOnly(1985, 6, 18),
            Gender = Gender.Male,
            Occupation = "工程师",
            InterestedModels = "凯美瑞",
            Concerns = "油耗",
            Notes = "喜欢周末来店",
        });
        customer.AddFamilyMember("李娜", FamilyRelation.Spouse, Gender.Female, new DateOnly(1987, 2, 3), "13700001111", Opened);
        customer.AssignSalesperson("sales-1");
        Saved(customer, 1);
        customer.UpdateContact(new ContactDetails("13999998888", ["020-88886666"], "广州市越秀区中山一路2号", null), Opened.AddDays(1), "csagent");
        var twin = Saved(NewCustomer("C2026000002", "王伟", null, [], null), 2);
        twin.MergeInto(customer, Opened.AddDays(2), "csdirector");

        customer.Anonymise("（已匿名客户）", Later);

        Assert.True(customer.IsAnonymised);
        Assert.Equal(Later, customer.AnonymisedUtc);
        Assert.Equal("C2026000001", customer.Number);
        Assert.Equal("（已匿名客户）", customer.Name);
        Assert.Equal(Gender.Unknown, customer.Gender);
        Assert.Null(customer.Birthday);
        Assert.Null(customer.Mobile);
        Assert.Null(customer.MobileSearchKey);
        Assert.Null(customer.Address);
        Assert.Null(customer.Occupation);
        Assert.Null(customer.ContactPerson);
        Assert.Null(customer.InterestedModels);
        Assert.Null(customer.Concerns);
        Assert.Null(customer.Notes);
        Assert.Empty(customer.OtherPhones);
        Assert.Equal("sales-1", customer.SalespersonId); // the dealership's own record stays

        var member = Assert.Single(customer.Family);
        Assert.Equal(("（已匿名客户）", (DateOnly?)null, (string?)null), (member.Name, member.Birthday, member.Phone));
        Assert.Equal(FamilyRelation.Spouse, member.Relation);

        // The history stays (how many changes, when, by whom) but not the values.
        Assert.Equal([ContactField.Mobile, ContactField.Address], customer.ContactChanges.Where(c => c.Field != ContactField.MergedFrom).Select(c => c.Field).Order());
        Assert.All(customer.ContactChanges.Where(c => c.Field != ContactField.MergedFrom), c =>
        {
            Assert.Equal("***", c.OldValue);
            Assert.Equal("***", c.NewValue);
            Assert.Equal("csagent", c.ChangedBy);
        });
        var merge = Assert.Single(customer.ContactChanges, c => c.Field == ContactField.MergedFrom);
        Assert.Equal("C2026000002", merge.OldValue);
    }

    [Fact]
    public void Profile_updates_trim_text_and_keep_prospect_needs()
    {
        var customer = NewCustomer("C2026000001", " 王伟 ", "13812345678", [], null);
        customer.UpdateProfile(Profile(CustomerKind.Person, " 王伟 ") with
        {
            InterestedModels = " 凯美瑞、RAV4荣放 ",
            BudgetFrom = Money.FromYuan(150_000),
            BudgetTo = Money.FromYuan(200_000),
            Concerns = "  ",
        });

        Assert.Equal("王伟", customer.Name);
        Assert.Equal("凯美瑞、RAV4荣放", customer.InterestedModels);
        Assert.Equal(Money.FromYuan(150_000), customer.BudgetFrom);
        Assert.Equal(Money.FromYuan(200_000), customer.BudgetTo);
        Assert.Null(customer.Concerns);
        Assert.Throws<ArgumentException>(() => customer.UpdateProfile(Profile(CustomerKind.Person, " ")));
    }

    private static Customer NewCustomer(string number, string name, string? mobile, IReadOnlyList<string> otherPhones, string? address)
    {
        var customer = new Customer(number, CustomerKind.Person, name, Opened, "salesperson");
        customer.UpdateContact(new ContactDetails(mobile, otherPhones, address, null), Opened, "salesperson");
        return customer;
    }

    private static CustomerProfile Profile(CustomerKind kind, string name) =>
        new(kind, name, Gender.Unknown, null, null, PurchasePurpose.Family, SourceChannel.WalkIn, Gender.Unknown, null, null, null, null, null, null);

    /// <summary>The key the database gives a saved file (the domain treats contact data of an unsaved file as its first, not a change).</summary>
    private static Customer Saved(Customer customer, int id)
    {
        typeof(Customer).GetProperty(nameof(Customer.Id))!.SetValue(customer, id);
        return customer;
    }
}
