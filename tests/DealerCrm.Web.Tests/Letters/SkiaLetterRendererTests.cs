using System.Text;
using System.Text.RegularExpressions;
using DealerCrm.Domain.Letters;
using DealerCrm.Infrastructure.Letters;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DealerCrm.Web.Tests.Letters;

/// <summary>One renderer for all tests, as the site holds one (a singleton).</summary>
public sealed class RendererFixture : IDisposable
{
    public SkiaLetterRenderer Renderer { get; } = new();

    public void Dispose() => Renderer.Dispose();
}

public sealed partial class SkiaLetterRendererTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;

    private readonly SkiaLetterRenderer _renderer = fixture.Renderer;

    [Fact]
    public void A_letter_is_one_A4_page_with_the_customer_model_salesperson_and_date()
    {
        var pdf = _renderer.RenderPdf([LetterSamples.Compose(LetterSamples.WangWei)]);

        using var document = PdfDocument.Open(pdf);
        var page = Assert.Single(document.GetPages());
        Assert.InRange(page.Width, PageWidth - 1, PageWidth + 1);
        Assert.InRange(page.Height, PageHeight - 1, PageHeight + 1);
        var text = page.Text;
        Assert.Contains("尊敬的王先生：", text, StringComparison.Ordinal);
        Assert.Contains("比亚迪", text, StringComparison.Ordinal);
        Assert.Contains("吴婷婷", text, StringComparison.Ordinal);
        Assert.Contains("138-2233-4455", text, StringComparison.Ordinal);
        Assert.Contains("2026年11月23日", text, StringComparison.Ordinal);
        Assert.Contains("华南之星汽车销售服务有限公司", text, StringComparison.Ordinal);
        Assert.Contains("5000公里", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_salesperson_signs_on_a_line_under_their_name_and_the_company_seal_has_room_over_name_and_date()
    {
        foreach (var (name, letter) in LetterSamples.FourCases())
        {
            var pdf = _renderer.RenderPdf([letter]);

            using var document = PdfDocument.Open(pdf);
            var page = Assert.Single(document.GetPages());
            var left = HalfLines(page, l => l.StartBaseLine.X < PageWidth / 2).ToList();
            var signatory = left.FindIndex(l => l.Text == $"销售顾问：{letter.Signatory!.Name}");
            Assert.True(signatory >= 0, name);
            Assert.Equal(72, left[signatory].Left, 1);
            Assert.Equal("签名：", left[signatory + 1].Text);

            // The dealership's name and the date at the right, and a blank 119-point square (a 42 mm
            // seal) at the right margin centred on them: nothing else is printed in it.
            var right = HalfLines(page, l => l.StartBaseLine.X >= PageWidth / 2).ToList();
            var date = right.FindLastIndex(l => l.Text == letter.DateLine);
            var company = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).GroupBy(l => Math.Round(l.StartBaseLine.Y))
                .Where(g => g.Key > right[date].Baseline && string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)).EndsWith(letter.Letterhead.Name, StringComparison.Ordinal))
                .Min(g => g.Key);
            Assert.InRange(company - right[date].Baseline, 15, 30);
            var middle = (company + right[date].Baseline) / 2 + 4;
            var intruders = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)
                    && l.BoundingBox.Right > PageWidth - 72 - 119 && l.BoundingBox.Top > middle - 59.5 && l.BoundingBox.Bottom < middle + 59.5
                    && Math.Round(l.StartBaseLine.Y) != company && Math.Round(l.StartBaseLine.Y) != right[date].Baseline)
                .Select(l => l.Value).ToList();
            Assert.True(intruders.Count == 0, $"{name}: {string.Concat(intruders)} in the seal's place");
        }
    }

    /// <summary>The printed lines of one side of a page, top to bottom.</summary>
    private static IEnumerable<(string Text, double Left, double Baseline)> HalfLines(Page page, Func<Letter, bool> side) =>
        page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && side(l))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => (string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)), g.Min(l => l.StartBaseLine.X), g.Key));

    [Theory]
    [InlineData("short", "尊敬的王先生：", "比亚迪")]
    [InlineData("long", "尊敬的欧阳女士：", "长续航全轮驱动版")]
    [InlineData("company", "尊敬的陈先生：", "陆上公务舱")]
    [InlineData("unknown", "尊敬的客户：", "凯美瑞")]
    public void Each_case_prints_on_one_page_with_its_salutation_and_model(string name, string salutation, string model)
    {
        var letter = LetterSamples.FourCases().Single(c => c.Name == name).Letter;

        Assert.True(_renderer.FitsOnOnePage(letter));
        using var document = PdfDocument.Open(_renderer.RenderPdf([letter]));
        var page = Assert.Single(document.GetPages());
        var text = page.Text;
        Assert.Contains(salutation, text, StringComparison.Ordinal);
        Assert.Contains(model, text, StringComparison.Ordinal);
        Assert.Contains(letter.Letterhead.Name, text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_that_share_a_glyph_with_a_radical_read_back_as_themselves()
    {
        // A whole Noto Sans SC font made Skia map 户 to ⼾, 生 to ⽣, 车 to ⻋ in the text layer.
        var letter = LetterSamples.Compose(LetterSamples.LiJia, template: "客户先生爱车，户口、生日、车辆、长城、见面、门店、龙年。");

        using var document = PdfDocument.Open(_renderer.RenderPdf([letter]));
        var text = document.GetPage(1).Text;

        Assert.Contains("客户先生爱车，户口、生日、车辆、长城、见面、门店、龙年。", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF');
    }

    [Fact]
    public void The_embedded_fonts_are_subsets_named_with_a_tag_and_the_letter_is_small()
    {
        var pdf = _renderer.RenderPdf([LetterSamples.Compose(LetterSamples.WangWei)]);

        using var document = PdfDocument.Open(pdf);
        var fontNames = document.GetPage(1).Letters.Select(l => l.FontName ?? string.Empty).Distinct().ToList();
        Assert.Equal(2, fontNames.Count);
        Assert.All(fontNames, name => Assert.Matches(SubsetFontName(), name));
        Assert.Contains(fontNames, name => name.EndsWith("NotoSansSC-Regular", StringComparison.Ordinal));
        Assert.Contains(fontNames, name => name.EndsWith("NotoSansSC-Bold", StringComparison.Ordinal));
        Assert.InRange(pdf.Length, 1, 60 * 1024);
    }

    [Fact]
    public void A_batch_has_one_page_per_letter_and_embeds_each_font_once()
    {
        var single = _renderer.RenderPdf([LetterSamples.Compose(LetterSamples.WangWei)]);
        var letters = LetterSamples.Batch(12);

        var batch = _renderer.RenderPdf(letters);

        using var document = PdfDocument.Open(batch);
        Assert.Equal(letters.Count, document.NumberOfPages);
        Assert.Equal(2, CountOccurrences(batch, "/FontFile2"));
        Assert.Equal(CountOccurrences(single, "/FontFile2"), CountOccurrences(batch, "/FontFile2"));
        Assert.True(batch.Length < single.Length * 4, $"12 letters take {batch.Length} bytes, one takes {single.Length}");
        for (var index = 0; index < letters.Count; index++)
        {
            var text = document.GetPage(index + 1).Text;
            Assert.Contains(letters[index].Salutation, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_printed_line_starts_with_closing_or_ends_with_opening_punctuation()
    {
        const string Crafted =
            "尊敬的客户，您好！感谢您选择《华南之星》。您的爱车（比亚迪汉）已于今日交付，“祝贺您”！请注意：首保里程为5000公里；首保日期为2027年5月23日……"
            + "如有疑问，请致电（020-8888-6666）。我们的服务：保养、维修、救援、保险、美容、二手车置换、精品加装，应有尽有！欢迎光临「客户休息区」『品茶』。"
            + "（一）（二）（三）。，、；：？！）」』》”’％……。，、；：？！《《《（（（“““‘‘‘车车车。。。，，，、、、）））》》》！！！";
        var template = string.Join('\n', Enumerable.Repeat(Crafted, 3));
        var letter = LetterSamples.Compose(LetterSamples.WangWei, template: template);

        using var document = PdfDocument.Open(_renderer.RenderPdf([letter]));

        var lines = document.GetPages().SelectMany(PrintedLines).ToList();
        Assert.True(lines.Count > 20, $"only {lines.Count} lines");
        var bodyLines = lines.Where(l => l.Text.Length > 8).ToList();
        Assert.All(bodyLines, line => Assert.DoesNotContain(line.Text[0], ChineseLineBreaker.NoLineStart));
        Assert.All(bodyLines, line => Assert.DoesNotContain(line.Text[^1], ChineseLineBreaker.NoLineEnd));
        Assert.All(lines, line => Assert.True(line.Right <= PageWidth - 72 + 1, $"'{line.Text}' runs to {line.Right}"));
        Assert.All(lines, line => Assert.True(line.Left >= 72 - 1, $"'{line.Text}' starts at {line.Left}"));
    }

    [Fact]
    public void Body_lines_are_justified_to_the_right_margin_except_the_last_of_a_paragraph()
    {
        var letter = LetterSamples.Compose(LetterSamples.WangWei);

        using var document = PdfDocument.Open(_renderer.RenderPdf([letter]));

        var lines = PrintedLines(document.GetPage(1)).ToList();
        var paragraphStart = lines.FindIndex(l => l.Text.StartsWith("恭喜您于", StringComparison.Ordinal));
        Assert.True(paragraphStart > 0);
        var firstLine = lines[paragraphStart];
        var lastLine = lines[paragraphStart + 1];
        Assert.InRange(firstLine.Right, PageWidth - 72 - 13, PageWidth - 72 + 1);
        Assert.True(lastLine.Right < PageWidth - 72 - 40, $"the paragraph's last line reaches {lastLine.Right}");

        // The first line is indented by two characters, the next starts at the margin.
        Assert.InRange(firstLine.Left - lastLine.Left, 24f, 26f);
    }

    [Fact]
    public void A_template_too_long_for_one_page_does_not_fit_yet_still_prints_every_word()
    {
        var paragraph = string.Concat(Enumerable.Repeat("感谢您选择我们，祝您用车愉快，出行平安。", 6));
        var template = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"第{i}段。{paragraph}")) + "\n全文完。";
        var letter = LetterSamples.Compose(LetterSamples.WangWei, template: template);

        Assert.False(_renderer.FitsOnOnePage(letter));
        Assert.True(_renderer.FitsOnOnePage(LetterSamples.Compose(LetterSamples.WangWei)));

        using var document = PdfDocument.Open(_renderer.RenderPdf([letter]));
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("第12段。", text, StringComparison.Ordinal);
        Assert.Contains("全文完。", text, StringComparison.Ordinal);
        Assert.Contains("首次保养提醒", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slightly_long_letter_is_set_smaller_to_stay_on_one_page()
    {
        // The shortest addition to the default text that no longer fits at the standard size.
        const string Sentence = "我们始终以客户满意为宗旨，用心服务每一位车主。";
        var letter = Enumerable.Range(1, 40)
            .Select(count => LetterSamples.Compose(
                LetterSamples.WangWei,
                template: LetterTemplate.DefaultThankYouTemplate + "\n" + string.Concat(Enumerable.Repeat(Sentence, count))))
            .First(candidate => !_renderer.FitsOnOnePage(candidate));

        using var document = PdfDocument.Open(_renderer.RenderPdf([letter]));

        Assert.Equal(1, document.NumberOfPages);
        Assert.Contains("首次保养提醒", document.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_is_titled_and_names_its_creator()
    {
        using var document = PdfDocument.Open(_renderer.RenderPdf([LetterSamples.Compose(LetterSamples.WangWei)]));

        Assert.Equal("感谢信", document.Information.Title);
        Assert.Equal("DealerCrm", document.Information.Creator);
    }

    [Fact]
    public void A_logo_is_printed_in_the_letterhead_and_stored_once_for_a_batch()
    {
        var head = LetterSamples.Head with { Logo = MakeLogo() };
        var letters = Enumerable.Range(0, 3).Select(_ => LetterSamples.Compose(LetterSamples.WangWei, head)).ToList();

        var pdf = _renderer.RenderPdf(letters);

        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages(), page =>
        {
            var image = Assert.Single(page.GetImages());
            Assert.InRange(image.BoundingBox.Height, 30, 45);
            Assert.True(image.BoundingBox.Left >= 71);
        });
        Assert.Equal(1, CountOccurrences(pdf, "/Subtype /Image"));
    }

    [Fact]
    public void Letters_render_in_parallel_on_one_renderer()
    {
        var letters = LetterSamples.Batch(8);
        var results = new byte[letters.Count][];

        Parallel.For(0, letters.Count, index => results[index] = _renderer.RenderPdf([letters[index]]));

        for (var index = 0; index < letters.Count; index++)
        {
            using var document = PdfDocument.Open(results[index]);
            Assert.Contains(letters[index].Salutation, document.GetPage(1).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_batch_is_refused() =>
        Assert.Throws<ArgumentException>(() => _renderer.RenderPdf([]));

    /// <summary>The printed lines of a page: its letters grouped by baseline, left to right.</summary>
    private static IEnumerable<PrintedLine> PrintedLines(Page page) =>
        page.Letters
            .Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var ordered = g.OrderBy(l => l.StartBaseLine.X).ToList();
                return new PrintedLine(
                    string.Concat(ordered.Select(l => l.Value)),
                    ordered[0].StartBaseLine.X,
                    ordered.Max(l => l.EndBaseLine.X));
            });

    private static int CountOccurrences(byte[] pdf, string value)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static byte[] MakeLogo()
    {
        using var bitmap = new SKBitmap(240, 80);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor(0x9B, 0x1C, 0x1C) };
            canvas.DrawCircle(40, 40, 32, paint);
            canvas.DrawRect(90, 20, 130, 40, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [GeneratedRegex("^[A-Z]{6}\\+")]
    private static partial Regex SubsetFontName();

    private sealed record PrintedLine(string Text, double Left, double Right);
}
