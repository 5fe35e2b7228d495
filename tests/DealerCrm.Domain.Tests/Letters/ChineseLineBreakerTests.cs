using DealerCrm.Domain.Letters;

namespace DealerCrm.Domain.Tests.Letters;

public sealed class ChineseLineBreakerTests
{
    // A fixed-width measure: a CJK character or full-width mark is 1 wide, Latin and ASCII 0.5.
    private static float Measure(string text) => text.Sum(c => c < 0x2E80 ? 0.5f : 1f);

    private static List<string> Break(string paragraph, float width, float indent = 0f) =>
        ChineseLineBreaker.Break(paragraph, Measure, width, indent).Select(l => l.Text).ToList();

    private static string WithoutSpaces(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal);

    private const string PunctuationHeavy =
        "尊敬的客户，您好！感谢您选择《华南之星》。您的爱车（比亚迪汉）已于今日交付，“祝贺您”！"
        + "请注意：首保里程为5000公里；首保日期为2027年5月23日……如有疑问，请致电（020-8888-6666）。"
        + "我们的服务：保养、维修、救援、保险、美容、二手车置换、精品加装，应有尽有！欢迎光临「客户休息区」『品茶』。";

    [Fact]
    public void A_line_may_break_between_any_two_CJK_characters()
    {
        var lines = ChineseLineBreaker.Break("一二三四五六七八九十", Measure, 4f);

        Assert.Equal(["一二三四", "五六七八", "九十"], lines.Select(l => l.Text));
        Assert.Equal([false, false, true], lines.Select(l => l.IsLastOfParagraph));
    }

    [Theory]
    [InlineData('。')]
    [InlineData('，')]
    [InlineData('、')]
    [InlineData('；')]
    [InlineData('：')]
    [InlineData('？')]
    [InlineData('！')]
    [InlineData('）')]
    [InlineData('」')]
    [InlineData('』')]
    [InlineData('》')]
    [InlineData('”')]
    [InlineData('’')]
    [InlineData('％')]
    [InlineData('…')]
    [InlineData(',')]
    [InlineData('.')]
    [InlineData(';')]
    [InlineData(':')]
    [InlineData('?')]
    [InlineData('!')]
    [InlineData(')')]
    public void Closing_punctuation_never_starts_a_line(char mark)
    {
        // Without the rule the mark would fall exactly at the start of the second line.
        var lines = Break($"一二三四{mark}五六七八", 4f);

        Assert.All(lines, line => Assert.NotEqual(mark, line[0]));
        Assert.Equal($"一二三四{mark}五六七八", string.Concat(lines));
        Assert.Equal("一二三", lines[0]);
    }

    [Theory]
    [InlineData('（')]
    [InlineData('「')]
    [InlineData('『')]
    [InlineData('《')]
    [InlineData('“')]
    [InlineData('‘')]
    [InlineData('(')]
    public void Opening_punctuation_never_ends_a_line(char mark)
    {
        // Without the rule the mark would be the last character of the first line.
        var lines = Break($"一二三{mark}四五六七", 4f);

        Assert.All(lines, line => Assert.NotEqual(mark, line[^1]));
        Assert.Equal("一二三", lines[0]);
        Assert.StartsWith(mark.ToString(), lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10f)]
    [InlineData(11f)]
    [InlineData(12f)]
    [InlineData(13f)]
    [InlineData(14.5f)]
    [InlineData(17f)]
    [InlineData(19f)]
    [InlineData(23f)]
    [InlineData(29f)]
    public void A_punctuation_heavy_paragraph_keeps_every_rule_at_every_width(float width)
    {
        // From 10 wide up: the widest group the rules glue together here, （020-8888-6666）。, is 9.5.
        var lines = ChineseLineBreaker.Break(PunctuationHeavy, Measure, width);

        Assert.Equal(PunctuationHeavy, string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines, line => Assert.True(Measure(line.Text) <= width, $"'{line.Text}' is wider than {width}"));
        Assert.All(lines.Skip(1), line => Assert.DoesNotContain(line.Text[0], ChineseLineBreaker.NoLineStart));
        Assert.All(lines.SkipLast(1), line => Assert.DoesNotContain(line.Text[^1], ChineseLineBreaker.NoLineEnd));
    }

