using DealerCrm.Domain.Csi;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Charts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Csi;

/// <summary>
/// The CSI/SSI dashboard (客户满意度): this month's index against the target and its trend, the
/// factors, the index by advisor (salesperson for SSI), each question's mean and variance weakest
/// first, the satisfaction rate, open hot alerts, and the value × satisfaction quadrant.
/// </summary>
[Authorize(Policy = Policies.CsiDashboard)]
public sealed class IndexModel(CsiFigures figures, CsiQuestionnaires questionnaires, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int QuadrantTableRows = 20;
    public const int QuadrantChartPoints = 300;

    public CsiDashboard Figures { get; private set; } = null!;

    public SurveyProgram Program { get; private set; }

    public bool IsChinese => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public double HighValueYuan => figures.Policy.HighValueFromYuan;

    public bool IsHighValue(QuadrantRow row) => figures.IsHighValue(row);

    public bool IsLowSatisfaction(QuadrantRow row) => figures.IsLowSatisfaction(row);

    public async Task OnGetAsync(SurveyProgram? program, CancellationToken cancellationToken)
    {
        Program = program is { } p && Enum.IsDefined(p) ? p : SurveyProgram.Csi;
        Figures = await CsiDashboard.LoadAsync(figures, questionnaires, figures.DefaultPeriod(Program), QuadrantChartPoints, cancellationToken);
    }

    public ChartModel TrendChart => new("chart-trend", l["Csi.Chart.Trend"], new
    {
        tooltip = new { trigger = "axis" },
        grid = new { left = 48, right = 24, top = 32, bottom = 32 },
        xAxis = new { type = "category", data = Figures.Trend.Select(m => CsiDashboard.Month(m.Month)) },
        yAxis = new { type = "value", min = "dataMin", max = 1000 },
        series = new object[]
        {
            new
            {
                name = l["Csi.Index"].Value,
                type = "line",
                connectNulls = true,
                data = Figures.Trend.Select(m => m.Index is { } i ? Math.Round(i, 1) : (double?)null),
                markLine = new { symbol = "none", data = new[] { new { name = l["Csi.Target"].Value, yAxis = Figures.TargetIndex } }, lineStyle = new { type = "dashed", color = "#b02a37" } },
            },
        },
    }, "table-trend");

    public ChartModel FactorChart => new("chart-factors", l["Csi.Chart.Factors"], new
    {
        tooltip = new { trigger = "axis" },
        grid = new { left = 48, right = 24, top = 24, bottom = 48 },
        xAxis = new { type = "category", data = Figures.Factors.Select(f => IsChinese ? f.NameZh : f.NameEn), axisLabel = new { interval = 0 } },
        yAxis = new { type = "value", min = 1, max = 10 },
        series = new object[]
        {
            new
            {
                name = l["Csi.FactorScore"].Value,
                type = "bar",
                data = Figures.Factors.Select(f => Math.Round(f.Score, 2)),
                markLine = new { symbol = "none", data = new[] { new { name = l["Csi.Target"].Value, yAxis = Figures.TargetIndex / 100 } }, lineStyle = new { type = "dashed", color = "#b02a37" } },
            },
        },
    }, "table-factors", 280);

    public ChartModel StaffChart => new("chart-staff", l[Program == SurveyProgram.Csi ? "Csi.Chart.ByAdvisor" : "Csi.Chart.BySalesperson"], new
    {
        tooltip = new { trigger = "axis" },
        grid = new { left = 80, right = 24, top = 24, bottom = 32 },
        xAxis = new { type = "value", min = "dataMin", max = 1000 },
        yAxis = new { type = "category", data = Figures.ByStaff.Select(s => s.Name) },
        series = new object[]
        {
            new
            {
                name = l["Csi.Index"].Value,
                type = "bar",
                data = Figures.ByStaff.Select(s => Math.Round(s.Index, 1)),
                markLine = new { symbol = "none", data = new[] { new { name = l["Csi.Target"].Value, xAxis = Figures.TargetIndex } }, lineStyle = new { type = "dashed", color = "#b02a37" } },
            },
        },
    }, "table-staff", Math.Max(200, 48 + (Figures.ByStaff.Count * 36)));

    public ChartModel QuadrantChart => new("chart-quadrant", l["Csi.Chart.Quadrant"], new
    {
        tooltip = new { trigger = "item" },
        grid = new { left = 56, right = 24, top = 24, bottom = 40 },
        xAxis = new { type = "value", name = l["Csi.ValueYuan"].Value, nameLocation = "middle", nameGap = 26 },
        yAxis = new { type = "value", name = l["Csi.Index"].Value, min = "dataMin", max = 1000 },
        series = new object[]
        {
            new
            {
                name = l["Csi.Customer"].Value,
                type = "scatter",
                symbolSize = 8,
                data = Figures.Quadrant.Select(r => new object[] { Math.Round(r.Value.Yuan), Math.Round(r.AvgIndex, 1), r.Name }),
                markLine = new
                {
                    symbol = "none",
                    lineStyle = new { type = "dashed", color = "#b02a37" },
                    data = new object[] { new { name = l["Csi.Target"].Value, yAxis = Figures.TargetIndex }, new { name = l["Csi.HighValue"].Value, xAxis = HighValueYuan } },
                },
            },
        },
    }, "table-quadrant", 360);
}
