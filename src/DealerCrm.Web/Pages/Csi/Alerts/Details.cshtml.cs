using DealerCrm.Domain.Common;
using DealerCrm.Domain.Csi;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Csi.Alerts;

/// <summary>
/// A hot alert: the low answers and the customer; closed here by the recovery call (with what was
/// said), or by opening a complaint (the complaints page closes it when the complaint is saved).
/// </summary>
[Authorize(Policy = Policies.CsiSurveys)]
public sealed class DetailsModel(DealerCrmDbContext db, IAuthorizationService authorization, CsiQuestionnaires questionnaires, StaffDirectory staff, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? RecoveryNote { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public HotAlert Alert { get; private set; } = null!;

    public string CustomerName { get; private set; } = "";

    public string? CustomerMobile { get; private set; }

    public IReadOnlyList<(int Number, string Text, int Score)> LowAnswers { get; private set; } = [];

    public bool MayResolve { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>The complaints page takes the customer and the alert (contract with the complaints feature).</summary>
    public string ComplaintLink => $"/Complaints/Create?customerId={Alert.CustomerId}&hotAlertId={Alert.Id}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, false, cancellationToken))
        {
            return NotFound();
        }

        Version = Alert.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, true, cancellationToken))
        {
            return NotFound();
        }

        if (!MayResolve)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(RecoveryNote))
        {
            ModelState.AddModelError(nameof(RecoveryNote), l["Csi.RecoveryNoteRequired"]);
            return Page();
        }

        if (RecoveryNote.Length > HotAlert.NoteMaxLength)
        {
            ModelState.AddModelError(nameof(RecoveryNote), l["Csi.TooLong", HotAlert.NoteMaxLength]);
            return Page();
        }

        db.Entry(Alert).Property(a => a.Version).OriginalValue = Version;
        Alert.CloseByRecoveryCall(User.UserId()!, RecoveryNote, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Csi.ChangedMeanwhile"]);
            return Page();
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var alerts = tracked ? db.HotAlerts : db.HotAlerts.AsNoTracking();
        var alert = await alerts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null || !(await authorization.AuthorizeAsync(User, alert, DutyOperations.See)).Succeeded)
        {
            return false;
        }

        Alert = alert;
        MayResolve = alert.IsOpen && HotAlertDuty.MayResolve(alert, User.DutyViewer(HotAlertDuty.Access));
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == alert.CustomerId).Select(c => new { c.Name, c.Mobile }).FirstAsync(cancellationToken);
        CustomerName = customer.Name;
        CustomerMobile = customer.Mobile;
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Answers).FirstAsync(s => s.Id == alert.SurveyId, cancellationToken);
        var questionnaire = await questionnaires.GetAsync(survey.QuestionnaireId, cancellationToken);
        var chinese = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        LowAnswers = survey.Answers
            .Where(a => a.Score <= alert.Threshold)
            .Select(a => (questionnaire!.Questions.First(q => q.Id == a.QuestionId), a.Score!.Value))
            .Select(x => (x.Item1.Order, x.Item1.Text(chinese), x.Value))
            .OrderBy(a => a.Order)
            .ToList();
        if (alert.ClosedByUserId is { } closer)
        {
            ClosedBy = (await staff.NamesByIdAsync(cancellationToken)).GetValueOrDefault(closer, "—");
        }

        return true;
    }
}
