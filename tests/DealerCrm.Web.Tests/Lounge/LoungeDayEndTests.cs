using System.Net;
using ClosedXML.Excel;
using DealerCrm.Domain.Jobs;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Lounge;

/// <summary>
/// A whole day on the fake clock: cleanings logged through the day, the sheet completed, the end
/// of the day turning a shortfall into a fine, a manager waiving it, the ledger and its export.
/// </summary>
public sealed class LoungeDayEndTests(LoungeFactory factory) : IClassFixture<LoungeFactory>
{
    [Fact]
    public async Task Cleanings_count_against_the_minimum_a_shortfall_at_day_end_becomes_one_fine_and_a_manager_waives_it()
    {
        var day = factory.Clock.Today;
        var attendantId = await factory.UserIdAsync("loungeattendant");
        using var attendant = await SiteClient.SignedInAsync(factory, Roles.LoungeAttendant);

        // Through the day: the rack 3 times, the children's area once (2 needed), the ashtray 3 times, once with 3 butts.
        foreach (var (item, butts) in new (int, int?)[] { (3, null), (5, 1), (3, null), (4, null), (5, 3), (3, null), (5, 0) })
        {
            factory.Time.Advance(TimeSpan.FromMinutes(50));
            using var response = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Cleaning(item, butts));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var html = await attendant.GetHtmlAsync("/Lounge");
        Assert.Contains("data-testid=\"tally-3\"", html);
        var page = Customers.Html.Parse(html);
        Assert.Equal("3 / 3", page.QuerySelector("[data-testid='tally-3'] .fs-4")!.TextContent.Trim());
        Assert.Equal("1 / 2", page.QuerySelector("[data-testid='tally-4'] .fs-4")!.TextContent.Trim());
        Assert.Equal("3 / 3", page.QuerySelector("[data-testid='tally-5'] .fs-4")!.TextContent.Trim());

        // The sheet cannot be completed while items are unchecked; then it can.
        using var early = await attendant.PostFormAsync("/Lounge", [], "/Lounge?handler=Complete");
        Assert.Contains("还有项目未检查", await early.Content.ReadAsStringAsync());
        foreach (var item in LoungeItem.Defaults.Where(i => !i.IsCounted))
        {
            using var response = await LoungeForms.PostJsonAsync(attendant, "Check", LoungeForms.Check(item.Id, "ok"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var complete = await attendant.PostFormAsync("/Lounge", [], "/Lounge?handler=Complete");
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);

        var sheetId = await factory.WithDbAsync(db => db.LoungeSheets.Where(s => s.Day == day).Select(s => s.Id).SingleAsync());
        // The 3 butts were fined at once.
        Assert.Equal(1, await factory.WithDbAsync(db => db.LoungeFines.CountAsync(f => f.Check!.SheetId == sheetId)));

        // 23:59: the day is not over, the job settles nothing of it.
        factory.Time.SetUtcNow(factory.Clock.StartOfDayUtc(day.AddDays(1)).AddMinutes(-1));
        Assert.Equal(0, (await factory.RunJobAsync()).Settled);

        factory.Time.Advance(TimeSpan.FromMinutes(2));
        var run = await factory.RunJobAsync();
        Assert.Equal(1, run.Settled);
        Assert.Equal(1, run.Fines);
        Assert.Equal(new LoungeJob.Result(0, 0, 0), await factory.RunJobAsync());

        var fines = await factory.WithDbAsync(db => db.LoungeFines.AsNoTracking().Include(f => f.Check).Where(f => f.Check!.SheetId == sheetId).OrderBy(f => f.Id).ToListAsync());
        Assert.Equal(2, fines.Count);
        var shortfall = fines[1];
        Assert.Equal(LoungeCheckKind.Shortfall, shortfall.Check!.Kind);
        Assert.Equal(4, shortfall.Check.ItemId);
        Assert.Equal(attendantId, shortfall.StaffUserId);
        Assert.Equal(day, shortfall.Day);
        Assert.Equal(day, factory.Clock.LocalDateOf(shortfall.Check.AtUtc));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.DedupeKey == "LoungeFine:" + LoungeCheck.ShortfallKey(day, 4) && n.RecipientUserId == attendantId)));
        var sheet = await factory.WithDbAsync(db => db.LoungeSheets.AsNoTracking().SingleAsync(s => s.Id == sheetId));
        Assert.True(sheet.IsClosed);
        Assert.True(sheet.IsCompleted);
        // The new day's sheet was opened by the job.
        Assert.True(await factory.WithDbAsync(db => db.LoungeSheets.AnyAsync(s => s.Day == day.AddDays(1))));

