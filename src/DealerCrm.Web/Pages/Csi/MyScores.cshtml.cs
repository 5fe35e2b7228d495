using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages.Csi;

/// <summary>
/// "My scores": a service advisor's CSI (a salesperson's SSI) over the last twelve months, month
/// by month and by factor, against the target. Only the signed-in user's own surveys, no customer's.
/// </summary>
[Authorize(Policy = Policies.CsiOwnScores)]
public sealed class MyScoresModel(CsiFigures figures, CsiQuestionnaires questionnaires) : PageModel
{
    public SurveyProgram Program { get; private set; }

    public IReadOnlyList<MonthFigure> Trend { get; private set; } = [];

    public IReadOnlyList<FactorFigure> Factors { get; private set; } = [];

    public double TargetIndex => figures.TargetIndex;

    public bool HoldsBoth => User.IsInRole(Roles.ServiceAdvisor) && User.IsInRole(Roles.Salesperson);

    public async Task OnGetAsync(SurveyProgram? program, CancellationToken cancellationToken)
    {
        Program = program is { } p && Enum.IsDefined(p) ? p : User.IsInRole(Roles.ServiceAdvisor) ? SurveyProgram.Csi : SurveyProgram.Ssi;
        var period = figures.DefaultPeriod(Program, User.UserId());
        Trend = await figures.TrendAsync(period, cancellationToken);
        Factors = await figures.FactorsAsync(period, await questionnaires.CurrentAsync(Program, cancellationToken), cancellationToken);
    }
}
