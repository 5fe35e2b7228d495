using System.Net;
using System.Text.Json;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Lounge;

/// <summary>The day's sheet through the real site: checks, cleanings, fines, the end of the day, the roles.</summary>
public sealed class LoungeSheetTests(LoungeFactory factory) : IClassFixture<LoungeFactory>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();

    private async Task<LoungeSheet?> TodaysSheetAsync() =>
        await factory.WithDbAsync(db => db.LoungeSheets.AsNoTracking().SingleOrDefaultAsync(s => s.Day == factory.Clock.Today));

    [Fact]
    public async Task The_attendant_checks_items_a_violation_fines_the_attendant_and_tells_them_and_a_resent_tick_counts_once()
    {
        using var attendant = await SiteClient.SignedInAsync(factory, Roles.LoungeAttendant);
        var attendantId = await factory.UserIdAsync("loungeattendant");
        var key = Guid.NewGuid().ToString();

        using var ok = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Check(1, "ok"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var bad = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Check(15, "violation", key, note: "未穿工服"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("罚款 ¥20.00", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        // The same tick again (its answer was lost on the way): recorded once.
        using var again = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Check(15, "violation", key, note: "未穿工服"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var sheet = await TodaysSheetAsync();
        Assert.Equal(attendantId, sheet!.AttendantUserId);
        var fines = await factory.WithDbAsync(db => db.LoungeFines.AsNoTracking().Include(f => f.Check).Where(f => f.Check!.Key == key).ToListAsync());
        var fine = Assert.Single(fines);
        Assert.Equal(attendantId, fine.StaffUserId);
        Assert.Equal(2000, fine.AmountFen);
        Assert.Equal("未穿工服", fine.Check!.Note);
        var notice = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.DedupeKey == "LoungeFine:" + key));
        Assert.Equal(attendantId, notice.RecipientUserId);
        Assert.Equal(NotificationKind.LoungeFine, notice.Kind);
        Assert.Equal("/Lounge/MyFines", notice.Link);

        var html = await attendant.GetHtmlAsync("/Lounge");
        Assert.Contains("未穿工服", html);
        Assert.Contains("当班：冯小雨", html);
    }

    [Fact]
    public async Task A_supervisor_records_a_colleague_on_the_sofa_and_that_colleague_alone_sees_the_fine()
    {
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var salespersonId = await factory.UserIdAsync("salesperson");
        var key = Guid.NewGuid().ToString();
        using var response = await LoungeForms.PostJsonAsync(director, "Check", LoungeForms.Check(9, "violation", key, responsible: salespersonId, note: "午休躺在沙发上"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var fine = await factory.WithDbAsync(db => db.LoungeFines.AsNoTracking().SingleAsync(f => f.Check!.Key == key));
        Assert.Equal(salespersonId, fine.StaffUserId);

        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        Assert.Contains("午休躺在沙发上", await salesperson.GetHtmlAsync("/Lounge/MyFines"));
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        Assert.DoesNotContain("午休躺在沙发上", await agent.GetHtmlAsync("/Lounge/MyFines"));

        // Recording, the ledger and the overview are not for them.
        Assert.Equal(HttpStatusCode.Forbidden, (await salesperson.GetAsync("/Lounge")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await salesperson.GetAsync("/Lounge/Fines")).StatusCode);
        using var attendant = await SiteClient.SignedInAsync(factory, Roles.LoungeAttendant);
        Assert.Equal(HttpStatusCode.Forbidden, (await attendant.GetAsync("/Lounge/Fines")).StatusCode);
        using var refused = await salesperson.PostWithTokenAsync("/Lounge?handler=Check", LoungeForms.Check(1, "ok"),
            SiteClient.AntiforgeryToken(await salesperson.GetHtmlAsync("/Lounge/MyFines")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_message_and_the_form_kept()
    {
        using var attendant = await SiteClient.SignedInAsync(factory, Roles.LoungeAttendant);

        // No result ticked: the plain form comes back with the message and the note typed.
        using var noOutcome = await attendant.PostFormAsync("/Lounge", LoungeForms.Check(2, "", note: "保留的备注"), "/Lounge?handler=Check");
        Assert.Equal(HttpStatusCode.OK, noOutcome.StatusCode);
        var html = await noOutcome.Content.ReadAsStringAsync();
        Assert.Contains("请选择检查结果：合格或违规。", html);
        Assert.Contains("value=\"保留的备注\"", html);

        using var noButts = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Cleaning(5));
        Assert.Equal(HttpStatusCode.BadRequest, noButts.StatusCode);
        Assert.Contains("请填写烟头数。", await ErrorsAsync(noButts));

        using var text = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Check(1, "ok"), ("not an image"u8.ToArray(), "photo.png"));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("只能上传 JPG、PNG 或 WebP 格式的照片。", await ErrorsAsync(text));

        using var unknown = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Check(9999, "ok"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        using var tooLong = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Check(1, "ok", note: new string('长', 501)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("备注最多 500 个字。", await ErrorsAsync(tooLong));
    }

    [Fact]
    public async Task A_photo_is_stored_outside_wwwroot_and_served_only_through_the_sheet()
    {
        using var attendant = await SiteClient.SignedInAsync(factory, Roles.LoungeAttendant);
        var key = Guid.NewGuid().ToString();
        using var response = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Check(13, "violation", key, note: "茶几烫痕"), (Png, "../../evil.png"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var check = await factory.WithDbAsync(db => db.LoungeChecks.AsNoTracking().SingleAsync(c => c.Key == key));
        Assert.Matches("^[0-9a-f]{32}\\.png$", check.PhotoFile!);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "lounge-photos", check.PhotoFile!)));
        using var photo = await attendant.GetAsync($"/Lounge?handler=Photo&id={check.Id}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());

        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        Assert.Equal(HttpStatusCode.Forbidden, (await salesperson.GetAsync($"/Lounge?handler=Photo&id={check.Id}")).StatusCode);
    }
}
