using DealerCrm.Domain.Letters;
using SkiaSharp;

namespace DealerCrm.Infrastructure.Letters;

/// <summary>
/// Places a letter on A4 pages: letterhead, date, salutation, justified body, closing, signature
/// and the reminder box. Positions are in PDF points (1/72 inch), y growing downwards.
/// </summary>
internal static class LetterLayout
{
    public const float PageWidth = 595f;
    public const float PageHeight = 842f;

    private const float MarginLeft = 72f;
    private const float MarginRight = 72f;
    private const float MarginTop = 54f;
    private const float MarginBottom = 60f;
    private const float ContentLeft = MarginLeft;
    private const float ContentRight = PageWidth - MarginRight;
    private const float ContentWidth = ContentRight - ContentLeft;
    private const float ContentBottom = PageHeight - MarginBottom;

    private const float NameSize = 17f;
    private const float NameMinSize = 12f;
    private const float ContactSize = 9.5f;
    private const float DateSize = 11f;
    private const float BodySize = 12.5f;
    private const float LineSpacing = 1.75f;
    private const float ReminderTitleSize = 11f;
    private const float ReminderSize = 10.5f;
    private const float LogoHeight = 42f;
    private const float LogoMaxWidth = 130f;

    /// <summary>The line the salesperson signs on, right-aligned.</summary>
    public const float SignatureRuleWidth = 120f;

    /// <summary>A Chinese company seal is a 40-42 mm circle (about 119 points), stamped over the dealership's name and date.</summary>
    public const float SealDiameter = 119f;

    /// <summary>The text colour: near black reads softer than pure black on paper.</summary>
    public static readonly SKColor Ink = new(0x1E, 0x1E, 0x1E);

    public static readonly SKColor Muted = new(0x55, 0x55, 0x55);

    /// <summary>The deep red of a Chinese letterhead.</summary>
    public static readonly SKColor Accent = new(0x9B, 0x1C, 0x1C);

    public static readonly SKColor ReminderFill = new(0xFB, 0xF5, 0xF2);

    /// <summary>
    /// Lays the letter out at <paramref name="scale"/> (1 = the standard body size; smaller to
    /// squeeze an overlong letter). Content that does not fit one page flows onto more pages.
    /// </summary>
    public static IReadOnlyList<LaidOutPage> LayOut(LetterDocument letter, LetterFonts fonts, SKImage? logo, float scale)
    {
        var items = new List<LayoutItem>();
        var bodySize = BodySize * scale;
        var lineHeight = bodySize * LineSpacing * Math.Clamp(scale, 0.9f, 1f);

        var y = LayOutLetterhead(letter.Letterhead, fonts, logo, items);

        var baseline = y + 30f;
        AddLines(items, fonts, FontFace.Regular, DateSize, Muted, letter.DateLine, ContentLeft, ContentWidth, 0f, Align.Right, justify: false, ref baseline, DateSize * 1.5f);

        baseline += 34f * scale - (DateSize * 1.5f);
        AddLines(items, fonts, FontFace.Regular, bodySize, Ink, letter.Salutation, ContentLeft, ContentWidth, 0f, Align.Left, justify: false, ref baseline, lineHeight);
        baseline += lineHeight * 0.25f;

        var indent = bodySize * 2f;
        foreach (var paragraph in letter.BodyParagraphs)
        {
            AddLines(items, fonts, FontFace.Regular, bodySize, Ink, paragraph, ContentLeft, ContentWidth, indent, Align.Left, justify: true, ref baseline, lineHeight);
        }

        for (var index = 0; index < letter.ClosingLines.Count; index++)
        {
            // 此致 is indented two characters, 敬礼 starts at the margin (Chinese letter convention).
            AddLines(items, fonts, FontFace.Regular, bodySize, Ink, letter.ClosingLines[index], ContentLeft, ContentWidth, index == 0 ? indent : 0f, Align.Left, justify: false, ref baseline, lineHeight);
        }

        // The signature block: the salesperson's name and a line to sign on at the left, level
        // with the dealership's name and the date at the right (or above them when a long name
        // leaves no room beside it); around name and date, a blank square for the company seal,
        // which may reach up beside the short closing lines at the left.
        baseline += lineHeight * 0.6f;
        var font = fonts.Get(FontFace.Regular, bodySize);
        var labelWidth = font.MeasureText(LetterSignatory.SignHere);
        if (letter.Signatory is { } signatory)
        {
            var signatoryWidth = Math.Max(font.MeasureText(signatory.NameLine), labelWidth + 2f + SignatureRuleWidth);
            var namesWidth = letter.SignatureLines.Select(l => font.MeasureText(l)).DefaultIfEmpty(0f).Max();
            var left = baseline;
            AddLines(items, fonts, FontFace.Regular, bodySize, Ink, signatory.NameLine, ContentLeft, signatoryWidth + 1f, 0f, Align.Left, justify: false, ref left, lineHeight);
            var signBaseline = left;
            AddLines(items, fonts, FontFace.Regular, bodySize, Ink, LetterSignatory.SignHere, ContentLeft, signatoryWidth + 1f, 0f, Align.Left, justify: false, ref left, lineHeight);
            items.Add(new RuleItem(ContentLeft + labelWidth + 2f, ContentLeft + labelWidth + 2f + SignatureRuleWidth, signBaseline + 3f, 0.6f, Ink));
            if (signatoryWidth + (bodySize * 2f) + namesWidth > ContentWidth)
            {
                baseline = left;
            }
        }

        var sealMiddle = baseline - bodySize + (letter.SignatureLines.Count * lineHeight / 2f);
        foreach (var line in letter.SignatureLines)
        {
            AddLines(items, fonts, FontFace.Regular, bodySize, Ink, line, ContentLeft, ContentWidth, 0f, Align.Right, justify: false, ref baseline, lineHeight);
        }

        items.Add(new SpaceItem(sealMiddle - (SealDiameter / 2f), sealMiddle + (SealDiameter / 2f)));

        if (letter.Reminder is { } reminder)
        {
            LayOutReminder(reminder, fonts, items, scale);
        }

        return Paginate(items);
    }

