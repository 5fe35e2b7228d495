using System.Globalization;
using System.Text;
using System.Text.Unicode;
using ClosedXML.Excel;
using CsvHelper;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>One data row of an uploaded sheet: its line number and its cells by column.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<ImportColumn, string> Cells)
{
    public string this[ImportColumn column] => Cells.TryGetValue(column, out var value) ? value : "";
}

public enum ImportColumn
{
    Kind,
    Name,
    Gender,
    Mobile,
    OtherPhones,
    Birthday,
    Address,
    Occupation,
    ContactPerson,
    Source,
    Vin,
    Plate,
    Brand,
    Model,
    Color,
    WarrantyExpiry,
    InsuranceExpiry,
}

/// <summary>
/// Reads a customer sheet from .xlsx or .csv. Columns are recognised by their header (the
/// template's Chinese headers, or English ones), in any order. A CSV may be UTF-8 or GB18030,
/// as Excel in China saves it.
/// </summary>
public static class ImportFile
{
    /// <summary>The template's headers, in order.</summary>
    public static IReadOnlyList<(ImportColumn Column, string Header)> TemplateHeaders { get; } =
    [
        (ImportColumn.Kind, "客户类型"), (ImportColumn.Name, "姓名/公司名称"), (ImportColumn.Gender, "性别"),
        (ImportColumn.Mobile, "手机号码"), (ImportColumn.OtherPhones, "其他电话"), (ImportColumn.Birthday, "生日"),
        (ImportColumn.Address, "地址"), (ImportColumn.Occupation, "职业"), (ImportColumn.ContactPerson, "关键联系人"),
        (ImportColumn.Source, "客户来源"), (ImportColumn.Vin, "车架号VIN"), (ImportColumn.Plate, "车牌号"),
        (ImportColumn.Brand, "品牌"), (ImportColumn.Model, "车型"), (ImportColumn.Color, "颜色"),
        (ImportColumn.WarrantyExpiry, "保修到期"), (ImportColumn.InsuranceExpiry, "保险到期"),
    ];

    private static readonly Dictionary<string, ImportColumn> Aliases = BuildAliases();

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".csv";

    /// <summary>The rows of the file, or the columns it lacks (name and mobile are required).</summary>
    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> MissingColumns) Read(Stream content, string fileName)
    {
        var table = Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(content) : ReadXlsx(content);
        if (table.Count == 0)
        {
            return ([], [Header(ImportColumn.Name), Header(ImportColumn.Mobile)]);
        }

        var columns = table[0].Select(h => Aliases.TryGetValue(Key(h), out var c) ? c : (ImportColumn?)null).ToList();
        var missing = new[] { ImportColumn.Name, ImportColumn.Mobile }.Where(c => !columns.Contains(c)).Select(Header).ToList();
        var rows = new List<ImportRow>();
        for (var r = 1; r < table.Count; r++)
        {
            var cells = new Dictionary<ImportColumn, string>();
            for (var c = 0; c < columns.Count && c < table[r].Count; c++)
            {
                if (columns[c] is { } column && !string.IsNullOrWhiteSpace(table[r][c]))
                {
                    cells[column] = table[r][c].Trim();
                }
            }

            if (cells.Count > 0)
            {
                rows.Add(new ImportRow(r + 1, cells));
            }
        }

        return (rows, missing);
    }

    public static byte[] Template()
    {
        using var book = new Infrastructure.Spreadsheets.Spreadsheet();
        book.AddSheet("客户导入", TemplateHeaders.Select(h => h.Header).ToList(),
        [
            ["个人", "王伟", "男", "13812345678", "020-88886666", "1985-06-18", "广州市天河区体育西路1号", "工程师", "", "到店", "LVGBE40K8KG000001", "粤A12345", "丰田", "凯美瑞", "珍珠白", "2029-06-30", "2026-12-31"],
            ["公司", "广州顺达物流有限公司", "", "13922223333", "", "", "广州市白云区机场路88号", "", "陈晓东", "转介绍", "", "", "", "", "", "", ""],
        ]);
        return book.ToBytes();
    }

    private static string Header(ImportColumn column) => TemplateHeaders.Single(h => h.Column == column).Header;

    private static string Key(string header) => new string(header.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('*' or '（' or '）' or '(' or ')')).ToArray()).ToUpperInvariant();

    private static Dictionary<string, ImportColumn> BuildAliases()
    {
        var aliases = TemplateHeaders.ToDictionary(h => Key(h.Header), h => h.Column);
        foreach (var (alias, column) in new (string, ImportColumn)[]
        {
            ("类型", ImportColumn.Kind), ("TYPE", ImportColumn.Kind), ("姓名", ImportColumn.Name), ("客户姓名", ImportColumn.Name),
            ("公司名称", ImportColumn.Name), ("NAME", ImportColumn.Name), ("GENDER", ImportColumn.Gender), ("手机", ImportColumn.Mobile),
            ("手机号", ImportColumn.Mobile), ("MOBILE", ImportColumn.Mobile), ("电话", ImportColumn.OtherPhones), ("PHONE", ImportColumn.OtherPhones),
            ("BIRTHDAY", ImportColumn.Birthday), ("出生日期", ImportColumn.Birthday), ("ADDRESS", ImportColumn.Address),
            ("关键人", ImportColumn.ContactPerson), ("联系人", ImportColumn.ContactPerson), ("来源", ImportColumn.Source),
            ("车架号", ImportColumn.Vin), ("VIN", ImportColumn.Vin), ("车牌", ImportColumn.Plate), ("PLATE", ImportColumn.Plate),
            ("BRAND", ImportColumn.Brand), ("MODEL", ImportColumn.Model), ("COLOR", ImportColumn.Color), ("保修到期日", ImportColumn.WarrantyExpiry),
            ("保险到期日", ImportColumn.InsuranceExpiry),
        })
        {
            aliases.TryAdd(Key(alias), column);
        }

        return aliases;
    }

    private static List<List<string>> ReadXlsx(Stream content)
    {
        using var book = OpenWorkbook(content);
        var sheet = book.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null)
        {
            return [];
        }

        return used.Rows().Select(row => row.Cells(1, used.ColumnCount()).Select(CellText).ToList()).ToList();
    }

    private static XLWorkbook OpenWorkbook(Stream content)
    {
        try
        {
            return new XLWorkbook(content);
        }
        catch (Exception e) when (e is TypeInitializationException or PlatformNotSupportedException)
        {
            // ClosedXML 0.95 loads pictures with System.Drawing, which has no Linux support since .NET 7.
            throw new SheetWithPicturesException(e);
        }
    }

    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    private static List<List<string>> ReadCsv(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var options = CsvOptions with { Encoding = DetectEncoding(bytes) };
        var rows = new List<List<string>>();
        using var reader = CsvReader.Create(bytes, options);
        while (reader.Read())
        {
            var row = new List<string>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Add(reader.GetString(i) ?? "");
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// RFC 4180 with a comma, as Excel in China saves it. The header is ours to match (aliases),
    /// and empty lines stay records so that a row's number is the one Excel shows for it.
    /// </summary>
    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = false,
    };

    /// <summary>
    /// UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as they are; bytes that are
    /// not UTF-8 are taken for GB18030, the encoding Excel in China saves "CSV (comma delimited)" in.
    /// </summary>
    private static Encoding? DetectEncoding(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] || Utf8.IsValid(bytes))
        {
            return null;
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}

/// <summary>The workbook holds pictures, which this server cannot load; the user removes them or saves as CSV.</summary>
public sealed class SheetWithPicturesException(Exception inner)
    : Exception("The workbook holds pictures, which cannot be loaded on this server.", inner);
