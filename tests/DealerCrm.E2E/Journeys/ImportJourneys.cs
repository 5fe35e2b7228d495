using System.Text;
using DealerCrm.Domain.Customers;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Pages.Customers.Import;
using DealerCrm.Web.Tests.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>The customer import in the browser: upload, preview, confirm, the progress page until the report.</summary>
public sealed class ImportJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_cs_director_imports_a_csv_and_the_progress_page_turns_into_the_report_and_says_when_a_shutdown_interrupted_it()
    {
        var page = await site.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.SignInAsync("csdirector");
        var (first, second) = (CustomerTestData.NewMobile(), CustomerTestData.NewMobile());
        var csv = "客户类型,姓名/公司名称,手机号码,地址\r\n"
            + $"个人,浏览器导入一,{first},\"广州市天河区体育西路1号, 天河城\"\r\n"
            + $"个人,浏览器导入二,{second},广州市越秀区\r\n";

        await UploadAsync(page, csv, "浏览器导入.csv");
        await Assertions.Expect(page.GetByTestId("valid-rows")).ToHaveTextAsync("2");
        await page.ScreenshotAsync("import-preview");
        await page.AssertAccessibleAsync();
        await page.GetByTestId("import-confirm").ClickAsync();

        // The page polls the job and reloads into the report when it has ended.
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("已导入 2 位客户、0 辆车。");
        await page.ScreenshotAsync("import-done");
        await page.AssertAccessibleAsync();

        // The site shuts its import worker down: a confirmation then says it was interrupted, not "running" for ever.
        await site.Factory.Services.GetRequiredService<ImportWorker>().StopAsync(CancellationToken.None);
        await UploadAsync(page, csv.Replace(first, CustomerTestData.NewMobile(), StringComparison.Ordinal).Replace(second, CustomerTestData.NewMobile(), StringComparison.Ordinal), "中断.csv");
        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-interrupted")).ToContainTextAsync("导入因系统停止而中断，没有任何数据被导入。");
        await page.ScreenshotAsync("import-interrupted");
        await page.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(page));
    }

    private static async Task UploadAsync(IPage page, string csv, string fileName)
    {
        await page.GotoAsync("/Customers/Import");
        await page.AssertAccessibleAsync();
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Customers/Import/Preview/", StringComparison.Ordinal));
    }
}

/// <summary>
/// An import that stopped part-way, in the browser: its own site, as the journey above stops its
/// site's import worker.
/// </summary>
public sealed class ImportPartWayJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task An_import_that_failed_part_way_says_in_the_browser_how_many_customers_it_kept()
    {
        // The second batch holds a car already on file: that batch is refused, the first is kept.
        var vinOnFile = await site.Factory.WithDbAsync(db => db.Vehicles.Select(v => v.Vin).FirstAsync());
        var customers = Enumerable.Range(0, ImportWorker.BatchSize + 30).Select(i => (i, mobile: CustomerTestData.NewMobile()))
            .Select(c => new PlannedCustomer(c.i + 2, CustomerKind.Person, "分批导入" + c.mobile[^4..], Gender.Unknown, c.mobile, [], null, null, null, null, SourceChannel.Unknown,
                c.i == ImportWorker.BatchSize + 5 ? [new PlannedVehicle(vinOnFile, new VehicleDetails(null, "丰田", "凯美瑞", null, RegistrationStatus.NotRegistered, null, null, null, null))] : []))
            .ToList();
        var job = site.Factory.Services.GetRequiredService<ImportJobs>().Start(new ImportPlan(customers, []), null, "csdirector", "分批.csv");
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        var page = await site.NewPageAsync();
        await page.SignInAsync("csdirector");
        await page.GotoAsync($"/Customers/Import/Progress/{job.Id}");
        await Assertions.Expect(page.GetByTestId("import-failed")).ToContainTextAsync("导入中途失败，已完成的批次已保留。");
        await Assertions.Expect(page.GetByTestId("import-kept")).ToContainTextAsync($"已导入 {ImportWorker.BatchSize} 位客户、0 辆车");
        await Assertions.Expect(page.GetByTestId("import-kept")).ToContainTextAsync("其余 30 位客户未导入。");
        await page.ScreenshotAsync("import-failed-part-way");
        await page.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(page));
    }
}
