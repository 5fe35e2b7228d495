using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Reporting;
using DealerCrm.Domain.Settings;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Reporting;
using DealerCrm.Web.Pages.FollowUps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Cockpit;

/// <summary>One figure of the cockpit: this period, the one before, its target, and the list behind it.</summary>
/// <param name="HigherIsBetter">False for a ceiling (repeat repairs): below target is met.</param>
public sealed record Kpi(string TestId, string Label, decimal? Value, decimal? Previous, decimal? Target, bool IsPercent, bool HigherIsBetter, string Link)
{
    public bool? MeetsTarget => Value is { } v && Target is { } t ? (HigherIsBetter ? v >= t : v < t) : null;

    public decimal? Change => Value is { } v && Previous is { } p ? v - p : null;
}

/// <summary>A period of a trend: the follow-up rates and what the work grows from.</summary>
public sealed record TrendRow(ReportPeriod Period, string Label, decimal? ReturnVisitRate, decimal? OnTimeRate, int Deliveries, int Visits, RepeatRepairFigure RepeatRepairs);

/// <summary>
/// The managers' cockpit: the chosen period against the one before and against target, each
/// figure linking to the list behind it, with twelve periods of trend drawn against the targets.
/// Every figure comes from the queries its own feature's pages use (<see cref="FollowUpStats"/>,
/// <see cref="ServiceFigures"/>), so it reads the same here as there.
/// </summary>
[Authorize(Policy = Policies.Cockpit)]
public sealed class IndexModel(
    FollowUpStats stats,
    ServiceFigures service,
    DealershipClock clock,
    IOptions<FollowUpPolicy> followUpPolicy,
    IOptions<CsiPolicy> csiPolicy,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int TrendLength = 12;

    [BindProperty(SupportsGet = true)]
    public PeriodKind Period { get; set; } = PeriodKind.Week;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public ReportPeriod Current { get; private set; } = null!;

    public bool PeriodRefused { get; private set; }

    public IReadOnlyList<Kpi> FollowUpKpis { get; private set; } = [];

    public IReadOnlyList<Kpi> GrowthKpis { get; private set; } = [];

    public IReadOnlyList<TrendRow> Trend { get; private set; } = [];

    public int OverdueNow { get; private set; }

    public decimal WarrantyTarget => followUpPolicy.Value.ReturnVisitTargetUnderWarrantyPercent;

    public decimal RepeatRepairCeiling => csiPolicy.Value.RepeatRepairRateCeilingPercent;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        (Current, PeriodRefused) = PeriodChoice.Resolve(Period, From, To, today);
        if (PeriodRefused)
        {
            ModelState.AddModelError(nameof(From), l["Cockpit.PeriodRefused", ReportPeriod.MaxCustomDays]);
        }

        var previous = Current.Previous();
        var withinDays = csiPolicy.Value.RepeatRepairWithinDays;
        Trend = await TrendAsync(PeriodChoice.Trend(Current, TrendLength), withinDays, cancellationToken);
        var now = Trend[^1];
        var before = Trend[^2];
        var warrantyNow = await stats.TotalAsync(stats.UnderWarranty(DueIn(Current)), cancellationToken);
        var warrantyBefore = await stats.TotalAsync(stats.UnderWarranty(DueIn(previous)), cancellationToken);
        OverdueNow = await stats.OverdueNow().CountAsync(cancellationToken);

        var overview = $"/FollowUps/Overview?from={DisplayFormatter.IsoDate(Current.From)}&to={DisplayFormatter.IsoDate(Current.Through)}";
        FollowUpKpis =
        [
            new("kpi-return-visit", l["FollowUps.ReturnVisitRate"], now.ReturnVisitRate, before.ReturnVisitRate, null, true, true, overview),
            new("kpi-on-time", l["FollowUps.OnTimeRate"], now.OnTimeRate, before.OnTimeRate, null, true, true, overview),
            new("kpi-warranty", l["FollowUps.WarrantyRate", WarrantyTarget], warrantyNow.ReturnVisitRate, warrantyBefore.ReturnVisitRate, WarrantyTarget, true, true, overview),
        ];
        GrowthKpis =
        [
            new("kpi-deliveries", l["Cockpit.Deliveries"], now.Deliveries, before.Deliveries, null, false, true, Activity(ActivityKind.Deliveries)),
            new("kpi-visits", l["Cockpit.Visits"], now.Visits, before.Visits, null, false, true, Activity(ActivityKind.Visits)),
            new("kpi-repeat-repairs", l["Cockpit.RepeatRepairRate", withinDays], now.RepeatRepairs.RatePercent, before.RepeatRepairs.RatePercent, RepeatRepairCeiling, true, false, Activity(ActivityKind.RepeatRepairs)),
        ];
    }

    /// <summary>The query string that keeps the chosen period (for links and the period picker).</summary>
    public string PeriodQuery => Period == PeriodKind.Custom && !PeriodRefused
        ? $"period=Custom&from={DisplayFormatter.IsoDate(Current.From)}&to={DisplayFormatter.IsoDate(Current.Through)}"
        : $"period={Current.Kind}";

    private string Activity(ActivityKind kind) =>
        $"/Cockpit/Activity?what={kind}&from={DisplayFormatter.IsoDate(Current.From)}&to={DisplayFormatter.IsoDate(Current.Through)}";

    private IQueryable<FollowUpTask> DueIn(ReportPeriod period) => stats.DueIn(period.From, period.Through);

    private async Task<IReadOnlyList<TrendRow>> TrendAsync(IReadOnlyList<ReportPeriod> periods, int withinDays, CancellationToken cancellationToken)
    {
        var rows = new List<TrendRow>();
        foreach (var period in periods)
        {
            var rates = await stats.TotalAsync(DueIn(period), cancellationToken);
            rows.Add(new TrendRow(
                period,
                Label(period),
                rates.ReturnVisitRate,
                rates.OnTimeRate,
                await service.Deliveries(period).CountAsync(cancellationToken),
                await service.Visits(period).CountAsync(cancellationToken),
                await service.RepeatRepairAsync(period, withinDays, cancellationToken)));
        }

        return rows;
    }

    private static string Label(ReportPeriod period) => period.Kind switch
    {
        PeriodKind.Month => period.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{period.From.Year} Q{((period.From.Month - 1) / 3) + 1}",
        _ => period.From.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
