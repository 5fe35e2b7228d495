using ClosedXML.Excel;

namespace DealerCrm.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Writes simple .xlsx workbooks: one sheet a table, a bold frozen header row, fixed column
/// widths (ClosedXML's auto-fit measures text with System.Drawing, absent on Linux servers).
/// </summary>
public sealed class Spreadsheet : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly XLWorkbook _workbook = new();

    public Spreadsheet AddSheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sheet = _workbook.Worksheets.Add(name);
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Column(c + 1).Width = Math.Clamp(headers[c].Length * 2.5 + 4, 10, 40);
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                SetCell(sheet.Cell(r, c + 1), row[c]);
            }

            r++;
        }

        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public void Dispose() => _workbook.Dispose();

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateOnly date:
                cell.Value = date.ToDateTime(TimeOnly.MinValue);
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            case DateTime dateTime:
                cell.Value = dateTime;
                cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
                break;
            case decimal number:
                cell.Value = number;
                cell.Style.NumberFormat.Format = "#,##0.00";
                break;
            case int number:
                cell.Value = number;
                break;
            default:
                // Text stays text: phone numbers and VINs must not turn into numbers.
                cell.SetValue(value.ToString());
                cell.DataType = XLDataType.Text;
                break;
        }
    }
}
