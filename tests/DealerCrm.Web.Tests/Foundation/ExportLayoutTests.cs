using System.Net;
using ClosedXML.Excel;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.FollowUps;
using DealerCrm.Web.Tests.Infrastructure;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// The .xlsx files open cleanly: columns as wide as what they hold (times never show ####), long
/// text capped and wrapped, rates as percentages, a filter on every table, the header row on every
/// printed page and wide tables in landscape. Checked on the shared writer and on the two exports.
/// </summary>
public sealed class ExportLayoutTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public void The_writer_sizes_columns_to_their_content_wraps_long_text_and_stores_percentages_as_fractions()
    {
        var longAnswer = string.Concat(Enumerable.Repeat("客户对保养服务很满意，希望下次提前短信提醒。", 6));
        using var writer = new Spreadsheet();
        writer.AddSheet("反馈", ["时间", "日期", "客户", "回访率", "金额", "手机号码", "客户答复"],
        [
            [new DateTime(2026, 11, 23, 9, 5, 0), new DateOnly(2026, 11, 23), "张三", Spreadsheet.Percent(76.9m), 209800.50m, "138****0001", longAnswer],
            [new DateTime(2026, 11, 24, 17, 45, 0), new DateOnly(2026, 11, 24), "欧阳晓明", Spreadsheet.Percent(100m), 0m, null, "好"],
            [null, null, "王五", Spreadsheet.Percent(null), null, null, null],
        ]);
        writer.AddSheet("结果", ["结果", "数量"], [["已完成", 12]]);

        using var book = new XLWorkbook(new MemoryStream(writer.ToBytes()));
        var sheet = book.Worksheet("反馈");

        // "yyyy-mm-dd hh:mm" is 16 characters: anything narrower shows ####.
        Assert.InRange(sheet.Column(1).Width, 17, 20);
        Assert.Equal(Spreadsheet.DateTimeFormat, sheet.Cell(2, 1).Style.DateFormat.Format);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 1).DataType);
        Assert.InRange(sheet.Column(2).Width, 11, 14);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 2).DataType);
        // Four Chinese characters are about eight units; the header with its filter button sets the minimum.
        Assert.InRange(sheet.Column(3).Width, 9, 12);
        Assert.False(sheet.Column(3).Style.Alignment.WrapText);

        Assert.Equal(XLDataType.Number, sheet.Cell(2, 4).DataType);
        Assert.Equal(0.769, sheet.Cell(2, 4).GetDouble(), 6);
        Assert.Equal(1.0, sheet.Cell(3, 4).GetDouble(), 6);
        Assert.Equal(Spreadsheet.PercentFormat, sheet.Cell(2, 4).Style.NumberFormat.Format);
        Assert.True(sheet.Cell(4, 4).IsEmpty());

        Assert.Equal(Spreadsheet.MoneyFormat, sheet.Cell(2, 5).Style.NumberFormat.Format);
        Assert.InRange(sheet.Column(5).Width, "209,800.50".Length, 14);
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 6).DataType);

        // The long answer: capped, wrapped, read from the top of its row.
        Assert.Equal(Spreadsheet.MaxColumnWidth, sheet.Column(7).Width);
        Assert.True(sheet.Cell(2, 7).Style.Alignment.WrapText);
        Assert.Equal(XLAlignmentVerticalValues.Top, sheet.Cell(2, 7).Style.Alignment.Vertical);

        // A filter over the whole table, the header frozen and repeated on each printed page, wide: landscape.
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:G4", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal((1, 1), (sheet.PageSetup.FirstRowToRepeatAtTop, sheet.PageSetup.LastRowToRepeatAtTop));
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Equal((1, 0), (sheet.PageSetup.PagesWide, sheet.PageSetup.PagesTall));

        var narrow = book.Worksheet("结果");
        Assert.Equal("A1:B2", narrow.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(XLPageOrientation.Portrait, narrow.PageSetup.PageOrientation);
        Assert.Equal(XLDataType.Number, narrow.Cell(2, 2).DataType);
    }

    [Fact]
    public async Task The_weekly_report_stores_rates_as_percentages_and_every_sheet_has_a_filter_and_print_titles()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var monday = FollowUpStats.WeekStart(factory.Clock.Today.AddDays(-7));

        using var export = await manager.GetAsync($"/FollowUps/Report?handler=Export&week={monday:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        foreach (var sheet in book.Worksheets)
        {
            var lastColumn = sheet.Row(1).LastCellUsed().Address.ColumnNumber;
            Assert.True(sheet.AutoFilter.IsEnabled, sheet.Name);
            Assert.Equal($"A1:{XLHelper.GetColumnLetterFromNumber(lastColumn)}{Math.Max(1, sheet.LastRowUsed().RowNumber())}", sheet.AutoFilter.Range.RangeAddress.ToString());
            Assert.Equal(1, sheet.PageSetup.FirstRowToRepeatAtTop);
            Assert.All(Enumerable.Range(1, lastColumn), c => Assert.InRange(sheet.Column(c).Width, Spreadsheet.MinColumnWidth, Spreadsheet.MaxColumnWidth));
        }

        var summary = book.Worksheet("回访汇总");
        var rates = summary.RowsUsed().Skip(1).SelectMany(r => new[] { r.Cell(5), r.Cell(6) }).Where(c => !c.IsEmpty()).ToList();
        Assert.NotEmpty(rates);
        Assert.All(rates, c =>
        {
            Assert.Equal(XLDataType.Number, c.DataType);
            Assert.InRange(c.GetDouble(), 0, 1);
            Assert.Equal("0.0%", c.Style.NumberFormat.Format);
        });
        // The first row's rate is done / due of that row, as a fraction.
        var first = summary.Row(2);
        var due = first.Cell(3).GetDouble();
        Assert.Equal(Math.Round(first.Cell(4).GetDouble() / due, 3), Math.Round(first.Cell(5).GetDouble(), 3));

        // Feedback: the time column fits a full date and time, the answers wrap at the cap when long.
        var feedback = book.Worksheet("客户反馈");
        Assert.True(feedback.LastRowUsed().RowNumber() > 1);
        Assert.True(feedback.Column(1).Width >= Spreadsheet.DateTimeFormat.Length + 1);
        Assert.Equal(XLDataType.DateTime, feedback.Cell(2, 1).DataType);
        var answers = feedback.Column(5);
        var longest = feedback.RowsUsed().Skip(1).Max(r => Spreadsheet.DisplayWidth(r.Cell(5).GetString()));
        Assert.Equal(longest + 2 > Spreadsheet.MaxColumnWidth, answers.Style.Alignment.WrapText);
        Assert.True(answers.Width >= Math.Min(longest, Spreadsheet.MaxColumnWidth));
    }

    [Fact]
    public async Task The_customer_export_has_typed_dates_a_filter_print_titles_and_prints_landscape()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);

        using var export = await manager.GetAsync("/Customers/Export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheet(1);
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        var rows = sheet.LastRowUsed().RowNumber();
        Assert.True(rows > 10);
        Assert.Equal($"A1:L{rows}", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal((1, 1), (sheet.PageSetup.FirstRowToRepeatAtTop, sheet.PageSetup.LastRowToRepeatAtTop));
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);

        var opened = headers.IndexOf("建档日期") + 1;
        Assert.True(opened > 0, string.Join(",", headers));
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, opened).DataType);
        Assert.True(sheet.Column(opened).Width >= Spreadsheet.DateFormat.Length + 1);

        // Every column is at least as wide as its widest value (up to the cap).
        for (var c = 1; c <= headers.Count; c++)
        {
            var column = sheet.Column(c);
            var widest = sheet.Range(2, c, rows, c).CellsUsed().Where(x => x.DataType == XLDataType.Text)
                .Select(x => Spreadsheet.DisplayWidth(x.GetString())).DefaultIfEmpty(0).Max();
            Assert.True(column.Width >= Math.Min(widest, Spreadsheet.MaxColumnWidth), $"{headers[c - 1]}: {column.Width} < {widest}");
        }
    }
}
