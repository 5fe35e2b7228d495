using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Reporting;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Infrastructure.Letters;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Reporting;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Pages.Csi;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Pages.Lounge;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Cockpit;

/// <summary>How a cockpit figure reads: a count, a percentage, or a number with one decimal (index points, hours).</summary>
public enum KpiFormat
{
    Count = 1,
    Percent = 2,
    OneDecimal = 3,
    Money = 4,
}

/// <summary>One figure of the cockpit: this period, the one before, its target, and the list behind it (none where the reader may not open it).</summary>
/// <param name="HigherIsBetter">False for a ceiling (repeat repairs) or a count of trouble: below target is met.</param>
public sealed record Kpi(string TestId, string Label, decimal? Value, decimal? Previous, decimal? Target, KpiFormat Format, bool HigherIsBetter, string? Link, string Unit = "")
{
    public bool? MeetsTarget => Value is { } v && Target is { } t ? (HigherIsBetter ? v >= t : v < t) : null;

    public decimal? Change => Value is { } v && Previous is { } p ? v - p : null;

    /// <summary>A value of this figure as shown on the page and in the printed summary.</summary>
    public string Show(decimal? value) => value is not { } v ? "—" : Format switch
    {
        KpiFormat.Percent => $"{v:0.0}%",
        KpiFormat.OneDecimal => v.ToString("0.0", CultureInfo.CurrentCulture) + Unit,
        KpiFormat.Money => Money.FromYuan(v).ToString(),
        _ => v.ToString("0", CultureInfo.CurrentCulture) + Unit,
    };

    public string ShowChange(decimal change) => Format switch
    {
        KpiFormat.Count => change.ToString("0", CultureInfo.CurrentCulture),
        KpiFormat.Money => change.ToString("0.##", CultureInfo.CurrentCulture),
        _ => change.ToString("0.0", CultureInfo.CurrentCulture),
    };
}

/// <summary>A period of a trend: the follow-up rates and what the work grows from.</summary>
public sealed record TrendRow(ReportPeriod Period, string Label, decimal? ReturnVisitRate, decimal? OnTimeRate, int Deliveries, int Visits, RepeatRepairFigure RepeatRepairs);

/// <summary>One survey programme on the cockpit: its twelve months, the weakest factor, the people below target and open hot alerts.</summary>
public sealed record ScoreSection(SurveyProgram Program, IReadOnlyList<MonthFigure> Trend, FactorFigure? WeakestFactor, IReadOnlyList<StaffFigure> ByStaff, IReadOnlyList<StaffFigure> BelowTarget, AlertFigure Alerts)
{
    public MonthFigure ThisMonth => Trend[^1];

    public MonthFigure LastMonth => Trend[^2];
}

