using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Pages.Customers.Import;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>Importing customers from .csv (UTF-8 or GB18030) and .xlsx: preview with every row's problems, then one transaction.</summary>
public sealed partial class ImportTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    private const string Header = "客户类型,姓名/公司名称,性别,手机号码,其他电话,生日,地址,关键联系人,车架号VIN,车牌号,品牌,车型,颜色,保修到期";

    [Fact]
    public async Task A_utf8_csv_is_previewed_row_by_row_in_Chinese_and_only_its_valid_rows_are_imported()
    {
        var sheet = await MixedSheetAsync("甲");
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        var preview = await UploadAsync(director, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sheet.Csv)).ToArray(), "客户导入.csv");

        await AssertPreviewAsync(director, preview, sheet);
        await ConfirmAndCheckAsync(director, preview, sheet, "客户导入.csv");
    }

    [Fact]
    public async Task A_gb18030_csv_as_Excel_in_China_saves_it_reads_the_same()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sheet = await MixedSheetAsync("乙");
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        var preview = await UploadAsync(director, Encoding.GetEncoding("GB18030").GetBytes(sheet.Csv.Replace("\n", "\r\n", StringComparison.Ordinal)), "gb18030.csv");

        await AssertPreviewAsync(director, preview, sheet);
        await ConfirmAndCheckAsync(director, preview, sheet, "gb18030.csv");
    }

    [Fact]
    public async Task An_xlsx_with_numbers_and_dates_as_Excel_stores_them_imports_too()
    {
        var sheet = await MixedSheetAsync("丙");
        using var book = new XLWorkbook();
        var ws = book.Worksheets.Add("客户");
        var lines = sheet.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var r = 0; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = ws.Cell(r + 1, c + 1);
                if (r > 0 && long.TryParse(cells[c], out var number))
                {
                    cell.Value = number; // mobiles typed into Excel become numbers
                }
                else if (r > 0 && DateTime.TryParseExact(cells[c], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    cell.Value = date;
                }
                else
                {
                    cell.Value = cells[c];
                }
            }
        }

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        using var director = await SiteClient.SignedInAsync(factory, Roles.SalesManager);

        var preview = await UploadAsync(director, stream.ToArray(), "customers.xlsx");

        await AssertPreviewAsync(director, preview, sheet);
        await ConfirmAndCheckAsync(director, preview, sheet, "customers.xlsx", by: "salesmanager");
        var imported = await factory.WithDbAsync(db => db.Customers.SingleAsync(c => c.Mobile == sheet.GoodMobile));
        Assert.Equal(new DateOnly(1985, 6, 18), imported.Birthday);
    }

    [Fact]
    public async Task A_file_without_the_name_and_mobile_columns_is_refused_clearly()
    {
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        var preview = await UploadAsync(director, Encoding.UTF8.GetBytes("客户,地址\n王伟,广州市\n"), "wrong.csv");
        var html = await director.GetHtmlAsync(preview);

        Assert.Contains("文件缺少必需的列：姓名/公司名称、手机号码。请使用导入模板。", Html.Section(html, "import-error"));
        Assert.False(Html.Has(html, "import-confirm"));
        using var confirm = await director.PostFormAsync(preview, new());
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        var onlyName = await UploadAsync(director, Encoding.UTF8.GetBytes("姓名,地址\n王伟,广州市\n"), "no-mobile.csv");
        Assert.Contains("文件缺少必需的列：手机号码。", Html.Section(await director.GetHtmlAsync(onlyName), "import-error"));
    }

    [Theory]
    [InlineData("broken.xlsx")]
    [InlineData("empty-looking.xlsx")]
    public async Task An_unreadable_file_gets_the_Chinese_message_not_a_500(string name)
    {
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var content = name == "broken.xlsx" ? Encoding.UTF8.GetBytes("this is not a workbook at all") : [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00];

        var preview = await UploadAsync(director, content, name);
        using var response = await director.GetAsync(preview);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("无法读取该文件，请确认是 Excel（.xlsx）或 CSV 文件。", Html.Section(html, "import-error"));
        Assert.False(Html.Has(html, "import-confirm"));
    }

    [Fact]
    public async Task An_xlsx_with_a_picture_is_refused_with_a_Chinese_message_not_a_500()
    {
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        var preview = await UploadAsync(director, ImportSheets.XlsxWithPicture(), "with-logo.xlsx");
        using var response = await director.GetAsync(preview);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("文件中含有图片，无法读取。请删除图片后重新上传，或另存为 CSV 文件。", Html.Section(html, "import-error"));
        Assert.False(Html.Has(html, "import-confirm"));
    }

    [Fact]
    public async Task A_missing_file_or_another_type_is_refused_on_the_upload_page()
    {
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        using var none = await PostFileAsync(director, [], "empty.csv");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("请选择要上传的文件。", await none.Content.ReadAsStringAsync());

        using var text = await PostFileAsync(director, Encoding.UTF8.GetBytes("王伟,13812345678"), "customers.txt");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Contains("只支持 Excel（.xlsx）和 CSV 文件。", await text.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_template_downloads_with_the_expected_headers()
    {
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        using var response = await director.GetAsync("/Customers/Import?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var headers = book.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("姓名/公司名称", headers);
        Assert.Contains("手机号码", headers);
        Assert.Contains("车架号VIN", headers);
    }

    [Theory]
    [InlineData(Roles.CsAgent)]
    [InlineData(Roles.Salesperson)]
    public async Task Importing_is_for_the_CS_director_and_the_sales_manager(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        using var response = await client.GetAsync("/Customers/Import");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>
    /// Six data rows (lines 2-7): two good ones (a person with a car, a company without), and four
    /// with one problem each: a 12x mobile, a VIN with a wrong check digit, a mobile already on
    /// file, and the first row's VIN again.
    /// </summary>
    private async Task<Sheet> MixedSheetAsync(string tag)
    {
        var existing = await factory.WithDbAsync(db => db.Customers.Where(c => c.Mobile != null).OrderBy(c => c.Id).Skip(20 + tag[0] % 7).Select(c => new { c.Mobile, c.Number }).FirstAsync());
        var good = CustomerTestData.NewMobile();
        var company = CustomerTestData.NewMobile();
        var badVinMobile = CustomerTestData.NewMobile();
        var repeatMobile = CustomerTestData.NewMobile();
        var vin = CustomerTestData.NewVin();
        var badVin = CustomerTestData.WithWrongCheckDigit(CustomerTestData.NewVin());
        var plate = CustomerTestData.NewPlate();
        var csv = string.Join("\n",
            Header,
            $"个人,导入{tag}一,男,{good},020-88886666,1985-06-18,广州市天河区体育西路1号,,{vin},{plate},丰田,凯美瑞,珍珠白,2029-06-30",
            $"个人,导入{tag}二,女,12812345678,,,,,,,,,,",
            $"个人,导入{tag}三,女,{badVinMobile},,,,,{badVin},,丰田,雷凌,,",
            $"个人,导入{tag}四,男,{existing.Mobile},,,,,,,,,,",
            $"个人,导入{tag}五,男,{repeatMobile},,,,,{vin},{CustomerTestData.NewPlate()},丰田,威兰达,,",
            $"公司,广州导入{tag}物流有限公司,,{company},,,广州市白云区机场路88号,陈晓东,,,,,,") + "\n";
        return new Sheet(csv, tag, good, company, [badVinMobile, repeatMobile], vin, plate, badVin, existing.Number);
    }

    private static async Task AssertPreviewAsync(SiteClient client, string previewUrl, Sheet sheet)
    {
        var html = await client.GetHtmlAsync(previewUrl);
        Assert.Equal("2", Html.PlainText(Html.Section(html, "valid-rows")).Trim());
        Assert.Equal("4", Html.PlainText(Html.Section(html, "problem-rows")).Trim());
        Assert.Contains("可导入（2 位客户，1 辆车）", Html.PlainText(Html.Section(html, "import-summary")));
        var rows = PreviewRows(html);
        Assert.Equal([2, 3, 4, 5, 6, 7], rows.Keys.Order());
        Assert.Contains("可以导入", rows[2]);
        Assert.Contains($"导入{sheet.Tag}一", rows[2]);
        Assert.Contains(PhoneMask.Mask(sheet.GoodMobile), rows[2]);
        Assert.Contains("手机号码“*******5678”格式不正确。", rows[3]);
        Assert.Contains($"车架号“{sheet.BadVin}”校验位不正确，请核对。", rows[4]);
        Assert.Contains($"手机号码已在客户档案 {sheet.ExistingNumber} 中", rows[5]);
        Assert.Contains("车架号与第 2 行重复。", rows[6]);
        Assert.Contains("可以导入", rows[7]);
        Assert.True(Html.Has(html, "import-confirm"));
        Assert.Contains("导入 2 位客户", html);
        Assert.DoesNotContain(sheet.GoodMobile, html);
    }

    private async Task ConfirmAndCheckAsync(SiteClient client, string previewUrl, Sheet sheet, string fileName, string by = "csdirector")
    {
        var numbersBefore = await factory.WithDbAsync(db => db.Customers.MaxAsync(c => c.Number));
        using var confirm = await client.PostFormAsync(previewUrl, new());
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var progress = confirm.Headers.Location!.OriginalString;
        Assert.StartsWith("/Customers/Import/Progress/", progress, StringComparison.Ordinal);

        // The job says when it has ended: await that, then read the status the page polls.
        var job = factory.Services.GetRequiredService<ImportJobs>().Find(progress[(progress.LastIndexOf('/') + 1)..]);
        Assert.NotNull(job);
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        using (var status = await client.GetAsync(progress + "?handler=Status"))
        {
            using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
            var state = json.RootElement.GetProperty("state").GetString()!;
            Assert.NotEqual("Failed", state);
            Assert.Equal("Done", state);
            Assert.Equal((2, 2), (json.RootElement.GetProperty("done").GetInt32(), json.RootElement.GetProperty("total").GetInt32()));
        }

        var report = Html.PlainText(Html.Section(await client.GetHtmlAsync(progress), "import-done"));
        Assert.Contains("已导入 2 位客户、1 辆车。", report);

        await factory.WithDbAsync(async db =>
        {
            var person = await db.Customers.Include(c => c.OtherPhones).SingleAsync(c => c.Mobile == sheet.GoodMobile);
            Assert.Equal(($"导入{sheet.Tag}一", Gender.Male, "广州市天河区体育西路1号", by), (person.Name, person.Gender, person.Address, person.CreatedBy));
            Assert.Equal(["020-88886666"], person.OtherPhones.Select(p => p.Number));
            var car = await db.Vehicles.SingleAsync(v => v.CustomerId == person.Id);
            Assert.Equal((sheet.Vin, sheet.Plate, "凯美瑞", new DateOnly(2029, 6, 30)), (car.Vin, car.Plate, car.Model, car.WarrantyExpiry!.Value));
            var company = await db.Customers.SingleAsync(c => c.Mobile == sheet.CompanyMobile);
            Assert.Equal((CustomerKind.Company, "陈晓东"), (company.Kind, company.ContactPerson));
            Assert.Empty(await db.Customers.Where(c => sheet.Refused.Contains(c.Mobile!) || c.Mobile == "12812345678").ToListAsync());
            Assert.Equal(1, await db.Vehicles.CountAsync(v => v.Vin == sheet.Vin));
            Assert.False(await db.Vehicles.AnyAsync(v => v.Vin == sheet.BadVin));
            Assert.All(new[] { person.Number, company.Number }, n => Assert.True(string.CompareOrdinal(n, numbersBefore) > 0));
            Assert.Contains($"客户编号 {new[] { person.Number, company.Number }.Min()} 至 {new[] { person.Number, company.Number }.Max()}", report);

            var log = await db.PrivacyLog.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == PrivacyAction.Import);
            Assert.Equal((by, fileName, 2), (log.UserName, log.Details, log.RowCount!.Value));
        });

        // The upload is used up: the preview is gone.
        using var gone = await client.GetAsync(previewUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    /// <summary>Uploads a file; returns the preview page's address.</summary>
    private static async Task<string> UploadAsync(SiteClient client, byte[] content, string fileName)
    {
        using var response = await PostFileAsync(client, content, fileName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(PreviewUrl(), location);
        return location;
    }

    private static async Task<HttpResponseMessage> PostFileAsync(SiteClient client, byte[] content, string fileName)
    {
        var token = SiteClient.AntiforgeryToken(await client.GetHtmlAsync("/Customers/Import"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync("/Customers/Import", form);
    }

    /// <summary>Each preview row's line number and its text (name, masked mobile, VIN, problems).</summary>
    private static Dictionary<int, string> PreviewRows(string html) =>
        Html.Element(html, "import-rows").QuerySelectorAll("tr")
            .Where(row => row.FirstElementChild is { LocalName: "td" } first && int.TryParse(first.TextContent, System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(
                row => int.Parse(row.FirstElementChild!.TextContent, System.Globalization.CultureInfo.InvariantCulture),
                row => string.Join(" ", row.Children.Skip(1).Select(cell => Html.PlainText(cell.InnerHtml))));

    private sealed record Sheet(string Csv, string Tag, string GoodMobile, string CompanyMobile, IReadOnlyList<string> Refused, string Vin, string Plate, string BadVin, string ExistingNumber);

    [GeneratedRegex("^/Customers/Import/Preview/[0-9a-f]{32}$")]
    private static partial Regex PreviewUrl();
}
