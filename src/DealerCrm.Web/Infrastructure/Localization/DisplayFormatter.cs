using System.Globalization;
using DealerCrm.Domain.Common;

namespace DealerCrm.Web.Infrastructure.Localization;

/// <summary>
/// Formats dates, times and money for the page's language, with instants shown in the
/// dealership's time zone: 2026年11月23日 14:05 in Chinese, 2026-11-23 14:05 in English.
/// </summary>
public sealed class DisplayFormatter(DealershipClock clock)
{
    private static bool Chinese => Cultures.IsChinese(CultureInfo.CurrentUICulture);

    public string Date(DateOnly date) => Chinese
        ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>The local date of a UTC instant.</summary>
    public string Date(DateTime utc) => Date(clock.LocalDateOf(utc));

    public string DateTime(DateTime utc)
    {
        var local = clock.ToLocal(utc);
        return Date(DateOnly.FromDateTime(local)) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    public string DateTime(DateTime? utc) => utc is { } u ? DateTime(u) : "";

    public string Time(DateTime utc) => clock.ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    public string Money(Money amount) => amount.ToString();

    /// <summary>Value for an &lt;input type="date"&gt;, always ISO.</summary>
    public static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
