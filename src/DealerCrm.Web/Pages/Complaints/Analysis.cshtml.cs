using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>
/// The managers' complaint analysis (RULES.md section 5, "weekly analysis"): counts by category,
/// department, tier and channel per week or month, mean and 90th-percentile time to close, the
/// share escalated, and the corrective actions decided and whether they were carried out; each
/// chart with its table, and the same figures as .xlsx. Every figure comes from
/// <see cref="ComplaintFigures"/>, aggregated in SQL.
/// </summary>
[Authorize(Policy = Policies.ComplaintsAnalysis)]
public sealed class AnalysisModel(ComplaintFigures figures, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxDays = 731;
    public const int DefaultWeeks = 12;

    /// <summary>Corrective actions shown a page at a time; the summary counts them all, the export lists them.</summary>
    public const int ActionsPageSize = 25;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public ComplaintPeriod Period { get; set; } = ComplaintPeriod.Week;

    /// <summary>One department's cases (a department manager's view from the cockpit), or all.</summary>
    [BindProperty(SupportsGet = true)]
    public ComplaintDepartment? Department { get; set; }

    /// <summary>The page of the corrective actions.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int ActionsPage { get; set; } = 1;

    public ComplaintSummary Summary { get; private set; } = new(0, 0, null, null, 0, 0, 0);

    public IReadOnlyList<Breakdown> Breakdowns { get; private set; } = [];

    /// <summary>One page of the corrective actions, counted by the summary.</summary>
    public PagedList<CorrectiveActionRow> Actions { get; private set; } = Empty;

    /// <summary>One dimension as a table: periods down, values across, counts inside.</summary>
    public sealed record Breakdown(ComplaintDimension Dimension, IReadOnlyList<int> Periods, IReadOnlyList<(int Key, string Label)> Keys, IReadOnlyDictionary<(int Period, int Key), int> Counts)
    {
        public int Count(int period, int key) => Counts.GetValueOrDefault((period, key));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ValidRange())
        {
            return Page();
        }

        await LoadAsync(cancellationToken);
        // The summary counted the actions in SQL: a page past the last shows the last.
        var pages = Math.Max(1, (Summary.ActionsDecided + ActionsPageSize - 1) / ActionsPageSize);
        var page = Math.Clamp(ActionsPage, 1, pages);
        var rows = Summary.ActionsDecided == 0
            ? []
            : await figures.CorrectiveActionsAsync(FromUtc, ToUtc, (page - 1) * ActionsPageSize, ActionsPageSize, cancellationToken, Department);
        Actions = new PagedList<CorrectiveActionRow> { Items = rows, Page = page, PageSize = ActionsPageSize, TotalCount = Summary.ActionsDecided };
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!ValidRange())
        {
            return Page();
        }

        await LoadAsync(cancellationToken);
        using var book = new Spreadsheet();
        book.AddSheet(l["Complaints.Analysis.Summary"], [l["Complaints.Analysis.Summary"], l["Complaints.Analysis.Count"]],
        [
            [l["Complaints.Analysis.Total"].Value, Summary.Total],
            [l["Complaints.Analysis.Closed"].Value, Summary.Closed],
            [l["Complaints.Analysis.MeanHours"].Value, Summary.MeanHoursToClose is { } mean ? Math.Round(mean, 1) : null],
            [l["Complaints.Analysis.P90Hours"].Value, Summary.P90HoursToClose is { } p90 ? Math.Round(p90, 1) : null],
            [l["Complaints.Analysis.EscalatedShare"].Value, Math.Round(Summary.EscalatedShare, 3)],
            [l["Complaints.Analysis.ActionsDecided"].Value, Summary.ActionsDecided],
            [l["Complaints.Analysis.ActionsDone"].Value, Summary.ActionsDone],
        ]);
        book.AddSheet(l["Complaints.Analysis.SheetCounts"],
            [l["Complaints.Analysis.Dimension"], l["Complaints.Analysis.PeriodColumn"], l["Complaints.Analysis.Value"], l["Complaints.Analysis.Count"]],
            Breakdowns.SelectMany(b => b.Periods.SelectMany(p => b.Keys.Select(k => (IReadOnlyList<object?>)
                [l["Complaints.Analysis.By." + b.Dimension].Value, PeriodLabel(p), k.Label, b.Count(p, k.Key)]))));
        book.AddSheet(l["Complaints.Analysis.SheetActions"],
            [l["Complaints.Number"], l["Complaints.Analysis.Received"], l["Complaints.Category"], l["Complaints.Department"], l["Complaints.CorrectiveAction"], l["Complaints.Analysis.ActionsDone"]],
            (await figures.CorrectiveActionsAsync(FromUtc, ToUtc, cancellationToken, Department)).Select(a => (IReadOnlyList<object?>)[a.Number, clock.ToLocal(a.ReceivedUtc), l.Label(a.Category), l.Label(a.Department), a.Action, a.DoneUtc is { } d ? clock.ToLocal(d) : null]));
        var name = string.Create(CultureInfo.InvariantCulture, $"complaints-{From:yyyyMMdd}-{To:yyyyMMdd}.xlsx");
        return File(book.ToBytes(), Spreadsheet.ContentType, name);
    }

    /// <summary>202648 as "2026 年第 48 周", 202611 as "2026 年 11 月".</summary>
    public string PeriodLabel(int period) => Period == ComplaintPeriod.Week
        ? l["Complaints.Analysis.Week", period / 100, period % 100]
        : l["Complaints.Analysis.Month", period / 100, period % 100];

    public string Hours(double? hours) => hours is { } h ? l["Complaints.Analysis.Hours", Math.Round(h, 1).ToString("0.#", CultureInfo.CurrentCulture)] : "—";

    /// <summary>A stacked bar chart of one breakdown: periods along the axis, one series per value.</summary>
    public object ChartOption(Breakdown b) => new
    {
        tooltip = new { trigger = "axis" },
        legend = new { type = "scroll", bottom = 0 },
        grid = new { left = 40, right = 16, top = 16, bottom = 56 },
        xAxis = new { type = "category", data = b.Periods.Select(PeriodLabel).ToArray() },
        yAxis = new { type = "value", minInterval = 1 },
        series = b.Keys.Select(k => new { name = k.Label, type = "bar", stack = "total", data = b.Periods.Select(p => b.Count(p, k.Key)).ToArray() }).ToArray(),
    };

    private bool ValidRange()
    {
        var today = clock.Today;
        To ??= today;
        From ??= To.Value.AddDays(-7 * DefaultWeeks);
        if (!Enum.IsDefined(Period))
        {
            Period = ComplaintPeriod.Week;
        }

        if (Department is { } department && !Enum.IsDefined(department))
        {
            Department = null;
        }

        if (From > To || To.Value.DayNumber - From.Value.DayNumber > MaxDays || From.Value.Year < 2000 || To.Value.Year > 2100)
        {
            ModelState.AddModelError(string.Empty, l["Complaints.Analysis.RangeInvalid"]);
            return false;
        }

        return true;
    }

    private static PagedList<CorrectiveActionRow> Empty => new() { Items = [], Page = 1, PageSize = ActionsPageSize, TotalCount = 0 };

    private DateTime FromUtc => clock.StartOfDayUtc(From!.Value);

    private DateTime ToUtc => clock.StartOfDayUtc(To!.Value.AddDays(1));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var fromUtc = FromUtc;
        var toUtc = ToUtc;
        Summary = await figures.SummaryAsync(fromUtc, toUtc, cancellationToken, Department);
        var breakdowns = new List<Breakdown>();
        foreach (var dimension in Enum.GetValues<ComplaintDimension>())
        {
            var cells = await figures.CountsAsync(fromUtc, toUtc, Period, dimension, cancellationToken, Department);
            var keys = KeysOf(dimension);
            breakdowns.Add(new Breakdown(dimension, cells.Select(c => c.Period).Distinct().Order().ToList(), keys, cells.ToDictionary(c => (c.Period, c.Key), c => c.Count)));
        }

        Breakdowns = breakdowns;
    }

    private List<(int Key, string Label)> KeysOf(ComplaintDimension dimension) => dimension switch
    {
        ComplaintDimension.Category => Enum.GetValues<ComplaintCategory>().Select(v => ((int)v, l.Label(v))).ToList(),
        ComplaintDimension.Department => Enum.GetValues<ComplaintDepartment>().Select(v => ((int)v, l.Label(v))).ToList(),
        ComplaintDimension.Channel => Enum.GetValues<ComplaintChannel>().Select(v => ((int)v, l.Label(v))).ToList(),
        _ => Enumerable.Range(ComplaintTiers.Lowest, ComplaintTiers.Highest).Select(t => (t, l["Complaints.TierN", t].Value)).ToList(),
    };
}
