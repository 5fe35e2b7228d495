using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>Reads what the pages render, through an HTML5 parser (AngleSharp): list rows, totals, a field's value and its message.</summary>
public static class Html
{
    /// <summary>The page as a browser builds it.</summary>
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The ids of the customers listed in the customer table, in order.</summary>
    public static IReadOnlyList<int> CustomerIds(string html) =>
        Parse(html).QuerySelectorAll("td[class='font-monospace'] > a[href]")
            .Where(a => IsCustomerNumber(a.TextContent))
            .Select(a => a.GetAttribute("href")!.Split('/') is ["", "Customers", var id] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>()
            .ToList();

    /// <summary>The "共 N 条" under a list ("共 99+ 条" of a work queue reads as 100).</summary>
    public static int Total(string html)
    {
        foreach (var element in Parse(html).All.Where(e => e.Children.Length == 0))
        {
            var text = element.TextContent.Trim();
            if (text.StartsWith("共 ", StringComparison.Ordinal) && text.EndsWith(" 条", StringComparison.Ordinal))
            {
                var count = text[2..^2];
                var capped = count.EndsWith('+');
                return int.Parse(capped ? count[..^1] : count, NumberStyles.None, CultureInfo.InvariantCulture) + (capped ? 1 : 0);
            }
        }

        throw new InvalidOperationException("The page shows no total.");
    }

    /// <summary>The validation message shown with a field (between its control and the next one), decoded; null when it has none.</summary>
    public static string? FieldError(string html, string field)
    {
        var document = Parse(html);
        var control = Control(document, field);
        foreach (var element in document.All.SkipWhile(e => e != control).Skip(1))
        {
            if (IsControl(element) && element.GetAttribute("name") is { } name
                && (name.StartsWith("Input.", StringComparison.Ordinal) || name.StartsWith("Reveal.", StringComparison.Ordinal)))
            {
                return null;
            }

            if (element.LocalName is "div" or "span" && element.ClassList.Contains("field-validation-error"))
            {
                return element.TextContent.Length > 0 ? element.TextContent : null;
            }
        }

        return null;
    }

    /// <summary>The value="…" of the input named <paramref name="field"/>, decoded.</summary>
    public static string? InputValue(string html, string field) => Control(Parse(html), field).GetAttribute("value");

    /// <summary>The value of the selected option of the select named <paramref name="field"/>.</summary>
    public static string? SelectedValue(string html, string field) =>
        Named(Parse(html), field, "select")?.QuerySelector("option[selected]")?.GetAttribute("value");

    /// <summary>The text of a textarea named <paramref name="field"/>, decoded.</summary>
    public static string TextAreaValue(string html, string field) =>
        Named(Parse(html), field, "textarea")?.TextContent.TrimStart('\r', '\n') ?? throw new InvalidOperationException($"No textarea named {field}.");

    /// <summary>The element carrying data-testid="<paramref name="testId"/>".</summary>
    public static IElement Element(string html, string testId) =>
        Parse(html).QuerySelector($"[data-testid='{testId}']") ?? throw new InvalidOperationException($"No element with data-testid={testId}.");

    /// <summary>The markup of the element carrying data-testid="<paramref name="testId"/>", itself included, with entities decoded.</summary>
    public static string Section(string html, string testId) => WebUtility.HtmlDecode(Element(html, testId).OuterHtml);

    /// <summary>The text of the element carrying data-testid="<paramref name="testId"/>", trimmed.</summary>
    public static string TextOf(string html, string testId) => Element(html, testId).TextContent.Trim();

    public static bool Has(string html, string testId) => Parse(html).QuerySelector($"[data-testid='{testId}']") is not null;

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>What a reader sees: tags dropped, entities decoded, runs of white space made one space.</summary>
    public static string PlainText(string html) => CollapseSpaces(Parse(html).Body?.TextContent ?? "");

    /// <summary>The text of an element with every tag read as a space: cells and spans do not run together.</summary>
    public static string Words(IElement element) =>
        CollapseSpaces(string.Join(" ", element.Descendants<IText>().Select(t => t.Data))).Trim();

    /// <summary>Every run of white space made one space, as a reader sees it.</summary>
    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inSpace = false;
        foreach (var ch in text)
        {
            if (!char.IsWhiteSpace(ch))
            {
                builder.Append(ch);
            }
            else if (!inSpace)
            {
                builder.Append(' ');
            }

            inSpace = char.IsWhiteSpace(ch);
        }

        return builder.ToString();
    }

    private static bool IsCustomerNumber(string text) => text.Length == 11 && text[0] == 'C' && text[1..].All(char.IsAsciiDigit);

    private static bool IsControl(IElement element) => element.LocalName is "input" or "select" or "textarea";

    private static IElement? Named(IDocument document, string field, string localName) =>
        document.All.FirstOrDefault(e => e.LocalName == localName && e.GetAttribute("name") == field);

    private static IElement Control(IDocument document, string field) =>
        document.All.FirstOrDefault(e => IsControl(e) && e.GetAttribute("name") == field) ?? throw new InvalidOperationException($"No form control named {field}.");
}
