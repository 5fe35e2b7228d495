using System.Globalization;
using ClosedXML.Excel;

namespace DealerCrm.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Writes .xlsx workbooks that open cleanly: one sheet a table with a bold frozen header row and
/// an autofilter, columns sized to their content (measured here: ClosedXML's auto-fit needs
/// System.Drawing, absent on Linux servers) with a cap beyond which long text wraps, and a
/// print setup that repeats the header row on every page, fits the width to the paper and turns
/// wide tables to landscape.
/// </summary>
public sealed class Spreadsheet : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Widest a column grows (in Excel's character units); longer text wraps within it.</summary>
    public const double MaxColumnWidth = 60;

    /// <summary>Narrowest column, so a short header with empty cells stays clickable for the filter.</summary>
    public const double MinColumnWidth = 8;

    /// <summary>Total width (character units) above which a sheet prints in landscape.</summary>
    public const double PortraitWidth = 90;

    public const string DateFormat = "yyyy-mm-dd";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    public const string MoneyFormat = "#,##0.00";
    public const string PercentFormat = "0.0%";

    // Padding for the autofilter's drop-down button beside the header and the cell margins.
    private const double HeaderPadding = 4;
    private const double CellPadding = 2;

    private readonly XLWorkbook _workbook = new();

    /// <summary>Excel's limits for a sheet's name: 31 characters, none of []:*?/\, unique in the book.</summary>
    private string SheetName(string title)
    {
        var clean = new string(title.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim();
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; _workbook.Worksheets.Contains(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }

    /// <summary>A percentage held as a percent number (76.9): written as the fraction 0.769 with a percent format.</summary>
    public static Percentage? Percent(decimal? percent) => percent is { } value ? new Percentage(value / 100m) : null;

    public Spreadsheet AddSheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sheet = _workbook.Worksheets.Add(SheetName(name));
        var widths = new double[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            widths[c] = DisplayWidth(headers[c]) + HeaderPadding;
        }

        if (headers.Count > 0)
        {
            // Set on the columns before the rows are written, so every cell inherits it (one style, not one per cell).
            sheet.Columns(1, headers.Count).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count && c < headers.Count; c++)
            {
                widths[c] = Math.Max(widths[c], SetCell(sheet.Cell(r, c + 1), row[c]) + CellPadding);
            }

            r++;
        }

        var lastRow = Math.Max(1, r - 1);
        var total = 0d;
        for (var c = 0; c < headers.Count; c++)
        {
            var column = sheet.Column(c + 1);
            column.Width = Math.Clamp(widths[c], MinColumnWidth, MaxColumnWidth);
            total += column.Width;
            if (widths[c] > MaxColumnWidth)
            {
                // Capped: the text wraps inside the column and the row grows, top-aligned to read down the sheet.
                column.Style.Alignment.WrapText = true;
            }
        }

        if (headers.Count > 0)
        {
            sheet.Range(1, 1, lastRow, headers.Count).SetAutoFilter();
        }

        var print = sheet.PageSetup;
        print.PaperSize = XLPaperSize.A4Paper;
        print.SetRowsToRepeatAtTop(1, 1);
        print.PageOrientation = total > PortraitWidth ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        print.FitToPages(1, 0);
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public void Dispose() => _workbook.Dispose();

    /// <summary>Writes the value with its type and format; returns the width it needs as shown.</summary>
    private static double SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case DateOnly date:
                cell.Value = date.ToDateTime(TimeOnly.MinValue);
                cell.Style.DateFormat.Format = DateFormat;
                return DateFormat.Length;
            case DateTime dateTime:
                cell.Value = dateTime;
                cell.Style.DateFormat.Format = DateTimeFormat;
                return DateTimeFormat.Length;
            case decimal number:
                cell.Value = number;
                cell.Style.NumberFormat.Format = MoneyFormat;
                return number.ToString("#,##0.00", CultureInfo.InvariantCulture).Length;
            case Percentage percentage:
                cell.Value = percentage.Fraction;
                cell.Style.NumberFormat.Format = PercentFormat;
                return percentage.Fraction.ToString("0.0%", CultureInfo.InvariantCulture).Length;
            case int number:
                cell.Value = number;
                return number.ToString(CultureInfo.InvariantCulture).Length;
            case long number:
                cell.Value = number;
                return number.ToString(CultureInfo.InvariantCulture).Length;
            default:
                // Text stays text: phone numbers and VINs must not turn into numbers.
                var text = value.ToString() ?? "";
                cell.SetValue(text);
                cell.DataType = XLDataType.Text;
                return DisplayWidth(text);
        }
    }

    /// <summary>
    /// Width of text in Excel's character units (the width of "0" in the default font): a Chinese
    /// or other full-width character takes two, the widest line of several lines counts.
    /// </summary>
    public static double DisplayWidth(string text)
    {
        var widest = 0d;
        foreach (var line in text.Split('\n'))
        {
            var width = 0d;
            foreach (var ch in line)
            {
                width += IsWide(ch) ? 2 : 1.1;
            }

            widest = Math.Max(widest, width);
        }

        return widest;
    }

    private static bool IsWide(char ch) =>
        ch is >= '\u1100' and <= '\u115F' // Hangul Jamo
            or >= '\u2E80' and <= '\uA4CF' // CJK radicals, punctuation, kana, ideographs, Yi
            or >= '\uAC00' and <= '\uD7A3' // Hangul syllables
            or >= '\uF900' and <= '\uFAFF' // CJK compatibility ideographs
            or >= '\uFE30' and <= '\uFE4F' // CJK compatibility forms
            or >= '\uFF00' and <= '\uFF60' // full-width forms
            or >= '\uFFE0' and <= '\uFFE6';
}

/// <summary>A fraction (0.769) to be shown as a percentage (76.9%).</summary>
public readonly record struct Percentage(decimal Fraction);