    /// <summary>Name (bold), address and hotline, an optional logo at the left, then a double rule.</summary>
    private static float LayOutLetterhead(DealershipLetterhead head, LetterFonts fonts, SKImage? logo, List<LayoutItem> items)
    {
        var top = MarginTop;
        var textLeft = ContentLeft;
        var bottom = top;
        if (logo is not null && logo.Width > 0 && logo.Height > 0)
        {
            var height = LogoHeight;
            var width = logo.Width * height / logo.Height;
            if (width > LogoMaxWidth)
            {
                height *= LogoMaxWidth / width;
                width = LogoMaxWidth;
            }

            items.Add(new ImageItem(logo, SKRect.Create(ContentLeft, top, width, height)));
            textLeft += width + 14f;
            bottom = top + height;
        }

        var textWidth = ContentRight - textLeft;

        // A long name is set smaller to stay on one line; only a very long one wraps.
        var nameSize = NameSize;
        var nameWidth = fonts.Get(FontFace.Bold, NameSize).MeasureText(head.Name);
        if (nameWidth > textWidth)
        {
            nameSize = Math.Max(NameMinSize, MathF.Floor(NameSize * textWidth / nameWidth * 2f) / 2f);
        }

        var baseline = top + (NameSize * 0.95f);
        AddLines(items, fonts, FontFace.Bold, nameSize, Accent, head.Name, textLeft, textWidth, 0f, Align.Left, justify: false, ref baseline, nameSize * 1.3f);
        baseline += ContactSize * 0.55f;

        var address = head.AddressLine;
        var hotline = head.HotlineLine;
        var contactFont = fonts.Get(FontFace.Regular, ContactSize);
        var gap = ContactSize * 2f;
        if (address.Length > 0 && hotline.Length > 0
            && contactFont.MeasureText(address) + gap + contactFont.MeasureText(hotline) <= textWidth)
        {
            // Both fit on one line: the address at the left, the hotline at the right.
            var shared = baseline;
            AddLines(items, fonts, FontFace.Regular, ContactSize, Muted, address, textLeft, textWidth, 0f, Align.Left, justify: false, ref shared, ContactSize * 1.5f);
            AddLines(items, fonts, FontFace.Regular, ContactSize, Muted, hotline, textLeft, textWidth, 0f, Align.Right, justify: false, ref baseline, ContactSize * 1.5f);
        }
        else
        {
            AddLines(items, fonts, FontFace.Regular, ContactSize, Muted, address, textLeft, textWidth, 0f, Align.Left, justify: false, ref baseline, ContactSize * 1.5f);
            AddLines(items, fonts, FontFace.Regular, ContactSize, Muted, hotline, textLeft, textWidth, 0f, Align.Left, justify: false, ref baseline, ContactSize * 1.5f);
        }

        var ruleY = Math.Max(bottom, baseline - (ContactSize * 1.5f) + (ContactSize * 0.4f)) + 9f;
        items.Add(new RuleItem(ContentLeft, ContentRight, ruleY, 1.6f, Accent));
        items.Add(new RuleItem(ContentLeft, ContentRight, ruleY + 3.2f, 0.5f, Accent));
        return ruleY + 3.2f;
    }

