using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Notifications;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Csi.Surveys;

/// <summary>
/// Taking a survey: for a survey task (the usual phone survey) or, for a paper, kiosk or interview
/// survey, for a customer and a program. The questions in order, each 1-10 or left unanswered,
/// with the customer's file alongside; the method and a recording reference for spot checks. An
/// answer at or below the alert threshold raises a hot alert and tells the CS director.
/// </summary>
[Authorize(Policy = Policies.CsiSurveysTake)]
public sealed class TakeModel(
    DealerCrmDbContext db,
    IAuthorizationService authorization,
    CsiQuestionnaires questionnaires,
    Notifier notifier,
    DealershipClock clock,
    StaffDirectory staff,
    IOptions<CsiPolicy> policy,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public FollowUpTask? Task { get; private set; }

    public Customer? Customer { get; private set; }

    public Questionnaire? Questionnaire { get; private set; }

    /// <summary>Whose work the survey rates (the advisor of the visit, the salesperson of the sale).</summary>
    public string? StaffName { get; private set; }

    public IReadOnlyList<Vehicle> Vehicles { get; private set; } = [];

    public IReadOnlyList<VisitRow> RecentVisits { get; private set; } = [];

    public IReadOnlyList<DeliveryRow> Deliveries { get; private set; } = [];

    /// <summary>The task is done already (or was taken by a colleague): nothing to take.</summary>
    public bool Closed { get; private set; }

    public int AlertThreshold => policy.Value.AlertThreshold;

    public sealed record VisitRow(DateOnly Date, ServiceVisitType Type, string Advisor, string WorkItems);

    public sealed record DeliveryRow(DateTime DeliveredUtc, string Model, string Salesperson);

    public sealed class InputModel
    {
        public long? TaskId { get; set; }

        public int? CustomerId { get; set; }

        public SurveyProgram? Program { get; set; }

        public int QuestionnaireId { get; set; }

        public int TaskVersion { get; set; }

        public string? Method { get; set; } = nameof(SurveyMethod.Phone);

        public string? RecordingReference { get; set; }

        /// <summary>By question number; text, so that anything typed into a tampered form is a message, not a binding error.</summary>
        public Dictionary<int, string?> Scores { get; set; } = [];

        public Dictionary<int, string?> Texts { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(long? taskId, int? customerId, SurveyProgram? program, CancellationToken cancellationToken)
    {
        Input.TaskId = taskId;
        Input.CustomerId = customerId;
        Input.Program = program;
        var found = await LoadAsync(cancellationToken);
        if (found is not null)
        {
            return found;
        }

        if (Questionnaire is not null)
        {
            Input.QuestionnaireId = Questionnaire.Id;
            Input.TaskVersion = Task?.Version ?? 0;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken, tracked: true) is { } refused)
        {
            return refused;
        }

        if (Customer is null || Questionnaire is null || Closed)
        {
            return Page();
        }

        if (Input.QuestionnaireId != Questionnaire.Id)
        {
            // The answers belong to the version the interviewer was shown, if it is of this program.
            if (await questionnaires.GetAsync(Input.QuestionnaireId, cancellationToken) is { } shown && shown.Program == Questionnaire.Program)
            {
                Questionnaire = shown;
            }
            else
            {
                return NotFound();
            }
        }

        var (scores, texts) = Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var taking = new SurveyTaking(
            Customer.Id,
            Enum.Parse<SurveyMethod>(Input.Method!),
            User.UserId()!,
            scores,
            texts,
            Input.RecordingReference,
            Task?.Id,
            Task?.ServiceVisitId ?? (Questionnaire.Program == SurveyProgram.Csi ? _latestVisitId : null),
            Task?.DeliveryId ?? (Questionnaire.Program == SurveyProgram.Ssi ? _latestDeliveryId : null),
            _staffUserId);
        var (survey, alert) = Survey.Take(taking, Questionnaire, policy.Value.AlertThreshold, TimeSpan.FromHours(policy.Value.HotAlertDeadlineHours), clock);
        db.Surveys.Add(survey);
        if (alert is not null)
        {
            db.HotAlerts.Add(alert);
            await notifier.NotifyRoleAsync(Roles.CsDirector, NotificationKind.HotAlertRaised, "Csi.Notice.AlertRaised",
                [Customer.Name, NoticeArg.Of(alert.LowestScore)], "/Csi/Alerts", cancellationToken: cancellationToken);
        }

        if (Task is not null)
        {
            db.Entry(Task).Property(t => t.Version).OriginalValue = Input.TaskVersion;
            Task.RecordSurveyTaken(User.UserId()!, User.Identity!.Name!, clock.UtcNow);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A colleague took this survey (or claimed the task) meanwhile: the form stays as typed.
            ModelState.AddModelError(string.Empty, l["Csi.ChangedMeanwhile"]);
            return Page();
        }

        TempData["Csi.Saved"] = alert is null ? l["Csi.Saved"].Value : l["Csi.SavedWithAlert"].Value;
        return RedirectToPage("/Csi/Surveys/Details", new { id = survey.Id });
    }

    private string? _staffUserId;
    private int? _latestVisitId;
    private int? _latestDeliveryId;

    private (Dictionary<int, int> Scores, Dictionary<int, string> Texts) Validate()
    {
        var scores = new Dictionary<int, int>();
        var texts = new Dictionary<int, string>();
        if (!Enum.TryParse<SurveyMethod>(Input.Method, out var method) || !Enum.IsDefined(method) || int.TryParse(Input.Method, out _))
        {
            ModelState.AddModelError("Input.Method", l["Csi.MethodRequired"]);
        }

        if (Input.RecordingReference?.Length > Survey.RecordingReferenceMaxLength)
        {
            ModelState.AddModelError("Input.RecordingReference", l["Csi.TooLong", Survey.RecordingReferenceMaxLength]);
        }

        foreach (var (number, value) in Input.Scores.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
        {
            if (Questionnaire!.Question(number) is not { IsFreeText: false })
            {
                ModelState.AddModelError(string.Empty, l["Csi.UnknownQuestion", number]);
            }
            else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score is < Questionnaire.MinScore or > Questionnaire.MaxScore)
            {
                ModelState.AddModelError($"Input.Scores[{number}]", l["Csi.ScoreRange", number]);
            }
            else
            {
                scores[number] = score;
            }
        }

        foreach (var (number, value) in Input.Texts.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
        {
            if (Questionnaire!.Question(number) is not { IsFreeText: true })
            {
                ModelState.AddModelError(string.Empty, l["Csi.UnknownQuestion", number]);
            }
            else if (value!.Length > Survey.TextAnswerMaxLength)
            {
                ModelState.AddModelError($"Input.Texts[{number}]", l["Csi.TooLong", Survey.TextAnswerMaxLength]);
            }
            else
            {
                texts[number] = value;
            }
        }

        if (ModelState.IsValid && scores.Count == 0)
        {
            ModelState.AddModelError(string.Empty, l["Csi.NoAnswers"]);
        }

        return (scores, texts);
    }

    /// <summary>Loads the task or the customer, the questionnaire and the file; returns a refusal, or null to go on.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken, bool tracked = false)
    {
        SurveyProgram program;
        int customerId;
        if (Input.TaskId is { } taskId)
        {
            var tasks = tracked ? db.FollowUpTasks : db.FollowUpTasks.AsNoTracking();
            Task = await tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
            if (Task is null || !Task.Kind.IsSurvey() || !(await authorization.AuthorizeAsync(User, Task, DutyOperations.See)).Succeeded)
            {
                return NotFound();
            }

            var mayWork = (await authorization.AuthorizeAsync(User, Task, DutyOperations.Act)).Succeeded
                || (await authorization.AuthorizeAsync(User, Task, DutyOperations.Claim)).Succeeded;
            Closed = !Task.IsOpen || !mayWork;
            program = Task.Kind == FollowUpKind.CsiSurvey ? SurveyProgram.Csi : SurveyProgram.Ssi;
            customerId = Task.CustomerId;
            _staffUserId = Task.ExcludedUserId;
        }
        else if (Input.CustomerId is { } id && Input.Program is { } p && Enum.IsDefined(p))
        {
            program = p;
            customerId = id;
        }
        else
        {
            return null;
        }

        Customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null, cancellationToken);
        if (Customer is null || Customer.IsAnonymised)
        {
            return NotFound();
        }

        Input.Program = program;
        Questionnaire = await questionnaires.CurrentAsync(program, cancellationToken);
        var names = await staff.NamesByIdAsync(cancellationToken);
        Vehicles = await db.Vehicles.AsNoTracking().Where(v => v.CustomerId == customerId).OrderBy(v => v.Id).Take(10).ToListAsync(cancellationToken);
        var visits = await db.ServiceVisits.AsNoTracking().Where(v => v.CustomerId == customerId)
            .OrderByDescending(v => v.VisitDate).ThenByDescending(v => v.Id).Take(5)
            .Select(v => new { v.Id, v.VisitDate, v.Type, v.ServiceAdvisorId, v.WorkItems }).ToListAsync(cancellationToken);
        RecentVisits = visits.Select(v => new VisitRow(v.VisitDate, v.Type, names.GetValueOrDefault(v.ServiceAdvisorId, "—"), v.WorkItems)).ToList();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.CustomerId == customerId)
            .OrderByDescending(d => d.DeliveredAtUtc).Take(5)
            .Select(d => new { d.Id, d.DeliveredAtUtc, d.SalespersonId, Model = db.Vehicles.Where(v => v.Id == d.VehicleId).Select(v => v.Brand + " " + v.Model).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        Deliveries = deliveries.Select(d => new DeliveryRow(d.DeliveredAtUtc, d.Model ?? "", names.GetValueOrDefault(d.SalespersonId, "—"))).ToList();
        _latestVisitId = visits.FirstOrDefault()?.Id;
        _latestDeliveryId = deliveries.FirstOrDefault()?.Id;
        if (Task is null)
        {
            // A survey without a task rates whoever served the customer last.
            _staffUserId = program == SurveyProgram.Csi ? visits.FirstOrDefault()?.ServiceAdvisorId : deliveries.FirstOrDefault()?.SalespersonId;
        }

        StaffName = _staffUserId is { } s ? names.GetValueOrDefault(s, "—") : null;
        return null;
    }
}
