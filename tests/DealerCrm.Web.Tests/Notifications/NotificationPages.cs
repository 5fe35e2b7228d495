using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DealerCrm.Web.Tests.Notifications;

/// <summary>Reading the bell and the notice list off the pages.</summary>
public static partial class NotificationPages
{
    /// <summary>The bell's count as shown (0 when the badge is hidden); also checks the bell's accessible name says the same.</summary>
    public static int Bell(string html)
    {
        var bell = BellPattern().Match(html);
        Assert.True(bell.Success, "The page has no bell.");
        var label = WebUtility.HtmlDecode(bell.Groups[1].Value);
        var count = BellCountPattern().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        Assert.Equal(count == 0 ? "通知" : $"通知，{count} 条未读", label);
        return count;
    }

    /// <summary>The list's items in order: id, text, unread.</summary>
    public static IReadOnlyList<(long Id, string Text, bool Unread)> Items(string html) =>
        ItemPattern().Matches(html).Select(m => (
            long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            WebUtility.HtmlDecode(m.Groups[3].Value).Trim(),
            m.Groups[2].Value == "true")).ToList();

    [GeneratedRegex("aria-label=\"([^\"]*)\"[^>]*data-testid=\"bell\"")]
    private static partial Regex BellPattern();

    [GeneratedRegex("data-testid=\"bell-count\">(\\d+)<")]
    private static partial Regex BellCountPattern();

    [GeneratedRegex("data-notification=\"(\\d+)\" data-unread=\"(true|false)\">.*?<a [^>]*data-testid=\"notification-link-\\d+\"[^>]*>(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex ItemPattern();
}