    /// <summary>
    /// A box with the reminder's title and lines, at the foot of the page when there is room,
    /// otherwise right after the signature.
    /// </summary>
    private static void LayOutReminder(LetterReminder reminder, LetterFonts fonts, List<LayoutItem> items, float scale)
    {
        const float Padding = 12f;
        var size = ReminderSize * Math.Max(scale, 0.85f);
        var lineHeight = size * 1.6f;
        var innerWidth = ContentWidth - (2 * Padding);

        var measured = new List<LayoutItem>();
        var baseline = Padding + (ReminderTitleSize * 0.9f);
        AddLines(measured, fonts, FontFace.Bold, ReminderTitleSize, Accent, reminder.Title, ContentLeft + Padding, innerWidth, 0f, Align.Left, justify: false, ref baseline, ReminderTitleSize * 1.75f);
        foreach (var line in reminder.Lines)
        {
            AddLines(measured, fonts, FontFace.Regular, size, Ink, line, ContentLeft + Padding, innerWidth, 0f, Align.Left, justify: false, ref baseline, lineHeight);
        }

        var height = baseline - lineHeight + (size * 0.3f) + Padding;
        var contentEnd = items.Count == 0 ? MarginTop : items.Max(i => i.Bottom);
        var top = contentEnd + 24f + height <= ContentBottom ? ContentBottom - height : contentEnd + 24f;
        items.Add(new BoxItem(SKRect.Create(ContentLeft, top, ContentWidth, height), Accent, ReminderFill));
        items.AddRange(measured.Select(item => item.Offset(top)));
    }

    private static void AddLines(
        List<LayoutItem> items,
        LetterFonts fonts,
        FontFace face,
        float size,
        SKColor color,
        string text,
        float left,
        float width,
        float firstIndent,
        Align align,
        bool justify,
        ref float baseline,
        float lineHeight)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var font = fonts.Get(face, size);
        var lines = ChineseLineBreaker.Break(text, s => font.MeasureText(s), width, firstIndent);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var indent = index == 0 ? firstIndent : 0f;
            var available = width - indent;
            var lineText = line.Text;
            var advances = font.GetGlyphWidths(lineText);
            var natural = advances.Sum();

            // Inter-character justification: the spare width goes into the gaps between segments
            // (characters, words, spaces), first into those between Chinese and Latin text and at
            // spaces (as CLREQ suggests), so a line ending early before a long number does not
            // letter-space its Chinese. The last line of a paragraph stays ragged.
            var gaps = new float[Math.Max(line.Segments.Count - 1, 0)];
            if (justify && !line.IsLastOfParagraph && gaps.Length > 0 && available > natural)
            {
                var weights = 0f;
                for (var gap = 0; gap < gaps.Length; gap++)
                {
                    gaps[gap] = GapWeight(line.Segments[gap], line.Segments[gap + 1]);
                    weights += gaps[gap];
                }

                var unit = (available - natural) / weights;
                if (unit > size / 2f)
                {
                    // Too loose to justify (a line cut short by an unbreakable run): leave it ragged.
                    unit = 0f;
                }

                for (var gap = 0; gap < gaps.Length; gap++)
                {
                    gaps[gap] *= unit;
                }
            }
            else
            {
                Array.Clear(gaps);
            }

            var positions = new float[advances.Length];
            var glyph = 0;
            var x = 0f;
            for (var segment = 0; segment < line.Segments.Count; segment++)
            {
                foreach (var _ in line.Segments[segment].EnumerateRunes())
                {
                    if (glyph < positions.Length)
                    {
                        positions[glyph] = x;
                        x += advances[glyph];
                        glyph++;
                    }
                }

                if (segment < gaps.Length)
                {
                    x += gaps[segment];
                }
            }

