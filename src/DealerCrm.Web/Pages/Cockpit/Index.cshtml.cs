using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Reporting;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Letters;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Reporting;
using DealerCrm.Web.Infrastructure.Spreadsheets;
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

    /// <summary>A value of this figure as shown on the page and in the printed summary.</summary>
    public string Show(decimal? value) =>
        value is not { } v ? "—" : IsPercent ? $"{v:0.0}%" : v.ToString("0", CultureInfo.CurrentCulture);
}

/// <summary>A period of a trend: the follow-up rates and what the work grows from.</summary>
public sealed record TrendRow(ReportPeriod Period, string Label, decimal? ReturnVisitRate, decimal? OnTimeRate, int Deliveries, int Visits, RepeatRepairFigure RepeatRepairs);

/// <summary>
/// The managers' cockpit: the chosen period against the one before and against target, each
/// figure linking to the list behind it, with twelve periods of trend drawn against the targets.
/// Every figure comes from the queries its own feature's pages use (<see cref="FollowUpStats"/>,
/// <see cref="ServiceFigures"/>), so it reads the same here as there; the counts are reused for
/// a minute (<see cref="ReportFiguresCache"/>).
/// </summary>
[Authorize(Policy = Policies.Cockpit)]
public sealed class IndexModel(
    FollowUpStats stats,
    ServiceFigures service,
    ReportFiguresCache cache,
    DealershipClock clock,
    IOptions<FollowUpPolicy> followUpPolicy,
    IOptions<CsiPolicy> csiPolicy,
    IOptions<DealershipOptions> dealership,
    IReportRenderer renderer,
    DisplayFormatter fmt,
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

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>The period's one-page summary for the Monday meeting, as PDF through the letter engine.</summary>
    public async Task<IActionResult> OnGetPackAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var figures = FollowUpKpis.Concat(GrowthKpis).Select(k => new ReportFigure(k.Label, k.Show(k.Value), Note(k))).ToList();
        figures.Insert(3, new ReportFigure(l["Cockpit.OverdueNow"], OverdueNow.ToString(CultureInfo.CurrentCulture), ""));
        var report = new ReportDocument(
            l["Cockpit.PackTitle", dealership.Value.ShortName],
            l["Cockpit.PackSubtitle", PeriodText(Current), PeriodText(Current.Previous())],
            figures,
            Tables().Select(t => new ReportTable(t.Title, t.Columns, t.Rows.Select(r => (IReadOnlyList<string>)r.Select(Cell).ToList()).ToList(), t.NumericColumns)).ToList(),
            l["Cockpit.PackFooter", dealership.Value.Name, fmt.DateTime(clock.UtcNow)]);
        return File(renderer.RenderPdf(report), "application/pdf", l["Cockpit.PackFileName", DisplayFormatter.IsoDate(Current.From)] + ".pdf");
    }

    /// <summary>Every table of the cockpit as a sheet of one workbook.</summary>
    public async Task<IActionResult> OnGetTablesAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        using var book = new Spreadsheet();
        foreach (var table in Tables())
        {
            book.AddSheet(table.Title, table.Columns, table.Rows);
        }

        return File(book.ToBytes(), Spreadsheet.ContentType, l["Cockpit.PackFileName", DisplayFormatter.IsoDate(Current.From)] + ".xlsx");
    }

    /// <summary>A table of the cockpit: typed cells for the workbook, the same cells as text for the PDF.</summary>
    public sealed record CockpitTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlySet<int> NumericColumns);

    public IReadOnlyList<CockpitTable> Tables() =>
    [
        new(l["Cockpit.RatesChart"], [l["Cockpit.PeriodColumn"], l["FollowUps.ReturnVisitRate"], l["FollowUps.OnTimeRate"]],
            Trend.Select(t => (IReadOnlyList<object?>)[t.Label, Spreadsheet.Percent(t.ReturnVisitRate), Spreadsheet.Percent(t.OnTimeRate)]).ToList(), new HashSet<int> { 1, 2 }),
        new(l["Cockpit.GrowthChart"], [l["Cockpit.PeriodColumn"], l["Cockpit.Deliveries"], l["Cockpit.Visits"], l["Cockpit.RepeatRepairRateShort"]],
            Trend.Select(t => (IReadOnlyList<object?>)[t.Label, t.Deliveries, t.Visits, Spreadsheet.Percent(t.RepeatRepairs.RatePercent)]).ToList(), new HashSet<int> { 1, 2, 3 }),
    ];

    private string PeriodText(ReportPeriod period) => $"{fmt.Date(period.From)} – {fmt.Date(period.Through)}";

    private string Note(Kpi kpi)
    {
        var note = $"{l["Cockpit.Previous"]} {kpi.Show(kpi.Previous)}";
        return kpi.Target is { } target ? $"{note} · {l[kpi.HigherIsBetter ? "Cockpit.Target" : "Cockpit.Ceiling"]} {kpi.Show(target)}" : note;
    }

    private static string Cell(object? value) => value switch
    {
        null => "—",
        Percentage p => $"{p.Fraction * 100:0.0}%",
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    private sealed record Counts(IReadOnlyList<TrendRow> Trend, FollowUpRates WarrantyNow, FollowUpRates WarrantyBefore, int OverdueNow);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        (Current, PeriodRefused) = PeriodChoice.Resolve(Period, From, To, today);
        if (PeriodRefused)
        {
            ModelState.AddModelError(nameof(From), l["Cockpit.PeriodRefused", ReportPeriod.MaxCustomDays]);
        }

        var previous = Current.Previous();
        var withinDays = csiPolicy.Value.RepeatRepairWithinDays;
        // Counted once for every manager opening the same period within the cache's lifetime.
        var counts = await cache.GetOrCountAsync($"cockpit:{Current.Kind}:{Current.From:O}:{Current.Through:O}:{today:O}:{withinDays}", async () =>
        {
            var trend = await TrendAsync(PeriodChoice.Trend(Current, TrendLength), withinDays, cancellationToken);
            var warranty = await stats.TotalsByPeriodAsync([previous, Current], stats.UnderWarranty, cancellationToken);
            return new Counts(trend, warranty[1], warranty[0], await stats.OverdueNow().CountAsync(cancellationToken));
        });
        Trend = counts.Trend;
        OverdueNow = counts.OverdueNow;
        var (now, before, warrantyNow, warrantyBefore) = (Trend[^1], Trend[^2], counts.WarrantyNow, counts.WarrantyBefore);

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

    // Each figure of the trend counted for all its periods in one query grouped by period (not a query a period).
    private async Task<IReadOnlyList<TrendRow>> TrendAsync(IReadOnlyList<ReportPeriod> periods, int withinDays, CancellationToken cancellationToken)
    {
        var rates = await stats.TotalsByPeriodAsync(periods, null, cancellationToken);
        var growth = await service.ByPeriodAsync(periods, withinDays, cancellationToken);
        return [.. periods.Select((period, i) => new TrendRow(
            period, Label(period), rates[i].ReturnVisitRate, rates[i].OnTimeRate, growth[i].Deliveries, growth[i].Visits, growth[i].RepeatRepairs))];
    }

    private static string Label(ReportPeriod period) => period.Kind switch
    {
        PeriodKind.Month => period.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{period.From.Year} Q{((period.From.Month - 1) / 3) + 1}",
        _ => period.From.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
