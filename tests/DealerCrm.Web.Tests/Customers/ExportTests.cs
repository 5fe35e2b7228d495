using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>Exports: the list for managers (masked, logged with its row count), and everything about one customer for the CS director.</summary>
public sealed partial class ExportTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_list_export_is_an_xlsx_of_the_whole_list_with_masked_phones_and_is_logged_with_its_row_count()
    {
        var customers = await factory.WithDbAsync(db => db.Customers.Where(c => c.MergedIntoId == null).OrderBy(c => c.Number).ToListAsync());
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);

        using var response = await manager.GetAsync("/Customers/Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        Assert.Equal("客户编号", sheet.Cell(1, 1).GetString());
        var mobileColumn = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "手机号码").Address.ColumnNumber;
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.Equal(customers.Count, rows.Count);
        Assert.Equal(customers.Select(c => c.Number), rows.Select(r => r.Cell(1).GetString()));
        Assert.Equal(customers.Select(c => c.Name), rows.Select(r => r.Cell(2).GetString()));
        Assert.All(rows.Zip(customers), x => Assert.Equal(PhoneMask.Mask(x.Second.Mobile), x.First.Cell(mobileColumn).GetString()));
        Assert.All(rows.Where(r => !r.Cell(mobileColumn).IsEmpty()), r => Assert.Matches(MaskedMobile(), r.Cell(mobileColumn).GetString()));

        var entry = await factory.WithDbAsync(db => db.PrivacyLog.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == PrivacyAction.ExportList));
        Assert.Equal(("generalmanager", customers.Count, "all", (int?)null), (entry.UserName, entry.RowCount!.Value, entry.Details, entry.CustomerId));
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, entry.AtUtc);
    }

    [Fact]
    public async Task The_list_export_follows_the_search_and_its_log_does_not_keep_a_searched_phone_whole()
    {
        var target = await factory.WithDbAsync(db => db.Customers.Where(c => c.Mobile != null).OrderBy(c => c.Id).Skip(50).FirstAsync());
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        using var response = await director.GetAsync("/Customers/Export?q=" + target.Mobile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var rows = book.Worksheet(1).RowsUsed().Skip(1).ToList();
        Assert.Equal(target.Number, Assert.Single(rows).Cell(1).GetString());
        var entry = await factory.WithDbAsync(db => db.PrivacyLog.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == PrivacyAction.ExportList));
        Assert.Equal(1, entry.RowCount);
        Assert.Equal("q=" + PhoneMask.Mask(target.Mobile), entry.Details);
        Assert.DoesNotContain(target.Mobile!, entry.Details!, StringComparison.Ordinal);

        var log = Html.PlainText(await director.GetHtmlAsync("/Privacy/RevealLog?action=ExportList"));
        Assert.Contains("1 行", log);
        Assert.Contains("q=" + PhoneMask.Mask(target.Mobile), log);
    }

    [Theory]
    [InlineData(Roles.Salesperson)]
    [InlineData(Roles.CsAgent)]
    [InlineData(Roles.ServiceAdvisor)]
    public async Task Staff_who_serve_single_customers_cannot_export_the_list(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);

        using var response = await client.GetAsync("/Customers/Export");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"export\"", await client.GetHtmlAsync("/Customers"));
    }

    [Fact]
    public async Task The_CS_director_exports_everything_held_about_one_customer_with_a_reason_and_it_is_logged()
    {
        var second = CustomerTestData.NewMobile();
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "查询个人信息客户", otherPhones: [second]);
        var car = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        await CustomerTestData.AddDeliveryAsync(factory, car, "salesperson", 219_800, new DateTime(2025, 9, 1, 4, 0, 0, DateTimeKind.Utc));
        await CustomerTestData.AddVisitAsync(factory, car, new DateOnly(2026, 3, 1), 5_200, "首保：更换机油、机滤", 0);
        await CustomerTestData.AddVisitAsync(factory, car, new DateOnly(2026, 9, 1), 10_400, "二保：更换机油、机滤、空调滤芯", 688);
        await CustomerTestData.AddFamilyMemberAsync(factory, customer.Id, "查询家属", null);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var url = $"/Customers/{customer.Id}/DataExport";

        using var noReason = await director.PostFormAsync(url, new() { ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal("请填写导出原因。", Html.FieldError(await noReason.Content.ReadAsStringAsync(), "Input.Reason"));
        Assert.False(await factory.WithDbAsync(db => db.PrivacyLog.AnyAsync(e => e.CustomerId == customer.Id)));

        using var response = await director.PostFormAsync(url, new() { ["Input.Reason"] = "客户书面申请查询个人信息" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType!.MediaType);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["客户资料", "家庭成员", "车辆", "交车记录", "维修保养记录", "联系方式变更记录"], book.Worksheets.Select(s => s.Name));
        var profile = book.Worksheet("客户资料").RowsUsed().ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());
        Assert.Equal(customer.Number, profile["客户编号"]);
        Assert.Equal("查询个人信息客户", profile["客户名称"]);
        Assert.Equal(customer.Mobile, profile["手机号码"]); // the customer's own data goes to the customer whole
        Assert.Equal(second, profile["其他电话"]);
        Assert.Equal("查询家属", book.Worksheet("家庭成员").Cell(2, 1).GetString());
        Assert.Equal(car.Vin, book.Worksheet("车辆").Cell(2, 1).GetString());
        Assert.Equal(car.Plate, book.Worksheet("车辆").Cell(2, 2).GetString());
        Assert.Equal(219_800m, book.Worksheet("交车记录").Cell(2, 5).GetValue<decimal>());
        var visits = book.Worksheet("维修保养记录").RowsUsed().Skip(1).ToList();
        Assert.Equal(["首保：更换机油、机滤", "二保：更换机油、机滤、空调滤芯"], visits.Select(r => r.Cell(5).GetString()));
        Assert.Equal(new DateTime(2026, 3, 1), visits[0].Cell(1).GetDateTime());

        var entry = await factory.WithDbAsync(db => db.PrivacyLog.SingleAsync(e => e.CustomerId == customer.Id));
        Assert.Equal((PrivacyAction.ExportCustomerData, "csdirector", "客户书面申请查询个人信息"), (entry.Action, entry.UserName, entry.Reason));
        Assert.Equal(await CustomerTestData.UserIdAsync(factory, "csdirector"), entry.UserId);
    }

    [Fact]
    public async Task Only_the_CS_director_exports_one_customers_data()
    {
        var customerId = await factory.WithDbAsync(db => db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);

        using var response = await manager.GetAsync($"/Customers/{customerId}/DataExport");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex("^1[3-9][0-9]\\*{4}[0-9]{4}$")]
    private static partial Regex MaskedMobile();
}
