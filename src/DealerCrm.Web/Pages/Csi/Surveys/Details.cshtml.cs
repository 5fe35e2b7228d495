using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Csi.Surveys;

/// <summary>One survey: its answers under the questionnaire version it was taken with, its factor scores and index, its hot alert.</summary>
[Authorize(Policy = Policies.CsiSurveys)]
public sealed class DetailsModel(DealerCrmDbContext db, CsiQuestionnaires questionnaires, StaffDirectory staff, IOptions<CsiPolicy> policy) : PageModel
{
    public int AlertThreshold => policy.Value.AlertThreshold;

    public Survey Survey { get; private set; } = null!;

    public Questionnaire Questionnaire { get; private set; } = null!;

    public string CustomerName { get; private set; } = "";

    public string TakenBy { get; private set; } = "";

    public string? Rated { get; private set; }

    public HotAlert? Alert { get; private set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Answers).Include(s => s.FactorScores).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null || await questionnaires.GetAsync(survey.QuestionnaireId, cancellationToken) is not { } questionnaire)
        {
            return NotFound();
        }

        Survey = survey;
        Questionnaire = questionnaire;
        CustomerName = await db.Customers.Where(c => c.Id == survey.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var names = await staff.NamesByIdAsync(cancellationToken);
        TakenBy = names.GetValueOrDefault(survey.TakenByUserId, "—");
        Rated = survey.StaffUserId is { } s ? names.GetValueOrDefault(s, "—") : null;
        Alert = await db.HotAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.SurveyId == id, cancellationToken);
        Saved = TempData["Csi.Saved"] as string;
        return Page();
    }
}