    [Theory]
    [InlineData("粤A12345")]
    [InlineData("粤B·D12345")]
    [InlineData("020-8888-6666")]
    [InlineData("13800138000")]
    [InlineData("2026")]
    [InlineData("5000")]
    [InlineData("128,800.00")]
    [InlineData("Model Y")]
    [InlineData("LSVAU2180N2183294")]
    [InlineData("wu.tingting@example.com")]
    public void Latin_runs_numbers_plates_and_phones_are_never_split(string run)
    {
        var paragraph = $"您的新车{run}已于2026年11月23日交付，车牌粤A12345，请致电020-8888-6666或13800138000预约首保（5000公里），车型Model Y，发票金额128,800.00元，车架号LSVAU2180N2183294，邮箱wu.tingting@example.com。";

        for (var width = Math.Max(6f, Measure(run)); width <= 30f; width += 0.5f)
        {
            var lines = Break(paragraph, width);

            Assert.Equal(WithoutSpaces(paragraph), WithoutSpaces(string.Concat(lines)));
            var occurrences = CountOccurrences(paragraph, run);
            Assert.Equal(occurrences, lines.Sum(line => CountOccurrences(line, run)));
        }
    }

    [Fact]
    public void Digits_of_a_date_stay_together_but_the_date_may_break_between_its_parts()
    {
        var lines = Break("交车日期为2026年11月23日", 7f);

        Assert.Equal(["交车日期为2026", "年11月23日"], lines);
    }

    [Fact]
    public void Spaces_between_Latin_words_are_break_opportunities_and_are_dropped_at_the_break()
    {
        var lines = Break("Thank you for choosing us", 7f);

        Assert.Equal(["Thank you for", "choosing us"], lines);
    }

    [Fact]
    public void A_short_word_after_a_space_stays_with_the_word_before_it()
    {
        // "Model Y" is one name: the line breaks before "Model", not between "Model" and "Y".
        var lines = Break("恭喜您喜提爱车Model Y长续航版", 10f);

        Assert.Equal(["恭喜您喜提爱车", "Model Y长续航版"], lines);
    }

    [Fact]
    public void A_run_longer_than_a_line_is_cut_where_the_line_is_full()
    {
        var lines = Break("车架号LSVAU2180N2183294", 5f);

        Assert.Equal(["车架号LSVA", "U2180N2183", "294"], lines);
        Assert.All(lines, line => Assert.True(Measure(line) <= 5f));
    }

    [Fact]
    public void A_group_glued_by_the_rules_that_cannot_fit_is_broken_rather_than_overflow()
    {
        // Opening quote, a character and four closing marks: 6 wide, never fits a 3-wide line.
        var lines = Break("好“啊”。）》！", 3f);

        Assert.Equal("好“啊”。）》！", string.Concat(lines));
        Assert.All(lines, line => Assert.True(Measure(line) <= 3f));
    }

    [Fact]
    public void The_first_line_is_narrower_by_the_indent()
    {
        var lines = Break("一二三四五六七八九十", 6f, indent: 2f);

        Assert.Equal(["一二三四", "五六七八九十"], lines);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\u3000")]
    public void An_empty_paragraph_has_no_lines(string paragraph) =>
        Assert.Empty(ChineseLineBreaker.Break(paragraph, Measure, 10f));

    [Fact]
    public void A_paragraph_that_fits_is_one_last_line()
    {
        var line = Assert.Single(ChineseLineBreaker.Break("感谢您的信任！", Measure, 10f));

        Assert.True(line.IsLastOfParagraph);
        Assert.Equal(["感", "谢", "您", "的", "信", "任", "！"], line.Segments);
    }

    [Fact]
    public void Segments_are_characters_words_and_spaces()
    {
        var line = Assert.Single(ChineseLineBreaker.Break("致电020-8888-6666 Model Y", Measure, 40f));

        Assert.Equal(["致", "电", "020-8888-6666", " ", "Model", " ", "Y"], line.Segments);
    }

    [Fact]
    public void Every_line_fits_and_no_text_is_lost_for_many_widths_and_texts()
    {
        const string Pool = "感谢您选择我们的爱车，。！？（）《》“”、ABCxyz0123456789 -:.·…粤";
        var random = new Random(20261123);
        for (var sample = 0; sample < 300; sample++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 120)).Select(_ => Pool[random.Next(Pool.Length)]).ToArray());
            var width = random.Next(2, 30);

            var lines = ChineseLineBreaker.Break(text, Measure, width);

            Assert.Equal(WithoutSpaces(text), WithoutSpaces(string.Concat(lines.Select(l => l.Text))));
            Assert.All(lines, line => Assert.True(Measure(line.Text) <= width || line.Segments.Count == 1, $"'{line.Text}' is wider than {width}"));
            Assert.All(lines, line => Assert.False(line.Text.StartsWith(' ') || line.Text.EndsWith(' ')));
            Assert.Equal(lines.Count > 0 ? 1 : 0, lines.Count(l => l.IsLastOfParagraph));
        }
    }

    [Fact]
    public void The_measure_is_asked_about_each_distinct_piece_once()
    {
        var asked = new List<string>();
        ChineseLineBreaker.Break("谢谢谢谢谢谢谢谢", text => { asked.Add(text); return Measure(text); }, 3f);

        Assert.Equal(["谢"], asked);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
