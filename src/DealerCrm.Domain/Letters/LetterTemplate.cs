using System.Text;

namespace DealerCrm.Domain.Letters;

/// <summary>
/// The body of the thank-you letter as the administrator edits it: plain text with placeholders
/// from <see cref="LetterPlaceholders"/> in braces (full-width braces ｛｝ from a Chinese input
/// method are accepted too). The salutation, closing (此致 / 敬礼) and signature are not part of
/// the template; the composer adds them.
/// <para>
/// Paragraphs: every non-blank line is one paragraph, so a single newline and a blank line both
/// separate paragraphs and blank lines are ignored (a paragraph in a Chinese letter never wraps by
/// hand). Leading and trailing spaces of a paragraph, full-width ones included, are dropped: the
/// renderer indents the first line by two characters itself.
/// </para>
/// </summary>
public sealed class LetterTemplate
{
    /// <summary>The default body of the thank-you letter (感谢信).</summary>
    public const string DefaultThankYouTemplate =
        """
        衷心感谢您选择我们，感谢您对本店的信任与支持！
        恭喜您于{交车日期}喜提爱车{车型}！愿新车伴您平安出行，载着您和家人驶向每一段美好的旅程。
        今后，您的专属销售顾问{销售顾问}将继续为您服务，用车中如有任何疑问，欢迎随时致电{销售顾问电话}。您也可以拨打本店服务热线{服务热线}，我们将竭诚为您提供咨询、保养预约、道路救援等服务。
        温馨提示：为使爱车始终保持最佳状态，请您在{首保日期}之前或行驶里程达到{首保里程}时（以先到者为准）回店进行首次保养。首保前请提前预约，我们将为您妥善安排，减少您的等候时间。
        再次感谢您的厚爱！祝您用车愉快，出行平安，阖家幸福！
        """;

    private const int MaxQuotedLength = 12;

    public LetterTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    public static LetterTemplate Default { get; } = new(DefaultThankYouTemplate);

    public string Text { get; }

    /// <summary>
    /// The problems of a template: each unknown placeholder as written (e.g. "{客户名}"), and each
    /// unbalanced brace as the fragment around it (e.g. "{车型" or "}"). Empty when the template
    /// is fit to print.
    /// </summary>
    public static IReadOnlyList<string> Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        foreach (var piece in Scan(text))
        {
            if (piece.Kind != PieceKind.Text && !(piece.Kind == PieceKind.Placeholder && LetterPlaceholders.IsKnown(piece.Token))
                && !problems.Contains(piece.Written))
            {
                problems.Add(piece.Written);
            }
        }

        return problems;
    }

    /// <summary>
    /// The template with every placeholder replaced by its value (keys are the tokens of
    /// <see cref="LetterPlaceholders"/>, braces included); a placeholder without a value becomes
    /// empty text, never its token.
    /// </summary>
    /// <exception cref="ArgumentException">The template has problems (see <see cref="Validate"/>).</exception>
    public string Fill(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = Validate(Text);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The letter template has unknown placeholders: {string.Join("、", problems)}", nameof(values));
        }

        var filled = new StringBuilder(Text.Length + 64);
        foreach (var piece in Scan(Text))
        {
            filled.Append(piece.Kind == PieceKind.Text ? piece.Written : values.GetValueOrDefault(piece.Token, string.Empty));
        }

        return filled.ToString();
    }

    /// <summary>The filled template split into paragraphs (see the class remarks).</summary>
    public IReadOnlyList<string> FillParagraphs(IReadOnlyDictionary<string, string> values) =>
        SplitParagraphs(Fill(values));

    /// <summary>Every non-blank line of <paramref name="text"/>, trimmed, is a paragraph.</summary>
    public static IReadOnlyList<string> SplitParagraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();
    }

    private static IEnumerable<Piece> Scan(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            var open = text.IndexOfAny(['{', '｛', '}', '｝'], index);
            if (open < 0)
            {
                yield return new Piece(PieceKind.Text, text[index..], string.Empty);
                yield break;
            }

            if (open > index)
            {
                yield return new Piece(PieceKind.Text, text[index..open], string.Empty);
            }

            if (IsClose(text[open]))
            {
                yield return new Piece(PieceKind.Unbalanced, text[open].ToString(), string.Empty);
                index = open + 1;
                continue;
            }

            // A placeholder ends at the next closing brace on the same line; an opening brace or
            // the end of the line first means this one is never closed.
            var end = open + 1;
            while (end < text.Length && !IsClose(text[end]) && !IsOpen(text[end]) && text[end] is not ('\r' or '\n'))
            {
                end++;
            }

            if (end < text.Length && IsClose(text[end]))
            {
                var written = text[open..(end + 1)];
                var token = "{" + text[(open + 1)..end].Trim() + "}";
                yield return new Piece(PieceKind.Placeholder, written, token);
                index = end + 1;
            }
            else
            {
                // Quote at most a few characters of an unclosed placeholder.
                var quoted = text[open..Math.Min(end, open + MaxQuotedLength)].TrimEnd();
                yield return new Piece(PieceKind.Unbalanced, quoted, string.Empty);
                index = end;
            }
        }
    }

    private static bool IsOpen(char c) => c is '{' or '｛';

    private static bool IsClose(char c) => c is '}' or '｝';

    private enum PieceKind
    {
        Text,
        Placeholder,
        Unbalanced,
    }

    private readonly record struct Piece(PieceKind Kind, string Written, string Token);
}
