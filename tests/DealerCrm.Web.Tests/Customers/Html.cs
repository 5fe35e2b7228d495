using System.Net;
using System.Text.RegularExpressions;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>Reads what the customer pages render: list rows, totals, a field's value and its message.</summary>
public static partial class Html
{
    /// <summary>The ids of the customers listed in the customer table, in order.</summary>
    public static IReadOnlyList<int> CustomerIds(string html) =>
        CustomerRow().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The "共 N 条" under a list ("共 99+ 条" of a work queue, written 99&amp;#x2B;, reads as 100).</summary>
    public static int Total(string html) =>
        TotalPattern().Match(html) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + (m.Groups[2].Success ? 1 : 0)
            : throw new InvalidOperationException("The page shows no total.");

    /// <summary>The validation message shown with a field (between its control and the next one), decoded; null when it has none.</summary>
    public static string? FieldError(string html, string field)
    {
        var control = Control(html, field);
        var rest = html[(control.Index + control.Length)..];
        var next = NextControl().Match(rest);
        var scope = next.Success ? rest[..next.Index] : rest;
        var message = ValidationMessage().Match(scope);
        return message.Success && message.Groups[1].Value.Length > 0 ? WebUtility.HtmlDecode(message.Groups[1].Value) : null;
    }

    /// <summary>The value="…" of the input named <paramref name="field"/>, decoded.</summary>
    public static string? InputValue(string html, string field)
    {
        var value = Regex.Match(Control(html, field).Value, "value=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    /// <summary>The value of the selected option of the select named <paramref name="field"/>.</summary>
    public static string? SelectedValue(string html, string field)
    {
        var select = Regex.Match(html, "<select[^>]*name=\"" + Regex.Escape(field) + "\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        var option = Regex.Match(select.Groups[1].Value, "<option selected=\"selected\" value=\"([^\"]*)\"");
        return option.Success ? WebUtility.HtmlDecode(option.Groups[1].Value) : null;
    }

    /// <summary>The text of a textarea named <paramref name="field"/>, decoded.</summary>
    public static string TextAreaValue(string html, string field)
    {
        var area = Regex.Match(html, "<textarea[^>]*name=\"" + Regex.Escape(field) + "\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline);
        return area.Success ? WebUtility.HtmlDecode(area.Groups[1].Value).TrimStart('\r', '\n') : throw new InvalidOperationException($"No textarea named {field}.");
    }

    private static Match Control(string html, string field)
    {
        var control = Regex.Match(html, "<(input|select|textarea)[^>]*name=\"" + Regex.Escape(field) + "\"[^>]*>");
        return control.Success ? control : throw new InvalidOperationException($"No form control named {field}.");
    }

    /// <summary>The inner HTML of the element carrying data-testid="<paramref name="testId"/>" up to its closing tag (first level).</summary>
    public static string Section(string html, string testId)
    {
        var start = html.IndexOf("data-testid=\"" + testId + "\"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No element with data-testid={testId}.");
        }

        var open = html.LastIndexOf('<', start);
        var tag = Regex.Match(html[open..], "^<([a-z0-9]+)").Groups[1].Value;
        var depth = 0;
        foreach (Match m in Regex.Matches(html[open..], "<(/?)" + tag + "\\b[^>]*>"))
        {
            depth += m.Groups[1].Value.Length == 0 ? 1 : -1;
            if (depth == 0)
            {
                return WebUtility.HtmlDecode(html.Substring(open, m.Index + m.Length));
            }
        }

        throw new InvalidOperationException($"Element {testId} is not closed.");
    }

    public static bool Has(string html, string testId) => html.Contains("data-testid=\"" + testId + "\"", StringComparison.Ordinal);

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>What a reader sees: tags dropped, entities decoded, runs of white space made one space.</summary>
    public static string PlainText(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")), "\\s+", " ");

    [GeneratedRegex("<td class=\"font-monospace\"><a href=\"/Customers/(\\d+)\">C\\d{10}</a></td>")]
    private static partial Regex CustomerRow();

    [GeneratedRegex("<(input|select|textarea)[^>]*name=\"Input\\.|<(input|select|textarea)[^>]*name=\"Reveal\\.")]
    private static partial Regex NextControl();

    [GeneratedRegex("class=\"[^\"]*field-validation-error[^\"]*\"[^>]*>(.*?)</(div|span)>", RegexOptions.Singleline)]
    private static partial Regex ValidationMessage();

    [GeneratedRegex("共 (\\d+)(&#x2B;)? 条")]
    private static partial Regex TotalPattern();
}