/// <summary>
/// The managers' cockpit: the chosen period against the one before and against target, each
/// figure linking to the list behind it, with trends drawn against the targets. What it shows
/// depends on the reader (<see cref="CockpitScope"/>). Every figure comes from the queries its own
/// feature's pages use (<see cref="FollowUpStats"/>, <see cref="ServiceFigures"/>,
/// <see cref="ComplaintFigures"/>, <see cref="CsiFigures"/>, <see cref="LoungeFigures"/>), so it
/// reads the same here as there. The dealership-wide counts (the follow-up trend, warranty and
/// overdue work; the survey scores) are the same for every reader and the costliest (they read
/// the whole task table and a year of surveys): they are reused for a minute
/// (<see cref="ReportFiguresCache"/>); the complaint figures are kept per reader (a case about the reader is not counted for them).
/// </summary>
[Authorize(Policy = Policies.Cockpit)]
public sealed class IndexModel(
    FollowUpStats stats,
    ServiceFigures service,
    ReportFiguresCache cache,
    ComplaintFigures complaints,
    CsiFigures csi,
    CsiQuestionnaires questionnaires,
    LoungeFigures lounge,
    FollowUpWorklist worklist,
    StaffDirectory staff,
    DealerCrmDbContext db,
    DealershipClock clock,
    IOptions<FollowUpPolicy> followUpPolicy,
    IOptions<CsiPolicy> csiPolicy,
    IOptions<DealershipOptions> dealership,
    IReportRenderer renderer,
    DisplayFormatter fmt,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int TrendLength = 12;

    /// <summary>Owners shown in the "overdue by owner" table; the overview lists them all.</summary>
    public const int OverdueOwnersShown = 8;

    /// <summary>Cases in the weekly pack's "top complaints".</summary>
    public const int TopComplaints = 5;

    /// <summary>People per programme in the printed pack (lowest index first), so it stays one page; the workbook has everyone.</summary>
    public const int PackStaffRows = 6;

    [BindProperty(SupportsGet = true)]
    public PeriodKind Period { get; set; } = PeriodKind.Week;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public ReportPeriod Current { get; private set; } = null!;

    public bool PeriodRefused { get; private set; }

    public CockpitScope Scope { get; private set; } = null!;

    public IReadOnlyList<Kpi> FollowUpKpis { get; private set; } = [];

    public IReadOnlyList<Kpi> GrowthKpis { get; private set; } = [];

    public IReadOnlyList<Kpi> ComplaintKpis { get; private set; } = [];

    public IReadOnlyList<Kpi> LoungeKpis { get; private set; } = [];

    public IReadOnlyList<TrendRow> Trend { get; private set; } = [];

    public int OverdueNow { get; private set; }

    /// <summary>When the dealership-wide counts shown were taken (they are reused for up to <see cref="ReportFiguresCache.Lifetime"/>).</summary>
    public DateTime? CountedUtc { get; private set; }

    /// <summary>Overdue tasks by owner, named (a person, or a role's pool), most first.</summary>
    public IReadOnlyList<(string Owner, int Count)> OverdueByOwner { get; private set; } = [];

    /// <summary>The CS director's own queue (their view leads with today's customer-service work).</summary>
    public QueueCounts? MyQueue { get; private set; }

    public ComplaintPulse Pulse { get; private set; } = new([0, 0, 0], 0, 0);

    public IReadOnlyList<TopComplaintRow> Top { get; private set; } = [];

    public IReadOnlyList<ScoreSection> Scores { get; private set; } = [];

    public decimal WarrantyTarget => followUpPolicy.Value.ReturnVisitTargetUnderWarrantyPercent;

    public decimal RepeatRepairCeiling => csiPolicy.Value.RepeatRepairRateCeilingPercent;

    public double CsiTargetIndex => csi.TargetIndex;

    public decimal SatisfactionTarget => csiPolicy.Value.SatisfactionRateTargetPercent;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>The period's one-page summary for the Monday meeting, as PDF through the letter engine.</summary>
    public async Task<IActionResult> OnGetPackAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var figures = AllKpis().Select(k => new ReportFigure(k.Label, k.Show(k.Value), Note(k))).ToList();
        if (Scope.ShowsDealershipWork)
        {
            figures.Insert(3, new ReportFigure(l["Cockpit.OverdueNow"], OverdueNow.ToString(CultureInfo.CurrentCulture), ""));
        }

        var report = new ReportDocument(
            l["Cockpit.PackTitle", dealership.Value.ShortName],
            l["Cockpit.PackSubtitle", PeriodText(Current), PeriodText(Current.Previous())],
            figures,
            PackTables().Select(t => new ReportTable(t.Title, t.Columns, t.Rows.Select(r => (IReadOnlyList<string>)r.Select(Cell).ToList()).ToList(), t.NumericColumns)).ToList(),
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

    public IEnumerable<Kpi> AllKpis() => Scope.ShowsDealershipWork
        ? [.. FollowUpKpis, .. ComplaintKpis, .. ScoreKpis(), .. LoungeKpis, .. GrowthKpis]
        : [.. ComplaintKpis, .. ScoreKpis()];

    /// <summary>Each programme's index and satisfaction this month against target.</summary>
    public IEnumerable<Kpi> ScoreKpis()
    {
        foreach (var score in Scores)
        {
            var program = score.Program.ToString().ToLowerInvariant();
            var link = Scope.IsDepartment ? null : $"/Csi?program={score.Program}";
            yield return new Kpi($"kpi-{program}-index", l[$"Cockpit.{score.Program}Index"], Points(score.ThisMonth.Index), Points(score.LastMonth.Index), (decimal)CsiTargetIndex, KpiFormat.OneDecimal, true, link);
            yield return new Kpi($"kpi-{program}-satisfaction", l[$"Cockpit.{score.Program}Satisfaction"], Points(score.Trend.SatisfactionPercent()), null, SatisfactionTarget, KpiFormat.Percent, true, link);
            yield return new Kpi($"kpi-{program}-alerts", l["Cockpit.OpenHotAlerts", score.Program.ToString().ToUpperInvariant()], score.Alerts.Open, null, null, KpiFormat.Count, false, Scope.IsDepartment ? null : "/Csi/Alerts");
        }
    }

    public IReadOnlyList<CockpitTable> Tables()
    {
        var tables = new List<CockpitTable>();
        if (Scope.ShowsDealershipWork)
        {
            tables.Add(new(l["Cockpit.RatesChart"], [l["Cockpit.PeriodColumn"], l["FollowUps.ReturnVisitRate"], l["FollowUps.OnTimeRate"]],
                Trend.Select(t => (IReadOnlyList<object?>)[t.Label, Spreadsheet.Percent(t.ReturnVisitRate), Spreadsheet.Percent(t.OnTimeRate)]).ToList(), new HashSet<int> { 1, 2 }));
            tables.Add(new(l["Cockpit.OverdueByOwner"], [l["Cockpit.Owner"], l["Cockpit.OverdueCount"]],
                OverdueByOwner.Select(o => (IReadOnlyList<object?>)[o.Owner, o.Count]).ToList(), new HashSet<int> { 1 }));
        }

        tables.Add(new(l["Cockpit.OpenByTier"], [l["Complaints.Tier"], l["Cockpit.OpenCases"]],
            Pulse.OpenByTier.Select((count, i) => (IReadOnlyList<object?>)[l["Complaints.TierN", i + ComplaintTiers.Lowest].Value, count]).ToList(), new HashSet<int> { 1 }));
        tables.Add(new(l["Cockpit.TopComplaints"], [l["Complaints.Number"], l["Complaints.Analysis.Received"], l["Cockpit.Customer"], l["Complaints.Category"], l["Complaints.Department"], l["Complaints.Tier"], l["Complaints.Status"]],
            Top.Select(c => (IReadOnlyList<object?>)[c.Number, clock.ToLocal(c.ReceivedUtc), c.CustomerName, l.Label(c.Category), l.Label(c.Department), c.Tier, l.Label(c.Status)]).ToList(), new HashSet<int> { 5 }));
        foreach (var score in Scores)
        {
            tables.Add(new(l[$"Cockpit.{score.Program}Trend"], [l["Cockpit.Month"], l["Cockpit.Surveys"], l["Csi.Index"], l["Cockpit.Satisfaction"]],
                score.Trend.Select(m => (IReadOnlyList<object?>)[CsiDashboard.Month(m.Month), m.Surveys, Round(m.Index), Spreadsheet.Percent(Points(m.SatisfactionPercent))]).ToList(), new HashSet<int> { 1, 2, 3 }));
            tables.Add(StaffTable(score, int.MaxValue));
        }

        if (Scope.ShowsDealershipWork)
        {
            tables.Add(new(l["Cockpit.GrowthChart"], [l["Cockpit.PeriodColumn"], l["Cockpit.Deliveries"], l["Cockpit.Visits"], l["Cockpit.RepeatRepairRateShort"]],
                Trend.Select(t => (IReadOnlyList<object?>)[t.Label, t.Deliveries, t.Visits, Spreadsheet.Percent(t.RepeatRepairs.RatePercent)]).ToList(), new HashSet<int> { 1, 2, 3 }));
        }

        return tables;
    }

    /// <summary>The printed page's tables: the gravest complaints and the people's scores (trends are on the charts and in the workbook).</summary>
    public IReadOnlyList<CockpitTable> PackTables() =>
    [
        new(l["Cockpit.TopComplaints"], [l["Complaints.Number"], l["Cockpit.Customer"], l["Complaints.Category"], l["Complaints.Department"], l["Complaints.Tier"]],
            Top.Select(c => (IReadOnlyList<object?>)[c.Number, c.CustomerName, l.Label(c.Category), l.Label(c.Department), c.Tier]).ToList(), new HashSet<int> { 4 }),
        .. Scores.Select(score => StaffTable(score, PackStaffRows)),
    ];

    private CockpitTable StaffTable(ScoreSection score, int take) =>
        new(l[$"Cockpit.{score.Program}ByStaff"], [l["Cockpit.Person"], l["Cockpit.Surveys"], l["Csi.Index"]],
            score.ByStaff.Take(take).Select(s => (IReadOnlyList<object?>)[s.Name, s.Surveys, Round(s.Index)]).ToList(), new HashSet<int> { 1, 2 });

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private static decimal? Points(double? value) => value is { } v ? Math.Round((decimal)v, 1) : null;

    private string PeriodText(ReportPeriod period) => $"{fmt.Date(period.From)} – {fmt.Date(period.Through)}";

    private string Note(Kpi kpi)
    {
        var parts = new List<string>();
        if (kpi.Previous is not null)
        {
            parts.Add($"{l["Cockpit.Previous"]} {kpi.Show(kpi.Previous)}");
        }

        if (kpi.Target is { } target)
        {
            parts.Add($"{l[kpi.HigherIsBetter ? "Cockpit.Target" : "Cockpit.Ceiling"]} {kpi.Show(target)}");
        }

        return string.Join(" · ", parts);
    }

    private static string Cell(object? value) => value switch
    {
        null => "—",
        Percentage p => $"{p.Fraction * 100:0.0}%",
        double d => d.ToString("0.0", CultureInfo.CurrentCulture),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        (Current, PeriodRefused) = PeriodChoice.Resolve(Period, From, To, today);
        if (PeriodRefused)
        {
            ModelState.AddModelError(nameof(From), l["Cockpit.PeriodRefused", ReportPeriod.MaxCustomDays]);
        }

        var me = User.UserId();
        var managed = await db.Users.Where(u => u.Id == me).Select(u => u.ManagedDepartment).FirstOrDefaultAsync(cancellationToken);
        Scope = CockpitScope.For(Roles.All.Where(User.IsInRole).ToList(), managed);
        if (Scope.HasNoDepartment)
        {
            return;
        }

        if (Scope.ShowsDealershipWork)
        {
            await LoadDealershipWorkAsync(cancellationToken);
        }

        await LoadComplaintsAsync(cancellationToken);
        await LoadScoresAsync(cancellationToken);
    }

    private sealed record WorkCounts(IReadOnlyList<TrendRow> Trend, FollowUpRates WarrantyNow, FollowUpRates WarrantyBefore, IReadOnlyList<OverdueLoad> Overdue, DateTime CountedUtc);

    private async Task LoadDealershipWorkAsync(CancellationToken cancellationToken)
    {
        var previous = Current.Previous();
        var withinDays = csiPolicy.Value.RepeatRepairWithinDays;
        var counts = await cache.GetOrCountAsync($"cockpit:work:{Current.Kind}:{Current.From:O}:{Current.Through:O}:{clock.Today:O}:{withinDays}", async () =>
        {
            var trend = await TrendAsync(PeriodChoice.Trend(Current, TrendLength), withinDays, cancellationToken);
            var warranty = await stats.TotalsByPeriodAsync([previous, Current], stats.UnderWarranty, cancellationToken);
            return new WorkCounts(trend, warranty[1], warranty[0], await stats.OverdueByOwnerAsync(cancellationToken), clock.UtcNow);
        });
        Trend = counts.Trend;
        CountedUtc = counts.CountedUtc;
        var (now, before, warrantyNow, warrantyBefore, overdue) = (Trend[^1], Trend[^2], counts.WarrantyNow, counts.WarrantyBefore, counts.Overdue);
        var names = await staff.NamesByIdAsync(cancellationToken);
        OverdueNow = overdue.Sum(o => o.Count);
        OverdueByOwner = overdue.Take(OverdueOwnersShown)
            .Select(o => (o.OwnerUserId is { } id ? names.GetValueOrDefault(id, id) : l["FollowUps.Pool", l["Role." + o.OwnerRole]].Value, o.Count)).ToList();
        if (Scope.Audience == CockpitAudience.CustomerService)
        {
            MyQueue = await worklist.CountsAsync(User, cancellationToken);
        }

        var overview = $"/FollowUps/Overview?from={DisplayFormatter.IsoDate(Current.From)}&to={DisplayFormatter.IsoDate(Current.Through)}";
        FollowUpKpis =
        [
            new("kpi-return-visit", l["FollowUps.ReturnVisitRate"], now.ReturnVisitRate, before.ReturnVisitRate, null, KpiFormat.Percent, true, overview),
            new("kpi-on-time", l["FollowUps.OnTimeRate"], now.OnTimeRate, before.OnTimeRate, null, KpiFormat.Percent, true, overview),
            new("kpi-warranty", l["FollowUps.WarrantyRate", WarrantyTarget], warrantyNow.ReturnVisitRate, warrantyBefore.ReturnVisitRate, WarrantyTarget, KpiFormat.Percent, true, overview),
        ];
        GrowthKpis =
        [
            new("kpi-deliveries", l["Cockpit.Deliveries"], now.Deliveries, before.Deliveries, null, KpiFormat.Count, true, Activity(ActivityKind.Deliveries)),
            new("kpi-visits", l["Cockpit.Visits"], now.Visits, before.Visits, null, KpiFormat.Count, true, Activity(ActivityKind.Visits)),
            new("kpi-repeat-repairs", l["Cockpit.RepeatRepairRate", withinDays], now.RepeatRepairs.RatePercent, before.RepeatRepairs.RatePercent, RepeatRepairCeiling, KpiFormat.Percent, false, Activity(ActivityKind.RepeatRepairs)),
        ];

        var month = lounge.ThisMonth;
        var lastMonth = LoungeFine.MonthOf(new DateOnly(month / 100, month % 100, 1).AddMonths(-1));
        var (days, daysBefore, fines, finesBefore) = await cache.GetOrCountAsync($"cockpit:lounge:{month}:{clock.Today:O}", async () => new LoungeCounts(
            await lounge.DaysAsync(month, cancellationToken),
            await lounge.DaysAsync(lastMonth, cancellationToken),
            await lounge.FinesAsync(month, cancellationToken),
            await lounge.FinesAsync(lastMonth, cancellationToken)));
        LoungeKpis =
        [
            new("kpi-lounge-missing", l["Cockpit.LoungeDaysMissing"], days.Missing, daysBefore.Missing, null, KpiFormat.Count, false, "/Lounge/Overview"),
            new("kpi-lounge-violations", l["Cockpit.LoungeViolations"], fines.Violations, finesBefore.Violations, null, KpiFormat.Count, false, FinesOf(month)),
            new("kpi-lounge-fines", l["Cockpit.LoungeFinesDue"], fines.Due.Yuan, finesBefore.Due.Yuan, null, KpiFormat.Money, false, FinesOf(month)),
        ];
    }

    private sealed record LoungeCounts(LoungeMonthDays Days, LoungeMonthDays DaysBefore, LoungeMonthFines Fines, LoungeMonthFines FinesBefore);

    private sealed record ComplaintCounts(ComplaintPulse Pulse, ComplaintSummary Summary, ComplaintSummary Before, IReadOnlyList<TopComplaintRow> Top);

    private async Task LoadComplaintsAsync(CancellationToken cancellationToken)
    {
        var department = Scope.ComplaintDepartment;
        var reader = User.UserId();
        var (from, to) = Utc(Current);
        var (fromBefore, toBefore) = Utc(Current.Previous());
        // Kept per reader: a case about the reader is neither listed nor counted for them.
        var (pulse, summary, before, top) = await cache.GetOrCountAsync($"cockpit:complaints:{reader}:{department}:{from:O}:{to:O}", async () => new ComplaintCounts(
            await complaints.PulseAsync(clock.UtcNow, department, reader, cancellationToken),
            await complaints.SummaryAsync(from, to, cancellationToken, department),
            await complaints.SummaryAsync(fromBefore, toBefore, cancellationToken, department),
            await complaints.TopAsync(from, to, department, reader, TopComplaints, cancellationToken)));
        Pulse = pulse;
        Top = top;

        var scope = department is { } d ? $"&department={d}" : "";
        var analysis = $"/Complaints/Analysis?from={DisplayFormatter.IsoDate(Current.From)}&to={DisplayFormatter.IsoDate(Current.Through)}{scope}";
        var hours = l["Cockpit.HoursUnit"].Value;
        ComplaintKpis =
        [
            new("kpi-complaints-open", l["Cockpit.OpenCases"], Pulse.Open, null, null, KpiFormat.Count, false, department is null ? "/Complaints" : $"/Complaints?department={department}"),
            new("kpi-complaints-late", l["Cockpit.ComplaintsLate"], Pulse.Late, null, null, KpiFormat.Count, false, $"/Complaints?overdue=true{scope}"),
            new("kpi-complaints-near-limit", l["Cockpit.ComplaintsNearLimit"], Pulse.NearLegalLimit, null, null, KpiFormat.Count, false, $"/Complaints?nearlimit=true{scope}"),
            new("kpi-complaints-received", l["Cockpit.ComplaintsReceived"], summary.Total, before.Total, null, KpiFormat.Count, false, analysis),
            new("kpi-complaints-mean", l["Complaints.Analysis.MeanHours"], Hours(summary.MeanHoursToClose), Hours(before.MeanHoursToClose), null, KpiFormat.OneDecimal, false, analysis, hours),
            new("kpi-complaints-p90", l["Complaints.Analysis.P90Hours"], Hours(summary.P90HoursToClose), Hours(before.P90HoursToClose), null, KpiFormat.OneDecimal, false, analysis, hours),
            new("kpi-complaints-escalated", l["Complaints.Analysis.EscalatedShare"], summary.Total == 0 ? null : Math.Round((decimal)summary.EscalatedShare * 100, 1), before.Total == 0 ? null : Math.Round((decimal)before.EscalatedShare * 100, 1), null, KpiFormat.Percent, false, analysis),
        ];
    }

    private async Task LoadScoresAsync(CancellationToken cancellationToken)
    {
        var scores = new List<ScoreSection>();
        foreach (var program in Scope.ScorePrograms)
        {
            scores.Add(await cache.GetOrCountAsync($"cockpit:scores:{program}:{clock.Today:O}", async () =>
            {
                // The dashboard's own period (twelve months to this one), so the weakest factor and the people below target read as there.
                var period = csi.DefaultPeriod(program);
                var current = await questionnaires.CurrentAsync(program, cancellationToken);
                var byStaff = await csi.ByStaffAsync(period, cancellationToken);
                var factors = await csi.FactorsAsync(period, current, cancellationToken);
                return new ScoreSection(
                    program,
                    await csi.TrendAsync(period, cancellationToken),
                    factors.OrderBy(f => f.Score).FirstOrDefault(),
                    byStaff,
                    byStaff.Where(s => s.Index < csi.TargetIndex).ToList(),
                    await csi.AlertsAsync(program, cancellationToken));
            }));
        }

        Scores = scores;
    }

    private static string FinesOf(int month) => $"/Lounge/Fines?month={FineLedger.MonthText(month)}";

    private static decimal? Hours(double? hours) => hours is { } h ? Math.Round((decimal)h, 1) : null;

    private (DateTime From, DateTime To) Utc(ReportPeriod period) => (clock.StartOfDayUtc(period.From), clock.StartOfDayUtc(period.Through.AddDays(1)));

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
        PeriodKind.Month => period.From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{period.From.Year} Q{((period.From.Month - 1) / 3) + 1}",
        _ => period.From.ToString("MM-dd", CultureInfo.InvariantCulture),
    };
}
