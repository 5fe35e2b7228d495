using DealerCrm.Domain.Letters;

namespace DealerCrm.Domain.Tests.Letters;

public sealed class LetterTemplateSettingTests
{
    private static readonly DateTime Saved = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_body_sent_back_by_a_browser_with_CRLF_and_outer_blanks_is_no_change_and_keeps_who_and_when()
    {
        var setting = new LetterTemplateSetting("感谢您选择我们！\n祝您用车愉快，{客户姓名}！", Saved, "admin");

        var changed = setting.Update("  感谢您选择我们！\r\n祝您用车愉快，{客户姓名}！\r\n\r\n", Later, "admin2");

        Assert.False(changed);
        Assert.Equal("感谢您选择我们！\n祝您用车愉快，{客户姓名}！", setting.Body);
        Assert.Equal((Saved, "admin"), (setting.UpdatedUtc, setting.UpdatedBy));
    }

    [Fact]
    public void A_changed_body_is_stored_normalised_with_who_and_when()
    {
        var setting = new LetterTemplateSetting("感谢您选择我们！", Saved, "admin");

        var changed = setting.Update("感谢您选择我们！\r\n祝您用车愉快！\r\n", Later, "admin2");

        Assert.True(changed);
        Assert.Equal("感谢您选择我们！\n祝您用车愉快！", setting.Body);
        Assert.Equal((Later, "admin2"), (setting.UpdatedUtc, setting.UpdatedBy));
    }

    [Fact]
    public void A_change_inside_a_line_is_a_change()
    {
        var setting = new LetterTemplateSetting("感谢您选择我们！", Saved, "admin");

        Assert.True(setting.Update("感谢您 选择我们！", Later, "admin2"));
        Assert.Equal("感谢您 选择我们！", setting.Body);
    }
}
