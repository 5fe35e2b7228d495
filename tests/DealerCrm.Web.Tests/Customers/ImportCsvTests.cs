using System.Text;
using DealerCrm.Web.Pages.Customers.Import;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>Reading the CSV of an import: RFC 4180 quoting, the encodings Excel writes, row numbers as Excel shows them.</summary>
public sealed class ImportCsvTests
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public void Quoted_fields_keep_their_commas_line_breaks_and_doubled_quotes()
    {
        var csv = "姓名/公司名称,手机号码,地址,车型\r\n"
            + "王伟,13812345678,\"广州市天河区体育西路1号, 天河城\",凯美瑞\r\n"
            + "李娜,13912345678,\"广州市越秀区\r\n中山五路2号\",\"雷凌 \"\"双擎\"\"\"\r\n"
            + "张强,13712345678,广州,威兰达\r\n";

        var (rows, missing) = ImportFile.Read(new MemoryStream(Utf8.GetBytes(csv)), "quoted.csv");

        Assert.Empty(missing);
        Assert.Equal([2, 3, 4], rows.Select(r => r.Line));
        Assert.Equal("广州市天河区体育西路1号, 天河城", rows[0][ImportColumn.Address]);
        Assert.Equal("广州市越秀区\r\n中山五路2号", rows[1][ImportColumn.Address]);
        Assert.Equal("雷凌 \"双擎\"", rows[1][ImportColumn.Model]);
        Assert.Equal(("张强", "13712345678", "威兰达"), (rows[2][ImportColumn.Name], rows[2][ImportColumn.Mobile], rows[2][ImportColumn.Model]));
    }

    [Fact]
    public void A_byte_order_mark_blank_lines_and_padded_cells_change_nothing_but_the_row_numbers_Excel_shows()
    {
        var csv = "\uFEFF 姓名 ,手机号码\n王伟 , 13812345678\n\n李娜,13912345678";

        var (rows, missing) = ImportFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "bom.csv");

        Assert.Empty(missing);
        Assert.Equal([(2, "王伟", "13812345678"), (4, "李娜", "13912345678")], rows.Select(r => (r.Line, r[ImportColumn.Name], r[ImportColumn.Mobile])));
    }

    /// <summary>The old reader opened a quoted field at any quote, so an inch mark swallowed the rest of the file.</summary>
    [Fact]
    public void A_stray_quote_inside_a_cell_is_text_and_does_not_swallow_the_rows_after_it()
    {
        var csv = "姓名,手机号码,车型,颜色\n王伟,13812345678,凯美瑞 18\"轮毂版,白色\n李娜,13912345678,雷凌,红色\n";

        var (rows, _) = ImportFile.Read(new MemoryStream(Utf8.GetBytes(csv)), "inch.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(("凯美瑞 18\"轮毂版", "白色"), (rows[0][ImportColumn.Model], rows[0][ImportColumn.Color]));
        Assert.Equal(("李娜", "13912345678", "红色"), (rows[1][ImportColumn.Name], rows[1][ImportColumn.Mobile], rows[1][ImportColumn.Color]));
    }

    /// <summary>The old reader took every file that was not UTF-8 for GB18030, so UTF-16 ("Unicode") files came out garbled.</summary>
    [Fact]
    public void A_utf16_file_with_its_byte_order_mark_is_read_as_utf16()
    {
        var csv = "姓名/公司名称,手机号码,地址\r\n王伟,13812345678,广州市天河区\r\n";

        var (rows, missing) = ImportFile.Read(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(csv)).ToArray()), "unicode.csv");

        Assert.Empty(missing);
        Assert.Equal(("王伟", "13812345678", "广州市天河区"), (rows.Single()[ImportColumn.Name], rows.Single()[ImportColumn.Mobile], rows.Single()[ImportColumn.Address]));
    }

    [Fact]
    public void A_gb18030_file_with_quoted_cells_reads_like_its_utf8_twin()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "姓名/公司名称,手机号码,地址\r\n\"王伟\",13812345678,\"广州市天河区, 体育西路\"\r\n";

        var (rows, missing) = ImportFile.Read(new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(csv)), "gb.csv");

        Assert.Empty(missing);
        Assert.Equal(("王伟", "广州市天河区, 体育西路"), (rows.Single()[ImportColumn.Name], rows.Single()[ImportColumn.Address]));
    }
}