        // A manager waives the shortfall: not without a reason; never deleted.
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        var month = $"{day:yyyy-MM}";
        using var noReason = await manager.PostFormAsync($"/Lounge/Fines?month={month}", new Dictionary<string, string> { ["Waive.FineId"] = shortfall.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Waive.Reason"] = " " }, $"/Lounge/Fines?handler=Waive&month={month}");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("减免罚款必须填写原因", await noReason.Content.ReadAsStringAsync());
        using var waived = await manager.PostFormAsync($"/Lounge/Fines?month={month}", new Dictionary<string, string> { ["Waive.FineId"] = shortfall.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Waive.Reason"] = "儿童区当日封闭装修" }, $"/Lounge/Fines?handler=Waive&month={month}");
        Assert.Equal(HttpStatusCode.Redirect, waived.StatusCode);
        var after = await factory.WithDbAsync(db => db.LoungeFines.AsNoTracking().SingleAsync(f => f.Id == shortfall.Id));
        Assert.Equal("儿童区当日封闭装修", after.WaiveReason);
        Assert.NotNull(after.WaivedByUserId);

        // The ledger's totals (summed in SQL) and the export agree with the rows.
        var expected = await factory.WithDbAsync(db => db.LoungeFines.Where(f => f.Month == LoungeFine.MonthOf(day) && f.StaffUserId == attendantId)
            .Select(f => new { f.AmountFen, Waived = f.WaivedUtc != null }).ToListAsync());
        using var export = await manager.GetAsync($"/Lounge/Fines?handler=Export&month={month}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = new XLWorkbook(await export.Content.ReadAsStreamAsync());
        var totals = book.Worksheet(1);
        var row = totals.RowsUsed().Single(r => r.Cell(1).GetString() == "冯小雨");
        Assert.Equal(month, row.Cell(2).GetString());
        Assert.Equal(expected.Count, row.Cell(3).GetValue<int>());
        Assert.Equal(expected.Where(e => !e.Waived).Sum(e => e.AmountFen) / 100m, row.Cell(4).GetValue<decimal>());
        Assert.Equal(expected.Where(e => e.Waived).Sum(e => e.AmountFen) / 100m, row.Cell(5).GetValue<decimal>());
        var detail = book.Worksheet(2);
        var line = detail.RowsUsed().Single(r => r.Cell(1).GetString() == shortfall.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("已减免", line.Cell(8).GetString());
        Assert.Equal("儿童区当日封闭装修", line.Cell(9).GetString());
        Assert.Equal("系统日终核算", line.Cell(10).GetString());

        var ledger = await manager.GetHtmlAsync($"/Lounge/Fines?month={month}&staff={attendantId}");
        Assert.Contains("儿童区当日封闭装修", ledger);
        Assert.Contains("儿童娱乐区、门窗玻璃每天擦拭不少于2次", ledger);

        // The attendant (signed in again the next morning) sees both fines on their own page, the waived one marked.
        using var nextMorning = await SiteClient.SignedInAsync(factory, Roles.LoungeAttendant);
        Assert.Contains("儿童区当日封闭装修", await nextMorning.GetHtmlAsync("/Lounge/MyFines"));
    }

    [Fact]
    public async Task A_sheet_the_job_cannot_read_is_set_aside_and_the_others_are_settled()
    {
        var day = factory.Clock.Today;
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO LoungeSheets (Day, OpenedUtc, Version) VALUES ('2026-02-30', '2026-02-28 00:00:00', 0)"));
        var badId = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT Id AS Value FROM LoungeSheets WHERE Day = '2026-02-30'").SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            // A day long before the demo's months, nobody took it: settled without a fine.
            db.LoungeSheets.Add(new LoungeSheet(day.AddDays(-200), factory.Clock.UtcNow));
            await db.SaveChangesAsync();
        });

        var run = await factory.RunJobAsync();
        Assert.Equal(1, run.SetAside);
        Assert.True(run.Settled >= 1);
        var row = await factory.WithDbAsync(db => db.SetAsideRows.AsNoTracking().SingleAsync(r => r.Job == LoungeJob.Name && r.SourceId == badId));
        Assert.Equal(LoungeJob.Source, row.Source);
        Assert.Equal(SetAsideStatus.SetAside, row.Status);

        // Set aside: the next run leaves it alone instead of failing on it again.
        Assert.Equal(0, (await factory.RunJobAsync()).SetAside);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM LoungeSheets WHERE Id = {badId}"));
    }
}
