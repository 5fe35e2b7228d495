using System.Text;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;

namespace DealerCrm.Web.Tests.Customers;

public sealed partial class ImportTests
{
    [Fact]
    public async Task Implausible_dates_in_the_sheet_are_refused_per_row()
    {
        var vin = CustomerTestData.NewVin();
        var csv = string.Join("\n",
            Header,
            $"个人,日期一,男,{CustomerTestData.NewMobile()},,1899-12-31,,,,,,,,",
            $"个人,日期二,女,{CustomerTestData.NewMobile()},,,,,{vin},,丰田,凯美瑞,,9999-12-31",
            $"个人,日期三,女,{CustomerTestData.NewMobile()},,0001-01-01,,,,,,,,") + "\n";
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        var rows = PreviewRows(await director.GetHtmlAsync(await UploadAsync(director, Encoding.UTF8.GetBytes(csv), "日期.csv")));

        Assert.Contains("生日“1899-12-31”不在 1900 年至 2100 年之间。", rows[2]);
        Assert.Contains("“9999-12-31”不在 1990 年至 2100 年之间。", rows[3]);
        Assert.Contains("生日“0001-01-01”不在 1900 年至 2100 年之间。", rows[4]);
    }
}
