using DealerCrm.Domain.Reporting;

namespace DealerCrm.Web.Pages.Cockpit;

/// <summary>
/// The period a report page shows, as chosen in its URL (?period=Month, or Custom with from and
/// to): the current week by default; a custom period the wrong way round or too long is refused
/// with a message and the current week shown instead.
/// </summary>
public static class PeriodChoice
{
    public static (ReportPeriod Period, bool Refused) Resolve(PeriodKind kind, DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (kind != PeriodKind.Custom)
        {
            return (ReportPeriod.Containing(Enum.IsDefined(kind) ? kind : PeriodKind.Week, today), false);
        }

        return from is { } f && to is { } t && ReportPeriod.Custom(f, t) is { } custom
            ? (custom, false)
            : (ReportPeriod.Containing(PeriodKind.Week, today), true);
    }

    /// <summary>The periods ending with <paramref name="last"/>, oldest first, for a trend.</summary>
    public static IReadOnlyList<ReportPeriod> Trend(ReportPeriod last, int count)
    {
        var periods = new List<ReportPeriod> { last };
        while (periods.Count < count)
        {
            periods.Insert(0, periods[0].Previous());
        }

        return periods;
    }
}
