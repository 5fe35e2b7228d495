using System.Globalization;

namespace DealerCrm.Web.Infrastructure.Navigation;

/// <summary>
/// Counts of work shown to staff (badges, tabs) stop at a cap: "999+" says all a caller needs,
/// and counting a pool of half a million tasks exactly on every page would cost a scan each time.
/// </summary>
public static class CappedCount
{
    public const int Cap = 999;

    /// <summary>Counting stops at this many: one past the cap tells "more than the cap".</summary>
    public const int Limit = Cap + 1;

    public static string Show(int count) =>
        count > Cap ? string.Create(CultureInfo.CurrentCulture, $"{Cap}+") : count.ToString(CultureInfo.CurrentCulture);
}
