using System.Globalization;
using ClosedXML.Excel;
using DealerCrm.Domain.Lounge;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Tests.Lounge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>The lounge site: the lounge job's timer off, the journeys move the clock and run it.</summary>
public sealed class LoungeSite() : BrowserSite(new LoungeFactory())
{
    public LoungeFactory Site => (LoungeFactory)Factory;
}

/// <summary>
/// The lounge on a tablet: the attendant works through today's sheet (a tick made while the
/// connection drops is kept and sent when it returns), logs cleanings through the day, completes
/// the sheet; the day's end turns a shortfall into a fine; the CS director waives it with a
/// reason and the ledger and its export agree. axe runs on every lounge page at tablet size.
/// </summary>
public sealed class LoungeJourneys(LoungeSite site) : IClassFixture<LoungeSite>
{
    private const int TabletWidth = 1024;
    private const int TabletHeight = 768;

    private LoungeFactory Factory => site.Site;

    [Fact]
    public async Task The_attendant_completes_the_day_offline_for_a_moment_a_shortfall_becomes_a_fine_and_a_manager_waives_it()
    {
        var day = Factory.Clock.Today;
        var page = await site.NewPageAsync(TabletWidth, TabletHeight);
        await page.SignInAsync("loungeattendant");

        // Home: today's sheet in a line, linking to it.
        await Assertions.Expect(page.GetByTestId("home-lounge")).ToContainTextAsync("0 / 17");
        await page.GetByTestId("home-lounge").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Lounge$"));
        await Accessibility.AssertAccessibleAsync(page);

        await CheckAsync(page, 1);

        // The connection drops while item 2 is ticked: the tablet keeps it and says so.
        await page.Context.SetOfflineAsync(true);
        await page.Locator("label[for='ok-2']").ClickAsync();
        await page.GetByTestId("save-2").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lounge-status")).ToContainTextAsync("已保存在本机");
        await Assertions.Expect(page.GetByTestId("form-2").GetByText("等待联网提交")).ToBeVisibleAsync();
        await page.ScreenshotAsync("lounge-offline-queued");
        Assert.False(await Factory.WithDbAsync(db => db.LoungeChecks.AnyAsync(c => c.ItemId == 2 && c.Sheet!.Day == day)));
        // Back online: it is sent, once.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("lounge-status")).ToContainTextAsync("1 条离线记录已提交");
        await Assertions.Expect(page.GetByTestId("item-state-2")).ToContainTextAsync("合格");
        Assert.Equal(1, await Factory.WithDbAsync(db => db.LoungeChecks.CountAsync(c => c.ItemId == 2 && c.Sheet!.Day == day)));

        // Cleanings through the day: the rack 3 times, the children's area only once, the ashtray 3 times.
        for (var i = 1; i <= 3; i++)
        {
            Factory.Time.Advance(TimeSpan.FromMinutes(40));
            await page.GetByTestId("save-3").ClickAsync();
            await Assertions.Expect(page.GetByTestId("tally-3")).ToContainTextAsync($"{i} / 3");
            await page.GetByTestId("form-5").GetByLabel("烟头数").FillAsync(i == 2 ? "1" : "0");
            await page.GetByTestId("save-5").ClickAsync();
            await Assertions.Expect(page.GetByTestId("tally-5")).ToContainTextAsync($"{i} / 3");
        }

        await page.GetByTestId("save-4").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tally-4")).ToContainTextAsync("1 / 2");

        foreach (var item in LoungeItem.Defaults.Where(i => !i.IsCounted && i.Position > 2))
        {
            await CheckAsync(page, item.Position);
        }

        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sheet-state")).ToContainTextAsync("已提交");
        await page.ScreenshotAsync("lounge-sheet-completed");
        await Accessibility.AssertAccessibleAsync(page);
        // The browser logs the fetch that met the dropped connection; nothing else may fail.
        AssertNoErrorsButTheOfflineFetch(site.ConsoleErrors(page));

        // The attendant's other pages, at tablet size.
        await page.GotoAsync("/Lounge/LostFound");
        await page.GetByLabel("物品", new() { Exact = true }).FillAsync("蓝色保温杯");
        await page.GetByLabel("发现地点", new() { Exact = true }).FillAsync("儿童娱乐区");
        await page.GetByLabel("已上报给", new() { Exact = true }).FillAsync("客服总监 钱晓梅");
        await page.GetByTestId("lost-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("蓝色保温杯");
        await Accessibility.AssertAccessibleAsync(page);
        await page.ScreenshotAsync("lounge-lost-found");
        await page.GotoAsync("/Lounge/Equipment");
        await page.GetByLabel("设备 / 设施", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "影碟机" });
        await page.GetByLabel("故障情况", new() { Exact = true }).FillAsync("无法读碟");
        await page.GetByTestId("fault-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("影碟机");
        await Accessibility.AssertAccessibleAsync(page);
        await page.ScreenshotAsync("lounge-equipment");
        AssertNoErrorsButTheOfflineFetch(site.ConsoleErrors(page));
        await page.Context.CloseAsync();

        // The day ends: the children's area was wiped once of twice, a fine for the attendant.
        Factory.Time.SetUtcNow(Factory.Clock.StartOfDayUtc(day.AddDays(1)).AddMinutes(5));
        var run = await Factory.RunJobAsync();
        Assert.Equal(1, run.Fines);
        var shortfall = await Factory.WithDbAsync(db => db.LoungeFines.AsNoTracking().SingleAsync(f => f.Check!.Key == LoungeCheck.ShortfallKey(day, 4)));

        // The CS director waives it with a reason; the ledger and the export agree.
        var manager = await site.NewPageAsync(TabletWidth, TabletHeight);
        await manager.SignInAsync("csdirector");
        await manager.GotoAsync("/Lounge/Fines?month=" + day.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var fine = manager.GetByTestId($"fine-{shortfall.Id}");
        await Assertions.Expect(fine).ToContainTextAsync("儿童娱乐区、门窗玻璃每天擦拭不少于2次");
        await Assertions.Expect(fine).ToContainTextAsync("1/2");
        await Accessibility.AssertAccessibleAsync(manager);
        await fine.GetByLabel($"罚款 #{shortfall.Id} 的减免原因").FillAsync("儿童区下午封闭消毒，无法擦拭");
        await fine.GetByTestId($"waive-{shortfall.Id}").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("flash")).ToContainTextAsync("已减免罚款 ¥20.00");
        await Assertions.Expect(manager.GetByTestId($"fine-{shortfall.Id}").GetByTestId("waive-reason")).ToContainTextAsync("儿童区下午封闭消毒，无法擦拭");
        await manager.ScreenshotAsync("lounge-fines-waived");

        var attendantRow = manager.GetByTestId("total-row").Filter(new() { HasText = "冯小雨" });
        var shownDue = (await attendantRow.GetByTestId("total-due").TextContentAsync())!.Trim();
        var download = await manager.RunAndWaitForDownloadAsync(() => manager.GetByTestId("export").ClickAsync());
        var path = Path.Combine(Screenshots.Directory, "lounge-fines.xlsx");
        await download.SaveAsAsync(path);
        using (var book = new XLWorkbook(path))
        {
            var row = book.Worksheet(1).RowsUsed().Single(r => r.Cell(1).GetString() == "冯小雨");
            Assert.Equal(shownDue, "¥" + row.Cell(4).GetValue<decimal>().ToString("#,##0.00", CultureInfo.InvariantCulture));
            var line = book.Worksheet(2).RowsUsed().Single(r => r.Cell(1).GetString() == shortfall.Id.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("儿童区下午封闭消毒，无法擦拭", line.Cell(9).GetString());
        }

        foreach (var url in new[] { "/Lounge/Overview", "/Lounge/Items", "/Lounge", "/Lounge/LostFound", "/Lounge/Equipment" })
        {
            await manager.GotoAsync(url);
            await Accessibility.AssertAccessibleAsync(manager);
        }

        await manager.GotoAsync("/Lounge/Overview");
        await Assertions.Expect(manager.Locator("#violations-chart[data-chart-ready='true']")).ToBeAttachedAsync();
        await manager.ScreenshotAsync("lounge-overview");
        await manager.Context.CloseAsync();

        // The attendant sees the fine, waived, on their own page.
        var attendant = await site.NewPageAsync(800, 1280);
        await attendant.SignInAsync("loungeattendant");
        await attendant.GotoAsync("/Lounge/MyFines");
        await Assertions.Expect(attendant.GetByTestId("my-fines")).ToContainTextAsync("儿童区下午封闭消毒，无法擦拭");
        await Accessibility.AssertAccessibleAsync(attendant);
        await attendant.ScreenshotAsync("lounge-my-fines");
        await attendant.Context.CloseAsync();
    }

    private static void AssertNoErrorsButTheOfflineFetch(IReadOnlyList<string> errors)
    {
        var others = errors.Where(e => !e.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, string.Join("\n", others));
    }

    private static async Task CheckAsync(IPage page, int position)
    {
        await page.Locator($"label[for='ok-{position}']").ClickAsync();
        await page.GetByTestId($"save-{position}").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"item-state-{position}")).ToContainTextAsync("合格");
    }
}
