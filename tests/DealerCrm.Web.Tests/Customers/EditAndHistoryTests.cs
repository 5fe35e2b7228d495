using System.Net;
using DealerCrm.Domain.Auditing;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>Editing a file: lost updates caught, contact changes kept and audited, phones masked in both.</summary>
public sealed class EditAndHistoryTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    private const string ChangedByOthers = "这条记录刚被其他人修改过。请重新打开页面，核对最新内容后再保存。";

    [Fact]
    public async Task Saving_a_profile_over_a_colleagues_newer_save_is_refused_and_keeps_their_change()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "并发编辑客户");
        using var me = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var colleague = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var url = $"/Customers/{customer.Id}/Edit";
        var myForm = ProfileForm(Html.InputValue(await me.GetHtmlAsync(url), "Input.Version")!, "会计");
        var theirForm = ProfileForm(Html.InputValue(await colleague.GetHtmlAsync(url), "Input.Version")!, "律师");

        using (var theirs = await colleague.PostFormAsync(url, theirForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        }

        using var mine = await me.PostFormAsync(url, myForm);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var html = await mine.Content.ReadAsStringAsync();
        Assert.Contains(ChangedByOthers, Html.Section(html, "form-errors"));
        Assert.Equal("会计", Html.InputValue(html, "Input.Occupation"));
        Assert.Equal("律师", await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Occupation).SingleAsync()));

        // Reopened, the page carries the new version and saves.
        using var retry = await me.PostFormAsync(url, ProfileForm(Html.InputValue(await me.GetHtmlAsync(url), "Input.Version")!, "会计"));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("会计", await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Occupation).SingleAsync()));
    }

    [Fact]
    public async Task Saving_a_profile_with_no_change_says_nothing_changed_and_writes_nothing()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "未改动客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var url = $"/Customers/{customer.Id}/Edit";
        using (var first = await agent.PostFormAsync(url, ProfileForm(Html.InputValue(await agent.GetHtmlAsync(url), "Input.Version")!, "教师")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Contains("已保存", Html.Section(await agent.GetHtmlAsync(first.Headers.Location!.OriginalString), "flash"), StringComparison.Ordinal);
        }

        var version = Html.InputValue(await agent.GetHtmlAsync(url), "Input.Version")!;
        var audits = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        using var again = await agent.PostFormAsync(url, ProfileForm(version, "教师"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await agent.GetHtmlAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("没有修改，无需保存。", Html.Section(page, "flash"), StringComparison.Ordinal);
        Assert.Equal(version, Html.InputValue(await agent.GetHtmlAsync(url), "Input.Version"));
        Assert.Equal(audits, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Saving_contact_data_from_a_stale_page_is_refused_too()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "并发联系方式客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var url = $"/Customers/{customer.Id}/Contact";
        var version = Html.InputValue(await agent.GetHtmlAsync(url), "Input.Version")!;
        using (var first = await agent.PostFormAsync(url, ContactForm(version, address: "广州市海珠区新港西路1号")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var stale = await agent.PostFormAsync(url, ContactForm(version, address: "广州市海珠区新港西路2号"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains(ChangedByOthers, html);
        Assert.Equal("广州市海珠区新港西路2号", Html.InputValue(html, "Input.Address"));
        var saved = await factory.WithDbAsync(db => db.Customers.Include(c => c.ContactChanges).SingleAsync(c => c.Id == customer.Id));
        Assert.Equal("广州市海珠区新港西路1号", saved.Address);
        Assert.Single(saved.ContactChanges);
    }

    [Fact]
    public async Task A_contact_change_shows_in_the_contact_history_the_timeline_and_the_audit_trail_with_phones_masked()
    {
        var oldMobile = CustomerTestData.NewMobile();
        var landline = "020-83334444";
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "联系方式变更客户", mobile: oldMobile, otherPhones: [landline]);
        var newMobile = CustomerTestData.NewMobile();
        var added = CustomerTestData.NewMobile();
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var url = $"/Customers/{customer.Id}/Contact";
        var page = await agent.GetHtmlAsync(url);
        var phoneId = await factory.WithDbAsync(db => db.CustomerPhones.Where(p => p.CustomerId == customer.Id).Select(p => p.Id).SingleAsync());
        var form = ContactForm(Html.InputValue(page, "Input.Version")!, address: "广州市越秀区环市东路9号", newMobile: newMobile, addPhones: added);
        form.Add(new("Input.RemovePhoneIds", phoneId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using var response = await agent.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Customers.Include(c => c.OtherPhones).Include(c => c.ContactChanges).SingleAsync(c => c.Id == customer.Id));
        Assert.Equal(newMobile, saved.Mobile);
        Assert.Equal([added], saved.OtherPhones.Select(p => p.Number));
        var changes = saved.ContactChanges.ToDictionary(c => c.Field);
        Assert.Equal((oldMobile, newMobile, "csagent"), (changes[ContactField.Mobile].OldValue, changes[ContactField.Mobile].NewValue, changes[ContactField.Mobile].ChangedBy));
        Assert.Equal((landline, added), (changes[ContactField.OtherPhones].OldValue, changes[ContactField.OtherPhones].NewValue));
        Assert.Equal(("广州市天河区测试路1号", "广州市越秀区环市东路9号"), (changes[ContactField.Address].OldValue, changes[ContactField.Address].NewValue));

        var file = await agent.GetHtmlAsync($"/Customers/{customer.Id}");
        var text = Html.Text(file);
        Assert.Contains("联系方式已更新，变更已记录。", text);
        Assert.Contains("联系方式变更记录", text);
        Assert.Contains($"{PhoneMask.Mask(oldMobile)} → {PhoneMask.Mask(newMobile)}", text);
        Assert.Contains($"{PhoneMask.Mask(landline)} → {PhoneMask.Mask(added)}", text);
        Assert.Contains("广州市天河区测试路1号 → 广州市越秀区环市东路9号", text);
        Assert.Contains("孙丽娜 修改了", Html.Section(file, "timeline"));
        foreach (var number in new[] { oldMobile, newMobile, added, landline })
        {
            Assert.DoesNotContain(number, file);
        }

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var audit = await director.GetHtmlAsync($"/Customers/{customer.Id}/Audit");
        var trail = Html.PlainText(Html.Section(audit, "audit-table"));
        // Read as people read it: the colleague's name, the form's labels, local time.
        Assert.Contains("孙丽娜", trail);
        Assert.DoesNotContain("csagent", trail);
        Assert.Contains($"手机号码: {PhoneMask.Mask(oldMobile)} → {PhoneMask.Mask(newMobile)}", trail);
        Assert.Contains("地址: 广州市天河区测试路1号 → 广州市越秀区环市东路9号", trail);
        Assert.Contains($"电话: {PhoneMask.Mask(added)}", trail);
        Assert.DoesNotContain("SearchKey", trail);
        Assert.DoesNotContain("CustomerId", trail);
        Assert.Contains("2026年11月23日 10:00", trail);
        foreach (var number in new[] { oldMobile, newMobile, added, landline })
        {
            Assert.DoesNotContain(number, audit);
        }

        // The trail itself keeps the values: masking is for showing them.
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Customer) && a.EntityId == customer.Id.ToString()).ToListAsync());
        var mobileChange = entries.SelectMany(e => AuditJson.Read(e.ChangesJson)).Single(c => c.Field == nameof(Customer.Mobile) && c.Old is not null);
        Assert.Equal((oldMobile, newMobile), (mobileChange.Old, mobileChange.New));
    }

    [Fact]
    public async Task A_new_mobile_already_on_another_file_asks_before_saving()
    {
        var other = await CustomerTestData.CreateCustomerAsync(factory, "已有号码客户");
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "改号客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var url = $"/Customers/{customer.Id}/Contact";
        var version = Html.InputValue(await agent.GetHtmlAsync(url), "Input.Version")!;

        using var response = await agent.PostFormAsync(url, ContactForm(version, address: "广州市天河区测试路1号", newMobile: other.Mobile));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/Customers/{other.Id}\"", Html.Section(html, "duplicates"));
        Assert.Equal("该手机号已在客户档案中，请先核对。", Html.FieldError(html, "Input.NewMobile"));
        Assert.Equal(customer.Mobile, await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Mobile).SingleAsync()));
    }

    [Fact]
    public async Task Wrong_contact_data_is_answered_in_Chinese_with_the_input_kept()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "联系方式校验客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var url = $"/Customers/{customer.Id}/Contact";
        var version = Html.InputValue(await agent.GetHtmlAsync(url), "Input.Version")!;

        using var response = await agent.PostFormAsync(url, ContactForm(version, address: "广州市", newMobile: "12912345678", addPhones: "020-12"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请输入正确的 11 位手机号码（如 13812345678）。", Html.FieldError(html, "Input.NewMobile"));
        Assert.Equal("电话号码格式不正确（手机 11 位，座机如 020-88886666）。", Html.FieldError(html, "Input.AddPhones"));
        Assert.Equal("12912345678", Html.InputValue(html, "Input.NewMobile"));
        Assert.Equal("020-12", Html.InputValue(html, "Input.AddPhones"));
        Assert.Empty(await factory.WithDbAsync(db => db.ContactChanges.Where(h => h.CustomerId == customer.Id).ToListAsync()));
    }

    [Fact]
    public async Task Family_members_are_added_edited_with_their_birthday_checked_and_their_phone_kept_unless_replaced()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "家庭成员客户");
        var phone = CustomerTestData.NewMobile();
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var add = $"/Customers/{customer.Id}/Family";

        using var future = await agent.PostFormAsync(add, FamilyForm("王小宝", "2026-12-01", phone, "0"));
        var html = await future.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Equal("日期不能晚于今天。", Html.FieldError(html, "Input.Birthday"));
        Assert.Equal("2026-12-01", Html.InputValue(html, "Input.Birthday"));
        Assert.Equal(phone, Html.InputValue(html, "Input.Phone"));

        using (var ok = await agent.PostFormAsync(add, FamilyForm("王小宝", "2018-06-01", phone, "0")))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var member = await factory.WithDbAsync(db => db.FamilyMembers.SingleAsync(f => f.CustomerId == customer.Id));
        var edit = $"/Customers/{customer.Id}/Family/{member.Id}";
        var page = await agent.GetHtmlAsync(edit);
        Assert.DoesNotContain(phone, page);
        using (var renamed = await agent.PostFormAsync(edit, FamilyForm("王小宝贝", "2018-06-01", "", Html.InputValue(page, "Input.Version")!)))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        member = await factory.WithDbAsync(db => db.FamilyMembers.SingleAsync(f => f.CustomerId == customer.Id));
        Assert.Equal(("王小宝贝", new DateOnly(2018, 6, 1), phone), (member.Name, member.Birthday!.Value, member.Phone));
        var file = await agent.GetHtmlAsync($"/Customers/{customer.Id}");
        Assert.Contains("王小宝贝", file);
        Assert.Contains("2018年6月1日", file);
        Assert.Contains(PhoneMask.Mask(phone), file);
    }

    private static Dictionary<string, string> ProfileForm(string version, string occupation) => new()
    {
        ["Input.Version"] = version,
        ["Input.Kind"] = nameof(CustomerKind.Person),
        ["Input.Name"] = "并发编辑客户",
        ["Input.Gender"] = nameof(Gender.Male),
        ["Input.Occupation"] = occupation,
        ["Input.PurchasePurpose"] = nameof(PurchasePurpose.Family),
        ["Input.Source"] = nameof(SourceChannel.WalkIn),
    };

    private static List<KeyValuePair<string, string>> ContactForm(string version, string address, string? newMobile = null, string? addPhones = null) =>
    [
        new("Input.Version", version),
        new("Input.NewMobile", newMobile ?? ""),
        new("Input.AddPhones", addPhones ?? ""),
        new("Input.Address", address),
    ];

    private static Dictionary<string, string> FamilyForm(string name, string birthday, string phone, string version) => new()
    {
        ["Input.Name"] = name,
        ["Input.Relation"] = nameof(FamilyRelation.Child),
        ["Input.Gender"] = nameof(Gender.Male),
        ["Input.Birthday"] = birthday,
        ["Input.Phone"] = phone,
        ["Input.Version"] = version,
    };
}
