using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// Issue 12: every form that edits an existing record, posted back exactly as the page sent it
/// (or with only blanks around a trimmed field), says "nothing changed" and writes nothing: no
/// audit entry, no new version, stamp or "updated at". Changed, it saves as before. The forms
/// are read from the page as a browser would send them. The class has its own database: it
/// renames a holiday and rewrites the letter template.
/// </summary>
public sealed class NothingChangedTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    private const string NothingChanged = "没有修改，无需保存。";

    /// <summary>One edit form: who opens it, where, a field inside it, a trimmed field, a change, the saved message, what a write moves and whether it is audited.</summary>
    private sealed record FormCase(
        string Role,
        string PageUrl,
        string Anchor,
        string TrimmedField,
        string ChangedField,
        Func<string, string> Change,
        string SavedText,
        Func<Task<string>> WrittenMarks,
        bool Audited = true,
        string? PostUrl = null);

    public static TheoryData<string> Forms() =>
        ["profile", "contact", "vehicle", "family", "user", "calendar", "letter", "lounge-item"];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task An_unchanged_form_says_nothing_changed_and_writes_nothing_a_changed_one_saves(string form)
    {
        var edit = await ArrangeAsync(form);
        using var client = await SiteClient.SignedInAsync(factory, edit.Role);

        // As sent, then with blanks around a field that is stored trimmed.
        await AssertNothingChangedAsync(client, edit, pad: false);
        await AssertNothingChangedAsync(client, edit, pad: true);

        var marks = await edit.WrittenMarks();
        var audits = await AuditCountAsync();
        var (fields, action) = await ReadFormAsync(client, edit);
        Set(fields, edit.ChangedField, edit.Change(Value(fields, edit.ChangedField)));
        var flash = await PostAndReadFlashAsync(client, edit.PostUrl ?? action, fields);
        Assert.Contains(edit.SavedText, flash, StringComparison.Ordinal);
        Assert.DoesNotContain(NothingChanged, flash, StringComparison.Ordinal);
        Assert.NotEqual(marks, await edit.WrittenMarks());
        Assert.Equal(edit.Audited, await AuditCountAsync() > audits);

        // The page as it now stands, sent back: nothing changed again (the saved value reads back equal).
        await AssertNothingChangedAsync(client, edit, pad: false);
    }

    private async Task AssertNothingChangedAsync(SiteClient client, FormCase edit, bool pad)
    {
        var marks = await edit.WrittenMarks();
        var audits = await AuditCountAsync();
        var (fields, action) = await ReadFormAsync(client, edit);
        if (pad)
        {
            Set(fields, edit.TrimmedField, "  " + Value(fields, edit.TrimmedField) + " \u3000");
        }

        var flash = await PostAndReadFlashAsync(client, edit.PostUrl ?? action, fields);

        Assert.Contains(NothingChanged, flash, StringComparison.Ordinal);
        Assert.Equal(marks, await edit.WrittenMarks());
        Assert.Equal(audits, await AuditCountAsync());
    }

    private static async Task<string> PostAndReadFlashAsync(SiteClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        using var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = await client.GetHtmlAsync(response.Headers.Location!.OriginalString);
        return Html.Section(page, "flash");
    }

    /// <summary>The fields of the form holding <see cref="FormCase.Anchor"/>, as a browser submits them (textarea lines in CRLF), and where it posts.</summary>
    private static async Task<(List<KeyValuePair<string, string>> Fields, string Action)> ReadFormAsync(SiteClient client, FormCase edit)
    {
        var document = Html.Parse(await client.GetHtmlAsync(edit.PageUrl));
        var anchor = document.QuerySelector(edit.Anchor) ?? throw new InvalidOperationException($"{edit.Anchor} is not on {edit.PageUrl}.");
        var form = anchor.Closest("form") ?? throw new InvalidOperationException($"{edit.Anchor} is in no form.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "file" or "image":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.FirstOrDefault(o => o.HasAttribute("selected")) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (chosen is not null)
                    {
                        fields.Add(new(name, chosen.Value));
                    }

                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value.ReplaceLineEndings("\r\n")));
                    break;
            }
        }

        return (fields, form.GetAttribute("action") is { Length: > 0 } action ? action : edit.PageUrl);
    }

    private static string Value(List<KeyValuePair<string, string>> fields, string name) =>
        fields.First(f => f.Key == name).Value;

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        Assert.True(index >= 0, $"The form has no field {name}.");
        fields[index] = new(name, value);
    }

    private Task<int> AuditCountAsync() => factory.WithDbAsync(db => db.AuditEntries.CountAsync());

    private async Task<FormCase> ArrangeAsync(string form)
    {
        switch (form)
        {
            case "profile":
                {
                    var customer = await CustomerTestData.CreateCustomerAsync(factory, "未改动资料客户");
                    return new(Roles.CsAgent, $"/Customers/{customer.Id}/Edit", "[name='Input.Version']", "Input.Name",
                        "Input.Occupation", _ => "律师", "已保存", () => CustomerMarksAsync(customer.Id));
                }

            case "contact":
                {
                    var customer = await CustomerTestData.CreateCustomerAsync(factory, "未改动联系方式客户");
                    return new(Roles.CsAgent, $"/Customers/{customer.Id}/Contact", "[name='Input.Address']", "Input.Address",
                        "Input.Address", _ => "广州市海珠区新港西路3号", "联系方式已更新", () => CustomerMarksAsync(customer.Id));
                }

            case "vehicle":
                {
                    var customer = await CustomerTestData.CreateCustomerAsync(factory, "未改动车辆客户");
                    var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, plate: CustomerTestData.NewPlate());
                    return new(Roles.ServiceAdvisor, $"/Customers/{customer.Id}/Vehicles/{vehicle.Id}", "[name='Input.Model']", "Input.Model",
                        "Input.Color", _ => "曜石黑", "已保存车辆",
                        () => factory.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.Version.ToString(CultureInfo.InvariantCulture)).SingleAsync()));
                }

            case "family":
                {
                    var customer = await CustomerTestData.CreateCustomerAsync(factory, "未改动家属客户");
                    await CustomerTestData.AddFamilyMemberAsync(factory, customer.Id, "林小红", CustomerTestData.NewMobile());
                    var memberId = await factory.WithDbAsync(db => db.FamilyMembers.Where(f => f.CustomerId == customer.Id).Select(f => f.Id).SingleAsync());
                    return new(Roles.CsAgent, $"/Customers/{customer.Id}/Family/{memberId}", "[name='Input.Name']", "Input.Name",
                        "Input.Name", _ => "林小兰", "已保存家庭成员",
                        () => factory.WithDbAsync(db => db.FamilyMembers.Where(f => f.Id == memberId).Select(f => f.Version.ToString(CultureInfo.InvariantCulture)).SingleAsync()));
                }

            case "user":
                {
                    var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "salesperson3").Select(u => u.Id).SingleAsync());
                    return new(Roles.Admin, $"/Admin/Users/Edit/{id}", "[name='Input.DisplayName']", "Input.DisplayName",
                        "Input.PhoneNumber", _ => "020-83330001", "已保存",
                        () => factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp + "|" + u.SecurityStamp).SingleAsync()));
                }

            case "calendar":
                {
                    var date = new DateOnly(2026, 10, 10);
                    return new(Roles.Admin, "/Admin/Calendar", "[data-testid='rename-2026-10-10']", "Rename.Name",
                        "Rename.Name", _ => "国庆节调休", "改名为",
                        () => factory.WithDbAsync(async db => await db.CalendarDays.Where(d => d.Date == date).Select(d => d.Name).SingleAsync()
                            + "|" + await db.CalendarDayChanges.CountAsync()),
                    Audited: false);
                }

            case "letter":
                return new(Roles.Admin, "/Admin/LetterTemplate", "[name='Body']", "Body",
                    "Body", body => body.Replace("再次感谢您的厚爱！", "再次感谢您的信任！", StringComparison.Ordinal), "感谢信模板已保存",
                    () => factory.WithDbAsync(async db => await db.LetterTemplates.SingleOrDefaultAsync() is { } t ? $"{t.Version}|{t.UpdatedUtc:O}|{t.UpdatedBy}" : "none"),
                    PostUrl: "/Admin/LetterTemplate?handler=Save");

            case "lounge-item":
                {
                    var itemId = await factory.WithDbAsync(db => db.LoungeItems.OrderBy(i => i.Position).Select(i => i.Id).FirstAsync());
                    return new(Roles.CsDirector, "/Lounge/Items", $"#text-{itemId}", "Input.Text",
                        "Input.Text", text => text + "（含门把手）", "条已保存",
                        () => factory.WithDbAsync(async db => await db.LoungeItems.SingleAsync(i => i.Id == itemId) is var i ? $"{i.Version}|{i.Text}" : ""),
                    Audited: false);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, null);
        }
    }

    /// <summary>What a write of a customer's file moves: its version and its contact history.</summary>
    private Task<string> CustomerMarksAsync(int id) =>
        factory.WithDbAsync(async db => await db.Customers.Where(c => c.Id == id).Select(c => c.Version).SingleAsync()
            + "|" + await db.Customers.Where(c => c.Id == id).SelectMany(c => c.ContactChanges).CountAsync());
}
