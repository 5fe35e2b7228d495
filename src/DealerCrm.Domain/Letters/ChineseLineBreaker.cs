using System.Globalization;
using System.Text;

namespace DealerCrm.Domain.Letters;

/// <summary>
/// One line of a broken paragraph. <see cref="Segments"/> are the unbreakable pieces the line is
/// made of (one CJK character, one punctuation mark, one Latin word or number, or one space), so
/// a renderer can justify a line by spreading its spare width over the gaps between them.
/// </summary>
public sealed record BrokenLine(IReadOnlyList<string> Segments, bool IsLastOfParagraph)
{
    public string Text => string.Concat(Segments);
}

/// <summary>
/// Breaks a paragraph of Chinese text into lines no wider than a given width, with the Chinese
/// line-breaking rules (禁则): a break may fall between any two CJK characters, but a line never
/// starts with closing punctuation (。，、）》” …) nor ends with opening punctuation (（《“ …);
/// runs of Latin letters and digits (words, numbers, phone numbers, plates such as 粤A12345) are
/// never split, and spaces between Latin words are break opportunities. A run wider than a whole
/// line is the one exception: it is split where the line is full rather than overflow the margin.
/// </summary>
public static class ChineseLineBreaker
{
    /// <summary>Characters that may not start a line (closing and pausing punctuation).</summary>
    public const string NoLineStart =
        "。，、；：？！）」』》〉】〕〗］｝”’％…‥·・〜～‰℃" + ",.;:?!)]}%";

    /// <summary>Characters that may not end a line (opening punctuation, currency signs).</summary>
    public const string NoLineEnd = "（「『《〈【〔〖［｛“‘￥" + "([{¥$";

    // Single-character province abbreviations that start a Chinese licence plate (粤A12345).
    private const string PlateProvinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领警学港澳";

    // Characters that join two letters or digits into one run: 020-8888-6666, 3.5, 粤A·12345.
    private const string RunConnectors = "-./:_@+·'&#";

    private const float Tolerance = 0.001f;

