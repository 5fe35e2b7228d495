using System.Globalization;
using System.Net;
using DealerCrm.Domain.Auditing;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>The CS director's file administration: merging two files of one person, anonymising a file on request.</summary>
public sealed class MergeAndAnonymiseTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    [Fact]
    public async Task Merging_keeps_the_history_of_both_files_redirects_the_absorbed_one_and_is_logged_and_audited()
    {
        var kept = await CustomerTestData.CreateCustomerAsync(factory, "合并保留客户");
        var keptCar = await CustomerTestData.AddVehicleAsync(factory, kept.Id, CustomerTestData.NewPlate());
        await CustomerTestData.AddVisitAsync(factory, keptCar, new DateOnly(2026, 6, 1), 5_000, "保留档案的首保", 0);
        var twinMobile = CustomerTestData.NewMobile();
        var twin = await CustomerTestData.CreateCustomerAsync(factory, "合并保留客户", mobile: twinMobile, otherPhones: ["020-86667777"]);
        var twinCar = await CustomerTestData.AddVehicleAsync(factory, twin.Id, CustomerTestData.NewPlate());
        await CustomerTestData.AddDeliveryAsync(factory, twinCar, "salesperson2", 169_800, new DateTime(2025, 12, 1, 3, 0, 0, DateTimeKind.Utc));
        await CustomerTestData.AddVisitAsync(factory, twinCar, new DateOnly(2026, 6, 2), 6_000, "并入档案的首保", 0);
        await CustomerTestData.AddFamilyMemberAsync(factory, twin.Id, "合并家属", null);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var url = $"/Customers/{kept.Id}/Merge?other={twin.Number}";

        var preview = Html.PlainText(Html.Section(await director.GetHtmlAsync(url), "merge-preview"));
        Assert.Contains(kept.Number, preview);
        Assert.Contains(twin.Number, preview);
        Assert.Contains("1 辆车 · 1 次交车 · 1 次维修保养", preview);
        Assert.Contains("1 辆车 · 0 次交车 · 1 次维修保养", preview);

        using var response = await director.PostFormAsync(url, new() { ["Input.Reason"] = "同一客户重复建档" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Customers/{kept.Id}", response.Headers.Location!.OriginalString);
        await factory.WithDbAsync(async db =>
        {
            var absorbed = await db.Customers.SingleAsync(c => c.Id == twin.Id);
            Assert.Equal(kept.Id, absorbed.MergedIntoId);
            Assert.Equal(2, await db.Vehicles.CountAsync(v => v.CustomerId == kept.Id));
            Assert.Equal(1, await db.Deliveries.CountAsync(d => d.CustomerId == kept.Id));
            Assert.Equal(2, await db.ServiceVisits.CountAsync(s => s.CustomerId == kept.Id));
            Assert.Equal("合并家属", (await db.FamilyMembers.SingleAsync(f => f.CustomerId == kept.Id)).Name);
            Assert.Equal(0, await db.Vehicles.CountAsync(v => v.CustomerId == twin.Id) + await db.ServiceVisits.CountAsync(s => s.CustomerId == twin.Id));
            var survivor = await db.Customers.Include(c => c.OtherPhones).SingleAsync(c => c.Id == kept.Id);
            Assert.Equal(kept.Mobile, survivor.Mobile);
            Assert.Equal([twinMobile, "020-86667777"], survivor.OtherPhones.Select(p => p.Number).OrderDescending(StringComparer.Ordinal));

            var log = await db.PrivacyLog.SingleAsync(e => e.Action == PrivacyAction.Merge && e.CustomerId == kept.Id);
            Assert.Equal(("csdirector", "同一客户重复建档", $"{twin.Number} → {kept.Number}"), (log.UserName, log.Reason, log.Details));

            var moved = await db.AuditEntries.Where(a => a.EntityType == nameof(Vehicle) && a.EntityId == twinCar.Id.ToString() && a.Action == AuditAction.Modified).ToListAsync();
            var move = Assert.Single(moved.SelectMany(a => AuditJson.Read(a.ChangesJson).Select(c => (a.UserName, c))), x => x.c.Field == nameof(Vehicle.CustomerId));
            Assert.Equal(("csdirector", Key(twin.Id), Key(kept.Id)), (move.UserName, move.c.Old, move.c.New));
            var pointer = await db.AuditEntries.Where(a => a.EntityType == nameof(Customer) && a.EntityId == Key(twin.Id) && a.Action == AuditAction.Modified).ToListAsync();
            Assert.Contains(pointer.SelectMany(a => AuditJson.Read(a.ChangesJson)), c => c.Field == nameof(Customer.MergedIntoId) && c.New == Key(kept.Id));
        });

        // The absorbed file's address leads to the kept file, which now tells both stories.
        using var old = await director.GetAsync($"/Customers/{twin.Id}");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal($"/Customers/{kept.Id}", old.Headers.Location!.OriginalString);
        var file = await director.GetHtmlAsync($"/Customers/{kept.Id}");
        Assert.Contains($"档案 {twin.Number} 已合并到本档案。", file);
        Assert.Contains(twinCar.Vin, Html.Section(file, "vehicles"));
        Assert.Contains(keptCar.Vin, Html.Section(file, "vehicles"));
        Assert.Contains("并入档案的首保", Html.Section(file, "visits"));
        Assert.Contains("保留档案的首保", Html.Section(file, "visits"));
        Assert.Contains("合并家属", file);
        Assert.Contains($"档案 {twin.Number} 并入本档案", Html.Section(file, "timeline"));
        Assert.Contains($"所属档案: {twin.Number} → {kept.Number}", Html.PlainText(await director.GetHtmlAsync($"/Customers/{kept.Id}/Audit")));

        // It is no longer listed, and cannot be merged again.
        Assert.DoesNotContain(twin.Id, Html.CustomerIds(await director.GetHtmlAsync($"/Customers?q={twinMobile}")));
        var again = await director.GetHtmlAsync(url);
        Assert.Equal($"没有找到可合并的档案 {twin.Number}。", Html.FieldError(again, "other"));
    }

    [Fact]
    public async Task A_merge_needs_a_reason_another_existing_file_and_the_CS_director()
    {
        var kept = await CustomerTestData.CreateCustomerAsync(factory, "合并校验客户");
        var twin = await CustomerTestData.CreateCustomerAsync(factory, "合并校验客户");
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        using var noReason = await director.PostFormAsync($"/Customers/{kept.Id}/Merge?other={twin.Number}", new() { ["Input.Reason"] = "" });
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal("请填写合并原因。", Html.FieldError(html, "Input.Reason"));
        Assert.Null(await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == twin.Id).Select(c => c.MergedIntoId).SingleAsync()));

        Assert.Equal("没有找到可合并的档案 C2026999999。", Html.FieldError(await director.GetHtmlAsync($"/Customers/{kept.Id}/Merge?other=c2026999999"), "other"));
        Assert.Equal("不能与自身合并。", Html.FieldError(await director.GetHtmlAsync($"/Customers/{kept.Id}/Merge?other={kept.Number}"), "other"));

        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        using var refused = await manager.GetAsync($"/Customers/{kept.Id}/Merge?other={twin.Number}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Anonymising_replaces_the_personal_fields_keeps_the_history_scrubs_the_trail_and_is_logged()
    {
        var mobile = CustomerTestData.NewMobile();
        var second = CustomerTestData.NewMobile();
        var familyPhone = CustomerTestData.NewMobile();
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "要求删除客户", mobile: mobile, otherPhones: [second, "020-81112222"], birthday: new DateOnly(1979, 3, 4));
        var plate = CustomerTestData.NewPlate();
        var car = await CustomerTestData.AddVehicleAsync(factory, customer.Id, plate);
        await CustomerTestData.AddDeliveryAsync(factory, car, "salesperson", 199_800, new DateTime(2025, 10, 1, 3, 0, 0, DateTimeKind.Utc));
        await CustomerTestData.AddVisitAsync(factory, car, new DateOnly(2026, 4, 1), 5_000, "首保", 0);
        await CustomerTestData.AddFamilyMemberAsync(factory, customer.Id, "要求删除家属", familyPhone);
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var newMobile = CustomerTestData.NewMobile();
        var contact = $"/Customers/{customer.Id}/Contact";
        using (var changed = await agent.PostFormAsync(contact, new()
        {
            ["Input.Version"] = Html.InputValue(await agent.GetHtmlAsync(contact), "Input.Version")!,
            ["Input.NewMobile"] = newMobile,
            ["Input.Address"] = "广州市荔湾区中山七路5号",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var url = $"/Customers/{customer.Id}/Anonymise";

        using var mismatch = await director.PostFormAsync(url, new() { ["Input.Reason"] = "客户书面要求删除个人信息", ["Input.ConfirmNumber"] = "C2026000001" });
        var refused = await mismatch.Content.ReadAsStringAsync();
        Assert.Equal("输入的客户编号与本档案不符。", Html.FieldError(refused, "Input.ConfirmNumber"));
        Assert.Equal("客户书面要求删除个人信息", Html.InputValue(refused, "Input.Reason"));
        using var noReason = await director.PostFormAsync(url, new() { ["Input.Reason"] = "", ["Input.ConfirmNumber"] = customer.Number });
        Assert.Equal("请填写匿名化的原因。", Html.FieldError(await noReason.Content.ReadAsStringAsync(), "Input.Reason"));
        Assert.Null(await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.AnonymisedUtc).SingleAsync()));

        using var response = await director.PostFormAsync(url, new() { ["Input.Reason"] = "客户书面要求删除个人信息", ["Input.ConfirmNumber"] = customer.Number.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var forgotten = new[] { "要求删除客户", "要求删除家属", mobile, second, "020-81112222", familyPhone, newMobile, plate, "广州市天河区测试路1号", "广州市荔湾区中山七路5号", "1979-03-04" };
        await factory.WithDbAsync(async db =>
        {
            var c = await db.Customers.Include(x => x.OtherPhones).Include(x => x.Family).Include(x => x.ContactChanges).SingleAsync(x => x.Id == customer.Id);
            Assert.True(c.IsAnonymised);
            Assert.Equal(customer.Number, c.Number);
            Assert.Equal("（已匿名客户）", c.Name);
            Assert.Equal((null, null, null, null, null), (c.Mobile, c.Address, c.Birthday, c.Occupation, c.MobileSearchKey));
            Assert.Empty(c.OtherPhones);
            var member = Assert.Single(c.Family);
            Assert.Equal(("（已匿名客户）", (string?)null), (member.Name, member.Phone));
            Assert.All(c.ContactChanges, h => Assert.True(h.OldValue is null or "***" && h.NewValue is null or "***", $"{h.Field}: {h.OldValue} → {h.NewValue}"));
            Assert.NotEmpty(c.ContactChanges);

            var vehicle = await db.Vehicles.SingleAsync(v => v.Id == car.Id);
            Assert.Equal((car.Vin, (string?)null), (vehicle.Vin, vehicle.Plate));
            Assert.Equal(1, await db.Deliveries.CountAsync(d => d.CustomerId == customer.Id));
            Assert.Equal(1, await db.ServiceVisits.CountAsync(s => s.CustomerId == customer.Id));

            var trail = await db.AuditEntries.ToListAsync();
            var kept = trail.SelectMany(a => forgotten.Where(v => a.ChangesJson.Contains(v, StringComparison.Ordinal)).Select(v => $"{v} in {a.EntityType} #{a.EntityId} {a.Action}: {a.ChangesJson}")).ToList();
            Assert.True(kept.Count == 0, string.Join("\n", kept));

            var log = await db.PrivacyLog.SingleAsync(e => e.Action == PrivacyAction.Anonymise);
            Assert.Equal(("csdirector", customer.Id, "客户书面要求删除个人信息"), (log.UserName, log.CustomerId!.Value, log.Reason));
        });

        var file = await director.GetHtmlAsync($"/Customers/{customer.Id}");
        Assert.Contains("（已匿名客户）", file);
        Assert.Contains("badge text-bg-secondary ms-1\">已匿名</span>", file);
        Assert.False(Html.Has(file, "customer-actions"));
        Assert.False(Html.Has(file, "reveal-form"));
        Assert.Contains(car.Vin, Html.Section(file, "vehicles"));
        Assert.Contains("首保", Html.Section(file, "visits"));
        var audit = await director.GetHtmlAsync($"/Customers/{customer.Id}/Audit");
        Assert.Contains("客户名称: *** → ***", Html.PlainText(audit));
        foreach (var value in forgotten)
        {
            Assert.DoesNotContain(value, Html.Text(file));
            Assert.DoesNotContain(value, Html.Text(audit));
        }

        Assert.Empty(Html.CustomerIds(await director.GetHtmlAsync($"/Customers?q={newMobile}")));
        Assert.Empty(Html.CustomerIds(await director.GetHtmlAsync($"/Customers?q={Uri.EscapeDataString(plate)}")));
        using var edit = await director.GetAsync($"/Customers/{customer.Id}/Edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        using var reveal = await agent.PostFormAsync("/", new() { ["Reveal.Reason"] = "回访" }, $"/Customers/{customer.Id}?handler=Reveal");
        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