            var lineWidth = x;
            var lineLeft = align == Align.Right ? left + width - lineWidth : left + indent;
            items.Add(new TextItem(face, size, color, lineLeft, baseline, lineText, positions));
            baseline += lineHeight;
        }
    }

    /// <summary>How much of a line's spare width a gap takes: 3 between Chinese and Latin, 1.5 on each side of a space, 1 elsewhere.</summary>
    private static float GapWeight(string before, string after)
    {
        if (string.IsNullOrWhiteSpace(before) || string.IsNullOrWhiteSpace(after))
        {
            return 1.5f;
        }

        return IsLatin(before) != IsLatin(after) ? 3f : 1f;
    }

    private static bool IsLatin(string segment) => segment[0] < 0x2E80;

    private static List<LaidOutPage> Paginate(List<LayoutItem> items)
    {
        var pages = new List<LaidOutPage>();
        var current = new List<LayoutItem>();
        var offset = 0f;
        foreach (var item in items)
        {
            if (item.Bottom - offset > ContentBottom + 0.5f && current.Count > 0)
            {
                pages.Add(new LaidOutPage(current));
                current = [];
                offset = item.Top - MarginTop;
            }

            current.Add(item.Offset(-offset));
        }

        pages.Add(new LaidOutPage(current));
        return pages;
    }

    private enum Align
    {
        Left,
        Right,
    }
}

internal enum FontFace
{
    Regular,
    Bold,
}

internal sealed record LaidOutPage(IReadOnlyList<LayoutItem> Items);

internal abstract record LayoutItem(float Top, float Bottom)
{
    public abstract LayoutItem Offset(float dy);
}

internal sealed record TextItem(FontFace Face, float Size, SKColor Color, float X, float Baseline, string Text, float[] Positions)
    : LayoutItem(Baseline - Size, Baseline + (Size * 0.3f))
{
    public override LayoutItem Offset(float dy) => this with { Baseline = Baseline + dy, Top = Top + dy, Bottom = Bottom + dy };
}

internal sealed record RuleItem(float Left, float Right, float Y, float Thickness, SKColor Color)
    : LayoutItem(Y - Thickness, Y + Thickness)
{
    public override LayoutItem Offset(float dy) => this with { Y = Y + dy, Top = Top + dy, Bottom = Bottom + dy };
}

internal sealed record BoxItem(SKRect Rect, SKColor Stroke, SKColor Fill) : LayoutItem(Rect.Top, Rect.Bottom)
{
    public override LayoutItem Offset(float dy)
    {
        var rect = Rect;
        rect.Offset(0f, dy);
        return this with { Rect = rect, Top = Top + dy, Bottom = Bottom + dy };
    }
}

/// <summary>Blank space that must stay free (the seal's), kept on one page and clear of the reminder box.</summary>
internal sealed record SpaceItem(float SpaceTop, float SpaceBottom) : LayoutItem(SpaceTop, SpaceBottom)
{
    public override LayoutItem Offset(float dy) => this with { SpaceTop = SpaceTop + dy, SpaceBottom = SpaceBottom + dy, Top = Top + dy, Bottom = Bottom + dy };
}

internal sealed record ImageItem(SKImage Image, SKRect Rect) : LayoutItem(Rect.Top, Rect.Bottom)
{
    public override LayoutItem Offset(float dy)
    {
        var rect = Rect;
        rect.Offset(0f, dy);
        return this with { Rect = rect, Top = Top + dy, Bottom = Bottom + dy };
    }
}

/// <summary>The two faces a letter uses, with an SKFont per size made on demand (not thread-safe: one per render).</summary>
internal sealed class LetterFonts(SKTypeface regular, SKTypeface bold) : IDisposable
{
    private readonly Dictionary<(FontFace Face, float Size), SKFont> _fonts = [];

    public SKFont Get(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = new SKFont(face == FontFace.Bold ? bold : regular, size)
            {
                Subpixel = true,
                LinearMetrics = true,
                Hinting = SKFontHinting.None,
            };
            _fonts[(face, size)] = font;
        }

        return font;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        _fonts.Clear();
    }
}
