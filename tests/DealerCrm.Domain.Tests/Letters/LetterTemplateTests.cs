using DealerCrm.Domain.Letters;

namespace DealerCrm.Domain.Tests.Letters;

public sealed class LetterTemplateTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        [LetterPlaceholders.CustomerName] = "王伟",
        [LetterPlaceholders.Addressee] = "王先生",
        [LetterPlaceholders.VehicleModel] = "比亚迪 汉 EV",
        [LetterPlaceholders.DeliveryDate] = "2026年11月23日",
        [LetterPlaceholders.Salesperson] = "吴婷婷",
        [LetterPlaceholders.SalespersonPhone] = "138-2233-4455",
        [LetterPlaceholders.ServiceHotline] = "020-8888-6666",
        [LetterPlaceholders.FirstMaintenanceDate] = "2027年5月23日",
        [LetterPlaceholders.FirstMaintenanceMileage] = "5000公里",
    };

    [Fact]
    public void The_default_template_is_valid_and_uses_every_placeholder_but_the_addressee()
    {
        Assert.Empty(LetterTemplate.Validate(LetterTemplate.DefaultThankYouTemplate));
        foreach (var placeholder in LetterPlaceholders.All.Where(p => p.Token != LetterPlaceholders.Addressee && p.Token != LetterPlaceholders.CustomerName))
        {
            Assert.Contains(placeholder.Token, LetterTemplate.DefaultThankYouTemplate, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_default_template_uses_full_width_punctuation_only()
    {
        Assert.DoesNotContain(LetterTemplate.DefaultThankYouTemplate, c => c is ',' or '.' or ';' or ':' or '!' or '?' or '(' or ')');
    }

    [Fact]
    public void Every_known_placeholder_is_valid()
    {
        var text = string.Join("，", LetterPlaceholders.All.Select(p => p.Token));

        Assert.Empty(LetterTemplate.Validate(text));
    }

    [Fact]
    public void Unknown_placeholders_are_reported_as_written_once_each()
    {
        var problems = LetterTemplate.Validate("您好{客户名}，您的{车型}已交付。{客户名}，{VIN}欢迎{ 车牌 }");

        Assert.Equal(["{客户名}", "{VIN}", "{ 车牌 }"], problems);
    }

    [Theory]
    [InlineData("恭喜您喜提{车型！", "{车型！")]
    [InlineData("恭喜您喜提车型}！", "}")]
    [InlineData("恭喜{您{车型}", "{您")]
    [InlineData("恭喜您{\n喜提{车型}", "{")]
    [InlineData("结尾{", "{")]
    public void Unbalanced_braces_are_reported(string text, string expected) =>
        Assert.Contains(expected, LetterTemplate.Validate(text));

    [Fact]
    public void An_unclosed_placeholder_is_quoted_briefly()
    {
        var problem = Assert.Single(LetterTemplate.Validate("恭喜您{这是一段很长很长很长很长很长很长的文字没有右括号"));

        Assert.True(problem.Length <= 12, problem);
        Assert.StartsWith("{这是", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_width_braces_from_a_Chinese_input_method_count_as_braces()
    {
        Assert.Empty(LetterTemplate.Validate("恭喜您喜提｛车型｝！"));
        Assert.Equal("恭喜您喜提比亚迪 汉 EV！", new LetterTemplate("恭喜您喜提｛车型｝！").Fill(Values));
        Assert.Equal(["｛车牌｝"], LetterTemplate.Validate("｛车牌｝"));
    }

    [Fact]
    public void Fill_replaces_every_placeholder_and_leaves_no_brace()
    {
        var filled = LetterTemplate.Default.Fill(Values);

        Assert.DoesNotContain('{', filled);
        Assert.DoesNotContain('}', filled);
        Assert.Contains("2026年11月23日喜提爱车比亚迪 汉 EV！", filled, StringComparison.Ordinal);
        Assert.Contains("销售顾问吴婷婷", filled, StringComparison.Ordinal);
        Assert.Contains("138-2233-4455", filled, StringComparison.Ordinal);
        Assert.Contains("服务热线020-8888-6666", filled, StringComparison.Ordinal);
        Assert.Contains("2027年5月23日之前", filled, StringComparison.Ordinal);
        Assert.Contains("达到5000公里时", filled, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_tolerates_spaces_inside_the_braces_and_repeats()
    {
        var filled = new LetterTemplate("{ 客户姓名 }，{客户姓名}").Fill(Values);

        Assert.Equal("王伟，王伟", filled);
    }

    [Fact]
    public void A_placeholder_without_a_value_becomes_empty_text_not_its_token()
    {
        var filled = new LetterTemplate("您的{车型}，{首保日期}").Fill(new Dictionary<string, string>());

        Assert.Equal("您的，", filled);
    }

    [Fact]
    public void Fill_refuses_a_template_with_problems()
    {
        var error = Assert.Throws<ArgumentException>(() => new LetterTemplate("{客户名}您好").Fill(Values));

        Assert.Contains("{客户名}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_non_blank_line_is_a_paragraph_whether_separated_by_one_newline_or_blank_lines()
    {
        const string Text = "第一段。\n第二段。\r\n\r\n\n　　第三段，全角空格缩进。  \n   \n第四段。";

        Assert.Equal(["第一段。", "第二段。", "第三段，全角空格缩进。", "第四段。"], LetterTemplate.SplitParagraphs(Text));
    }

    [Fact]
    public void The_default_template_has_five_paragraphs()
    {
        var paragraphs = LetterTemplate.Default.FillParagraphs(Values);

        Assert.Equal(5, paragraphs.Count);
        Assert.StartsWith("衷心感谢您选择我们", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("再次感谢", paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_placeholder_is_described_once()
    {
        Assert.Equal(LetterPlaceholders.All.Count, LetterPlaceholders.All.Select(p => p.Token).Distinct().Count());
        Assert.All(LetterPlaceholders.All, p => Assert.Matches(@"^\{[^{}]+\}$", p.Token));
        Assert.All(LetterPlaceholders.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Meaning)));
        Assert.True(LetterPlaceholders.IsKnown("{首保里程}"));
        Assert.False(LetterPlaceholders.IsKnown("{首保}"));
    }
}
