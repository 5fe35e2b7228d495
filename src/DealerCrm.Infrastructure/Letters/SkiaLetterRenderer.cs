using DealerCrm.Domain.Letters;
using SkiaSharp;

namespace DealerCrm.Infrastructure.Letters;

/// <summary>
/// Draws letters with SkiaSharp's PDF backend in the shipped Noto Sans SC (never a system font),
/// subset per batch with <see cref="FontSubsetter"/>. Thread-safe: meant to be a singleton; the
/// fonts are read once, and every call works on its own subset, fonts and document.
/// </summary>
public sealed class SkiaLetterRenderer : ILetterRenderer, IDisposable
{
    public const string RegularFontFile = "NotoSansSC-Regular.ttf";
    public const string BoldFontFile = "NotoSansSC-Bold.ttf";

    // Tried in turn until a letter fits one page; the last one may still need a second page.
    private static readonly float[] Scales = [1f, 0.94f, 0.88f, 0.82f, 0.76f];

    private readonly Lazy<ShippedFont> _regular;
    private readonly Lazy<ShippedFont> _bold;

    /// <summary>Uses the fonts copied next to the application (Letters/Fonts).</summary>
    public SkiaLetterRenderer()
        : this(DefaultFontDirectory)
    {
    }

    public SkiaLetterRenderer(string fontDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fontDirectory);
        _regular = new(() => ShippedFont.Load(Path.Combine(fontDirectory, RegularFontFile)), LazyThreadSafetyMode.ExecutionAndPublication);
        _bold = new(() => ShippedFont.Load(Path.Combine(fontDirectory, BoldFontFile)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static string DefaultFontDirectory => Path.Combine(AppContext.BaseDirectory, "Letters", "Fonts");

    public byte[] RenderPdf(IReadOnlyList<LetterDocument> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            throw new ArgumentException("There is no letter to print.", nameof(letters));
        }

        var regularText = new HashSet<int>();
        var boldText = new HashSet<int>();
        foreach (var letter in letters)
        {
            ArgumentNullException.ThrowIfNull(letter);

            // The bold face sets the letterhead name and the reminder title only; the regular
            // subset takes every text, which costs a few glyphs and keeps it simple.
            AddCodePoints(boldText, letter.Letterhead.Name);
            AddCodePoints(boldText, letter.Reminder?.Title);
            foreach (var text in letter.AllText())
            {
                AddCodePoints(regularText, text);
            }
        }

        using var regular = SubsetTypeface(_regular.Value, regularText);
        using var bold = SubsetTypeface(_bold.Value, boldText);
        using var fonts = new LetterFonts(regular, bold);
        using var logos = new LogoCache();
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, Metadata()))
        {
            foreach (var letter in letters)
            {
                var logo = logos.Get(letter.Letterhead.Logo);
                foreach (var page in LayOutFitting(letter, fonts, logo))
                {
                    var canvas = document.BeginPage(LetterLayout.PageWidth, LetterLayout.PageHeight);
                    Draw(canvas, page, fonts);
                    document.EndPage();
                }
            }

            document.Close();
        }

        return output.ToArray();
    }

    public bool FitsOnOnePage(LetterDocument letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var fonts = new LetterFonts(_regular.Value.Typeface, _bold.Value.Typeface);
        using var logos = new LogoCache();
        return LetterLayout.LayOut(letter, fonts, logos.Get(letter.Letterhead.Logo), scale: 1f).Count == 1;
    }

    public void Dispose()
    {
        if (_regular.IsValueCreated)
        {
            _regular.Value.Dispose();
        }

        if (_bold.IsValueCreated)
        {
            _bold.Value.Dispose();
        }
    }

    private static IReadOnlyList<LaidOutPage> LayOutFitting(LetterDocument letter, LetterFonts fonts, SKImage? logo)
    {
        IReadOnlyList<LaidOutPage> pages = [];
        foreach (var scale in Scales)
        {
            pages = LetterLayout.LayOut(letter, fonts, logo, scale);
            if (pages.Count == 1)
            {
                break;
            }
        }

        return pages;
    }

    private static void Draw(SKCanvas canvas, LaidOutPage page, LetterFonts fonts)
    {
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var item in page.Items)
        {
            switch (item)
            {
                case TextItem text:
                    paint.Style = SKPaintStyle.Fill;
                    paint.Color = text.Color;
                    using (var blob = SKTextBlob.CreateHorizontal(text.Text, fonts.Get(text.Face, text.Size), text.Positions, text.Baseline))
                    {
                        if (blob is not null)
                        {
                            canvas.DrawText(blob, text.X, 0f, paint);
                        }
                    }

                    break;
                case RuleItem rule:
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = rule.Thickness;
                    paint.Color = rule.Color;
                    canvas.DrawLine(rule.Left, rule.Y, rule.Right, rule.Y, paint);
                    break;
                case BoxItem box:
                    paint.Style = SKPaintStyle.Fill;
                    paint.Color = box.Fill;
                    canvas.DrawRoundRect(box.Rect, 4f, 4f, paint);
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = 0.8f;
                    paint.Color = box.Stroke;
                    canvas.DrawRoundRect(box.Rect, 4f, 4f, paint);
                    break;
                case ImageItem image:
                    canvas.DrawImage(image.Image, image.Rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
                    break;
            }
        }
    }

    internal static SKTypeface SubsetTypeface(ShippedFont font, HashSet<int> codePoints)
    {
        var subset = font.Subsetter.Subset(codePoints);
        using var data = SKData.CreateCopy(subset);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("Skia could not load the subset font.");
    }

    internal static void AddCodePoints(HashSet<int> codePoints, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            codePoints.Add(rune.Value);
        }
    }

    private static SKDocumentPdfMetadata Metadata() =>
        new(SKDocumentPdfMetadata.DefaultRasterDpi)
        {
            Title = "感谢信",
            Creator = "DealerCrm",
            Producer = "DealerCrm (SkiaSharp)",
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };

    /// <summary>Decodes each distinct logo once per batch, so the PDF holds it once.</summary>
    private sealed class LogoCache : IDisposable
    {
        private readonly List<(ReadOnlyMemory<byte> Bytes, SKImage? Image)> _logos = [];

        public SKImage? Get(ReadOnlyMemory<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return null;
            }

            foreach (var (known, image) in _logos)
            {
                if (known.Span.SequenceEqual(bytes.Span))
                {
                    return image;
                }
            }

            // A logo Skia cannot decode is left out rather than failing the whole batch.
            var decoded = SKImage.FromEncodedData(bytes.Span);
            _logos.Add((bytes, decoded));
            return decoded;
        }

        public void Dispose()
        {
            foreach (var (_, image) in _logos)
            {
                image?.Dispose();
            }
        }
    }
}
