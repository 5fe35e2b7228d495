using SkiaSharp;

namespace DealerCrm.Infrastructure.Letters;

/// <summary>A shipped font (letters and the weekly pack): its HarfBuzz subsetter, and the whole face for measuring.</summary>
internal sealed class ShippedFont : IDisposable
{
    private ShippedFont(FontSubsetter subsetter, SKTypeface typeface)
    {
        Subsetter = subsetter;
        Typeface = typeface;
    }

    public FontSubsetter Subsetter { get; }

    public SKTypeface Typeface { get; }

    public static ShippedFont Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The letter font is missing: {path}. It ships in Letters/Fonts of DealerCrm.Infrastructure.", path);
        }

        var subsetter = FontSubsetter.FromFile(path);
        var typeface = SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"Skia could not load the letter font {path}.");
        return new ShippedFont(subsetter, typeface);
    }

    public void Dispose()
    {
        Subsetter.Dispose();
        Typeface.Dispose();
    }
}
