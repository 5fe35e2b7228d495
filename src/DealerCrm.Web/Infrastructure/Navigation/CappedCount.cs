using System.Globalization;

namespace DealerCrm.Web.Infrastructure.Navigation;

/// <summary>
/// Counts of work shown to staff (badges, tabs) stop at a cap: "99+" says all a caller needs (a
/// day's calls are fewer), and each count reads up to the cap's rows on every page the badge is
/// on; counting a pool of half a million tasks exactly would read them all each time.
/// </summary>
public static class CappedCount
{
    public const int Cap = 99;

    /// <summary>Counting stops at this many: one past the cap tells "more than the cap".</summary>
    public const int Limit = Cap + 1;

    public static string Show(int count) =>
        count > Cap ? string.Create(CultureInfo.CurrentCulture, $"{Cap}+") : count.ToString(CultureInfo.CurrentCulture);
}
