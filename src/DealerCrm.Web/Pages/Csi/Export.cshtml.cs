using DealerCrm.Domain.Csi;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Csi;

/// <summary>The dashboard's figures as an .xlsx workbook (one sheet per table), from the same <see cref="CsiFigures"/>.</summary>
[Authorize(Policy = Policies.CsiDashboard)]
public sealed class ExportModel(CsiFigures figures, CsiQuestionnaires questionnaires, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int QuadrantRows = 1000;

    public async Task<IActionResult> OnGetAsync(SurveyProgram? program, CancellationToken cancellationToken)
    {
        var p = program is { } x && Enum.IsDefined(x) ? x : SurveyProgram.Csi;
        var f = await CsiDashboard.LoadAsync(figures, questionnaires, figures.DefaultPeriod(p), QuadrantRows, cancellationToken);
        var chinese = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        using var book = new Spreadsheet()
            .AddSheet(l["Csi.Sheet.Trend"], [l["Csi.Month"], l["Csi.Surveys"], l["Csi.Index"], l["Csi.Satisfaction"]],
                f.Trend.Select(m => (IReadOnlyList<object?>)[CsiDashboard.Month(m.Month), m.Surveys, Dec(m.Index), Dec(m.SatisfactionPercent)]))
            .AddSheet(l["Csi.Sheet.Factors"], [l["Csi.Factor"], l["Csi.Weight"], l["Csi.Surveys"], l["Csi.FactorScore"]],
                f.Factors.Select(x => (IReadOnlyList<object?>)[chinese ? x.NameZh : x.NameEn, x.WeightPercent, x.Surveys, Dec(x.Score)]))
            .AddSheet(l["Csi.Sheet.Staff"], [l["Csi.Person"], l["Csi.Surveys"], l["Csi.Index"]],
                f.ByStaff.Select(s => (IReadOnlyList<object?>)[s.Name, s.Surveys, Dec(s.Index)]))
            .AddSheet(l["Csi.Sheet.Questions"], [l["Csi.Version"], "#", l["Csi.Question"], l["Csi.Answers"], l["Csi.Mean"], l["Csi.Variance"]],
                f.Questions.Select(q => (IReadOnlyList<object?>)[q.Version, q.Number, chinese ? q.TextZh : q.TextEn, q.Answers, Dec(q.Mean), Dec(q.Variance)]))
            .AddSheet(l["Csi.Sheet.Quadrant"], [l["Csi.Customer"], l["Csi.ValueYuan"], l["Csi.Index"], l["Csi.Surveys"]],
                f.Quadrant.Select(r => (IReadOnlyList<object?>)[r.Name, r.Value.Yuan, Dec(r.AvgIndex), r.Surveys]));
        return File(book.ToBytes(), Spreadsheet.ContentType, $"csi-{p.ToString().ToLowerInvariant()}-{CsiDashboard.Month(f.Period.ToMonth)}.xlsx");
    }

    private static decimal? Dec(double? value) => value is { } v ? Math.Round((decimal)v, 2) : null;
}
