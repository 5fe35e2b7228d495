using System.Globalization;

namespace DealerCrm.Web.Pages.Csi;

/// <summary>The dashboard's figures for one program and period, read once through <see cref="CsiFigures"/> for the page and the export alike.</summary>
public sealed record CsiDashboard(
    CsiPeriod Period,
    double TargetIndex,
    decimal SatisfactionTargetPercent,
    IReadOnlyList<MonthFigure> Trend,
    IReadOnlyList<FactorFigure> Factors,
    IReadOnlyList<StaffFigure> ByStaff,
    IReadOnlyList<QuestionFigure> Questions,
    AlertFigure Alerts,
    IReadOnlyList<QuadrantRow> Quadrant)
{
    public MonthFigure ThisMonth => Trend[^1];

    public int Surveys => Trend.Sum(m => m.Surveys);

    /// <summary>Satisfied surveys over the period (no answer at or below the alert threshold), in percent.</summary>
    public double? SatisfactionPercent => Trend.SatisfactionPercent();

    /// <summary>The period's mean index, weighted by each month's surveys.</summary>
    public double? Index => Surveys == 0 ? null : Trend.Where(m => m.Index is not null).Sum(m => m.Index!.Value * m.Surveys) / Surveys;

    public static string Month(int monthKey) => string.Create(CultureInfo.InvariantCulture, $"{monthKey / 100}-{monthKey % 100:00}");

    public static string Points(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static string Score(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static async Task<CsiDashboard> LoadAsync(CsiFigures figures, CsiQuestionnaires questionnaires, CsiPeriod period, int quadrantRows, CancellationToken cancellationToken)
    {
        var current = await questionnaires.CurrentAsync(period.Program, cancellationToken);
        return new CsiDashboard(
            period,
            figures.TargetIndex,
            figures.Policy.SatisfactionRateTargetPercent,
            await figures.TrendAsync(period, cancellationToken),
            await figures.FactorsAsync(period, current, cancellationToken),
            await figures.ByStaffAsync(period, cancellationToken),
            await figures.QuestionsAsync(period, cancellationToken),
            await figures.AlertsAsync(period.Program, cancellationToken),
            await figures.QuadrantAsync(period, quadrantRows, cancellationToken));
    }
}
