using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace DealerCrm.Web.Infrastructure.Localization;

/// <summary>Simplified Chinese by default; English when the user switches (remembered in a cookie).</summary>
public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [new(Chinese), new(English)];

    public static bool IsSupported(string? name) =>
        Supported.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Chinese);
        options.SupportedCultures = [.. Supported];
        options.SupportedUICultures = [.. Supported];
        // Only the user's explicit choice counts: a browser set to English still starts in Chinese.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
    }
}
