using System.Net;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Cockpit;

/// <summary>The managers' cockpit on the demo dealership: its figures agree with their own pages, and its lists are what it counted.</summary>
public sealed partial class CockpitTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    private DealershipClock Clock => factory.Services.GetRequiredService<DealershipClock>();

    [Fact]
    public async Task The_return_visit_rate_is_the_overviews_for_the_same_period_and_links_to_it()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        foreach (var period in new[] { "Week", "Month", "Quarter" })
        {
            var cockpit = await manager.GetHtmlAsync($"/Cockpit?period={period}");
            var link = Html.Element(cockpit, "kpi-return-visit").GetAttribute("href")!;
            Assert.StartsWith("/FollowUps/Overview?from=", link, StringComparison.Ordinal);
            var overview = await manager.GetHtmlAsync(WebUtility.HtmlDecode(link));
            Assert.Equal(Html.TextOf(overview, "kpi-rate"), Html.TextOf(cockpit, "kpi-return-visit-value"));
        }

        var month = await manager.GetHtmlAsync("/Cockpit?period=Month");
        var first = new DateOnly(Clock.Today.Year, Clock.Today.Month, 1);
        Assert.Contains($"from={DisplayFormatter.IsoDate(first)}", Html.Element(month, "kpi-return-visit").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_and_visits_count_the_rows_of_the_lists_behind_them()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        var cockpit = await manager.GetHtmlAsync("/Cockpit?period=Quarter");
        foreach (var kpi in new[] { "kpi-deliveries", "kpi-visits" })
        {
            var count = int.Parse(Html.TextOf(cockpit, kpi + "-value"), System.Globalization.CultureInfo.InvariantCulture);
            var list = await manager.GetHtmlAsync(WebUtility.HtmlDecode(Html.Element(cockpit, kpi).GetAttribute("href")!) + "&p=1");
            var rows = Html.Parse(list).QuerySelectorAll("[data-testid='activity'] tbody tr").Length;
            Assert.Equal(Math.Min(count, Pages.Cockpit.ActivityModel.PageSize), rows);
            Assert.True(count > 0, $"{kpi}: the demo quarter has none");
        }
    }

    [Fact]
    public async Task A_repair_within_30_days_of_the_last_repair_is_a_repeat_and_maintenance_is_not()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "返修率客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id);
        var advisor = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        var today = Clock.Today;
        // A repair 40 days ago; maintenance 20 days ago is no repair; a warranty repair 10 days ago
        // comes 30 days after the first, within the 30 of the setting: a repeat. An accident is not a repair.
        await AddVisitsAsync(customer.Id, vehicle.Id, advisor,
            (today.AddDays(-40), ServiceVisitType.Repair), (today.AddDays(-20), ServiceVisitType.Maintenance), (today.AddDays(-10), ServiceVisitType.WarrantyClaim), (today.AddDays(-2), ServiceVisitType.Accident));

        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        var from = DisplayFormatter.IsoDate(today.AddDays(-45));
        var to = DisplayFormatter.IsoDate(today);
        var repeats = await manager.GetHtmlAsync($"/Cockpit/Activity?what=RepeatRepairs&from={from}&to={to}");
        var mine = Html.Parse(repeats).QuerySelectorAll("[data-testid='activity'] tbody tr").Where(r => r.TextContent.Contains("返修率客户", StringComparison.Ordinal)).ToList();
        Assert.Single(mine);
        Assert.Contains(Fmt(today.AddDays(-10)), mine[0].TextContent, StringComparison.Ordinal);

        var cockpit = await manager.GetHtmlAsync($"/Cockpit?period=Custom&from={from}&to={to}");
        Assert.Contains("%", Html.TextOf(cockpit, "kpi-repeat-repairs-value"), StringComparison.Ordinal);
        Assert.Contains("上限 2.0%", Html.TextOf(cockpit, "kpi-repeat-repairs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_pdf_and_the_workbook_carry_the_figures_and_tables_the_page_shows()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        var cockpit = await manager.GetHtmlAsync("/Cockpit?period=Month");
        Assert.Equal("/Cockpit?handler=Pack&period=Month", Html.Element(cockpit, "pack-pdf").GetAttribute("href"));

        using var pdf = await manager.GetAsync("/Cockpit?handler=Pack&period=Month");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        // Kept for a person to render (pdftoppm) and look at.
        Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "TestResults"));
        await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.Root, "TestResults", "cockpit-pack.pdf"), bytes);
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = string.Concat(document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.Equal(1, document.NumberOfPages);
        Assert.Contains("经营汇总", text, StringComparison.Ordinal);
        Assert.Contains("保修期内客户回访率", text, StringComparison.Ordinal);
        Assert.Contains(Html.TextOf(cockpit, "kpi-return-visit-value"), text, StringComparison.Ordinal);
        Assert.Contains("返修率", text, StringComparison.Ordinal);
        // The Monday meeting's page also carries the gravest complaints and the people's scores.
        Assert.Contains("本期重点投诉", text, StringComparison.Ordinal);
        Assert.Contains("服务顾问CSI", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(Html.TextOf(cockpit, "kpi-complaints-open-value"), text, StringComparison.Ordinal);

        using var xlsx = await manager.GetAsync("/Cockpit?handler=Tables&period=Month");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["回访率和及时率趋势", "逾期任务（按负责人）", "未结投诉（按级别）", "本期重点投诉", "CSI 近 12 个月", "服务顾问 CSI（近 12 个月）", "SSI 近 12 个月", "销售顾问 SSI（近 12 个月）", "交车、进厂和返修率趋势"],
            book.Worksheets.Select(w => w.Name));
        var rates = book.Worksheet(1);
        Assert.Equal("回访率", rates.Cell(1, 2).GetString());
        Assert.Equal(13, rates.LastRowUsed()!.RowNumber());
        Assert.Equal("0.0%", rates.Cell(13, 2).Style.NumberFormat.Format);
        var rate = decimal.Parse(Html.TextOf(cockpit, "kpi-return-visit-value").TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(rate / 100m, Math.Round(rates.Cell(13, 2).GetValue<decimal>(), 3));
    }

    [Fact]
    public async Task A_custom_period_the_wrong_way_round_is_refused_with_a_message_and_the_week_is_shown()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        using var response = await manager.GetAsync("/Cockpit?period=Custom&from=2026-11-20&to=2026-11-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("开始日期须早于结束日期", Html.TextOf(html, "period-error"), StringComparison.Ordinal);
        Assert.Equal("2026-11-20", Html.InputValue(html, "from"));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Cockpit?period=Nonsense")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Salesperson)]
    [InlineData(Roles.CsAgent)]
    [InlineData(Roles.LoungeAttendant)]
    public async Task Only_managers_open_the_cockpit(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Cockpit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Cockpit/Activity")).StatusCode);
    }

    private static string Fmt(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private Task AddVisitsAsync(int customerId, int vehicleId, string advisor, params (DateOnly Day, ServiceVisitType Type)[] visits) => factory.WithDbAsync(async db =>
    {
        foreach (var (day, type) in visits)
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicleId, customerId, new ServiceVisitDetails(day, 20_000, type, "检修", advisor, Money.FromYuan(800), null, null), Clock.UtcNow, "test"));
        }

        await db.SaveChangesAsync();
    });
}