    /// <summary>
    /// Breaks <paramref name="paragraph"/> into lines of at most <paramref name="maxWidth"/>, the
    /// first line being <paramref name="firstLineIndent"/> narrower (the two-character indent of a
    /// Chinese paragraph). Leading and trailing spaces of each line are dropped. An empty or blank
    /// paragraph gives no lines.
    /// </summary>
    public static IReadOnlyList<BrokenLine> Break(
        string paragraph, Func<string, float> measure, float maxWidth, float firstLineIndent = 0f)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentNullException.ThrowIfNull(measure);
        if (maxWidth <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "The line width must be positive.");
        }

        var widths = new Dictionary<string, float>(StringComparer.Ordinal);
        float Measure(string text)
        {
            if (!widths.TryGetValue(text, out var width))
            {
                width = measure(text);
                widths[text] = width;
            }

            return width;
        }

        var tokens = Tokenize(paragraph);
        var lines = new List<BrokenLine>();
        var start = SkipSpaces(tokens, 0);
        while (start < tokens.Count)
        {
            var available = lines.Count == 0 ? maxWidth - firstLineIndent : maxWidth;
            var width = 0f;
            var pendingSpaces = 0f;
            var next = start;
            for (; next < tokens.Count; next++)
            {
                var tokenWidth = Measure(tokens[next].Text);
                if (tokens[next].Kind == TokenKind.Space)
                {
                    pendingSpaces += tokenWidth;
                    continue;
                }

                if (width + pendingSpaces + tokenWidth > available + Tolerance)
                {
                    break;
                }

                width += pendingSpaces + tokenWidth;
                pendingSpaces = 0f;
            }

            if (next == tokens.Count)
            {
                lines.Add(MakeLine(tokens, start, tokens.Count, isLast: true));
                break;
            }

            // A run too wide for any line will be cut anyway: cut it here, filling this line,
            // rather than leave a short line before it.
            var end = IsTooWideForAnyLine(tokens[next], maxWidth, Measure) ? -1 : LastBreakBefore(tokens, start, next);
            if (end < 0)
            {
                end = HardBreak(tokens, start, next, available - width - pendingSpaces, maxWidth, Measure);
            }

            lines.Add(MakeLine(tokens, start, end, isLast: false));
            start = SkipSpaces(tokens, end);
            if (start == tokens.Count)
            {
                lines[^1] = lines[^1] with { IsLastOfParagraph = true };
            }
        }

        return lines;
    }

    /// <summary>
    /// No legal break fits: split the run that overflows. A Latin run too wide for any line is cut
    /// where the current line is full; otherwise the line ends before the overflowing token even
    /// though that breaks a 禁则 rule, because text must never run past the margin.
    /// </summary>
    private static int HardBreak(
        List<Token> tokens, int start, int overflowing, float room, float maxWidth, Func<string, float> measure)
    {
        var token = tokens[overflowing];
        if (overflowing > start && !IsTooWideForAnyLine(token, maxWidth, measure))
        {
            return overflowing;
        }

        var runes = token.Text.EnumerateRunes().Select(r => r.ToString()).ToList();
        var fitting = 0;
        var width = 0f;
        while (fitting < runes.Count && width + measure(runes[fitting]) <= room + Tolerance)
        {
            width += measure(runes[fitting]);
            fitting++;
        }

        if (fitting == 0)
        {
            // Not even one character fits after what is already on the line: end the line here,
            // or, on an empty line, place one character anyway so the loop always advances.
            if (overflowing > start)
            {
                return overflowing;
            }

            fitting = 1;
        }

        if (fitting >= runes.Count)
        {
            return overflowing + 1;
        }

        tokens[overflowing] = token with { Text = string.Concat(runes.Take(fitting)), RuneCount = fitting };
        tokens.Insert(
            overflowing + 1,
            token with { Text = string.Concat(runes.Skip(fitting)), RuneCount = runes.Count - fitting });
        return overflowing + 1;
    }

    private static bool IsTooWideForAnyLine(Token token, float maxWidth, Func<string, float> measure) =>
        token.Kind == TokenKind.Run && measure(token.Text) > maxWidth + Tolerance;

    private static int LastBreakBefore(List<Token> tokens, int start, int overflowing)
    {
        for (var index = overflowing; index > start; index--)
        {
            if (CanBreakBefore(tokens, index))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Whether a line may end between tokens[index - 1] and tokens[index].</summary>
    private static bool CanBreakBefore(List<Token> tokens, int index)
    {
        var previous = tokens[index - 1];
        var current = tokens[index];
        if (current.Kind == TokenKind.Space || IsNoLineStart(current))
        {
            // Lines break after a space, never before one; closing punctuation sticks to what precedes it.
            return false;
        }

        if (previous.Kind == TokenKind.Space)
        {
            // Keep "Model Y", "Model 3" or "BMW X5" together: a one- or two-character model
            // designation (no lower-case letter) after a word.
            return !(current.Kind == TokenKind.Run && current.RuneCount <= 2 && !current.Text.Any(char.IsLower)
                && index >= 2 && tokens[index - 2].Kind == TokenKind.Run);
        }

        if (IsNoLineEnd(previous) || (previous.Kind == TokenKind.Run && current.Kind == TokenKind.Run))
        {
            return false;
        }

        if (previous.Text == current.Text && previous.Text is "—" or "－")
        {
            // A dash (——) is one mark drawn with two characters.
            return false;
        }

        // A licence plate: the province character belongs to the run after it (粤A12345).
        return !(previous.Kind == TokenKind.Ideograph && PlateProvinces.Contains(previous.Text, StringComparison.Ordinal)
            && current.Kind == TokenKind.Run && char.IsAsciiLetterUpper(current.Text[0]));
    }

    private static bool IsNoLineStart(Token token) =>
        token.Kind == TokenKind.Punctuation && NoLineStart.Contains(token.Text, StringComparison.Ordinal);

    private static bool IsNoLineEnd(Token token) =>
        token.Kind == TokenKind.Punctuation && NoLineEnd.Contains(token.Text, StringComparison.Ordinal);

    private static int SkipSpaces(List<Token> tokens, int index)
    {
        while (index < tokens.Count && tokens[index].Kind == TokenKind.Space)
        {
            index++;
        }

        return index;
    }

    private static BrokenLine MakeLine(List<Token> tokens, int start, int end, bool isLast)
    {
        while (end > start && tokens[end - 1].Kind == TokenKind.Space)
        {
            end--;
        }

        var segments = new string[end - start];
        for (var index = start; index < end; index++)
        {
            segments[index - start] = tokens[index].Text;
        }

        return new BrokenLine(segments, isLast);
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var runes = text.EnumerateRunes().ToArray();
        var index = 0;
        while (index < runes.Length)
        {
            var rune = runes[index];
            var kind = Classify(rune);
            if (kind == TokenKind.Run)
            {
                var run = new StringBuilder();
                var count = 0;
                while (index < runes.Length)
                {
                    var current = runes[index];
                    var joins = Classify(current) == TokenKind.Run
                        || (count > 0 && IsCombiningMark(current))
                        || (count > 0 && index + 1 < runes.Length && Classify(runes[index + 1]) == TokenKind.Run
                            && IsConnector(current, runes[index - 1], runes[index + 1]));
                    if (!joins)
                    {
                        break;
                    }

                    run.Append(current.ToString());
                    count++;
                    index++;
                }

                tokens.Add(new Token(run.ToString(), TokenKind.Run, count));
                continue;
            }

            var single = rune.ToString();
            index++;

            // Combining marks stay with the character they modify.
            while (index < runes.Length && IsCombiningMark(runes[index]))
            {
                single += runes[index].ToString();
                index++;
            }

            tokens.Add(new Token(single, kind, 1));
        }

        return tokens;
    }

    private static bool IsConnector(Rune connector, Rune before, Rune after)
    {
        if (connector.IsAscii && (char)connector.Value == ',')
        {
            // A thousands separator (128,800) joins digits only.
            return Rune.IsDigit(before) && Rune.IsDigit(after);
        }

        return connector.IsBmp && RunConnectors.Contains((char)connector.Value, StringComparison.Ordinal);
    }

    private static bool IsCombiningMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;

    private static TokenKind Classify(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) && rune.Value != 0x00A0)
        {
            return TokenKind.Space;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber => TokenKind.Run,
            UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber or UnicodeCategory.OtherSymbol
                or UnicodeCategory.OtherNumber => TokenKind.Ideograph,
            _ => TokenKind.Punctuation,
        };
    }

    private enum TokenKind
    {
        Ideograph,
        Run,
        Punctuation,
        Space,
    }

    private readonly record struct Token(string Text, TokenKind Kind, int RuneCount);
}
