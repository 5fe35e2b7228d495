using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Infrastructure.Validation;
using DealerCrm.Web.Pages.Customers;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.FollowUps;

/// <summary>
/// The call page: who to call (phone masked, revealed with a reason), about what, the recent
/// history, the script's talking points each with the customer's answer, the outcome and notes.
/// Not reached schedules the retry; the last failed try closes the task as unreachable.
/// </summary>
[Authorize(Policy = Policies.FollowUpsView)]
public sealed class DetailsModel(
    DealerCrmDbContext db,
    IAuthorizationService authorization,
    DealershipClock clock,
    FollowUpWorklist queue,
    IOptions<FollowUpPolicy> policy,
    IValidator<DetailsModel.CallInput> validator,
    DisplayFormatter display,
    StaffDirectory staff,
    Complaints.ComplaintIntake complaints,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CallInput Input { get; set; } = new();

    /// <summary>The queue tab the agent came from: "save and open the next" continues in it, "back" returns to it.</summary>
    [BindProperty(SupportsGet = true)]
    public QueueTab? Tab { get; set; }

    public FollowUpTask Task { get; private set; } = null!;

    public Customer Customer { get; private set; } = null!;

    public Vehicle? Vehicle { get; private set; }

    public string? FamilyMemberName { get; private set; }

    public string? OwnerName { get; private set; }

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public IReadOnlyList<Domain.Customers.ServiceVisit> RecentVisits { get; private set; } = [];

    /// <summary>The user is one of those this task must never go to (it checks their own work): they are told so, and shown nothing of it.</summary>
    public bool Excluded { get; private set; }

    public bool MayWork { get; private set; }

    /// <summary>The task was put off (a retry, a call-back) until this instant, not yet come: no try before it.</summary>
    public DateTime? WaitingUntilUtc { get; private set; }

    /// <summary>A manager of the task's pool may call before then, with a reason.</summary>
    public bool MayCallEarly { get; private set; }

    public bool MayClaim { get; private set; }

    /// <summary>The person who has (or had) the task may record that the customer is unhappy, also after the call.</summary>
    public bool MayRecordUnhappy { get; private set; }

    public bool MayReveal { get; private set; }

    public bool Revealed { get; private set; }

    /// <summary>Staff by login: the task's log keeps who did what by login, the page shows their names.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    public sealed record HistoryRow(long Id, FollowUpKind Kind, DateTime DueUtc, FollowUpStatus Status, DateTime? CompletedUtc, bool Unhappy);

    public sealed class CallInput
    {
        [Display(Name = "FollowUps.Outcome")]
        public CallOutcome? Outcome { get; set; }

        public Dictionary<int, string?> Answers { get; set; } = [];

        [Display(Name = "Field.Notes")]
        public string? Notes { get; set; }

        [Display(Name = "FollowUps.CallBackAt")]
        public DateTime? CallBackAt { get; set; }

        [Display(Name = "FollowUps.EarlyReason")]
        public string? EarlyReason { get; set; }

        [Display(Name = "FollowUps.UnhappyNote")]
        public string? UnhappyNote { get; set; }

        [Display(Name = "Field.RevealReason")]
        public string? RevealReason { get; set; }

        public int Version { get; set; }

        /// <summary>The call timer's seconds from the browser: a hint, bounded by the domain before it is kept.</summary>
        public int? CallSeconds { get; set; }

        /// <summary>Set by the page: how many talking points the script has.</summary>
        public int TalkingPoints { get; set; }
    }

    public sealed class Validator : AbstractValidator<CallInput>
    {
        public Validator(IStringLocalizer<SharedResource> l, DealershipClock clock, IOptions<FollowUpPolicy> policy)
        {
            RuleFor(x => x.Outcome).NotNull().WithMessage(l["FollowUps.OutcomeRequired"]).IsInEnum();
            // Reached: every talking point gets the customer's answer (RULES 3: each point is ticked with the answer).
            RuleFor(x => x).Custom((input, context) =>
            {
                if (input.Outcome != CallOutcome.Reached)
                {
                    return;
                }

                foreach (var point in Enumerable.Range(1, input.TalkingPoints).Where(p => string.IsNullOrWhiteSpace(input.Answers.GetValueOrDefault(p))))
                {
                    context.AddFailure($"Answers[{point}]", l["FollowUps.AnswerRequired", point]);
                }
            });
            RuleFor(x => x.CallBackAt).NotNull().WithMessage(l["FollowUps.CallBackRequired"])
                .Must(at => at > clock.LocalNow).WithMessage(l["FollowUps.CallBackInPast"])
                .Must(at => at <= clock.LocalNow.AddDays(policy.Value.CallBackWithinDays)).WithMessage(l["FollowUps.CallBackTooFar", policy.Value.CallBackWithinDays])
                .When(x => x.Outcome == CallOutcome.CallBackLater);
            RuleFor(x => x.Notes).MaximumLength(2000).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.EarlyReason).MaximumLength(200).WithMessage(l["Common.TooLong"]);
            RuleForEach(x => x.Answers.Values).MaximumLength(1000).WithMessage(l["Common.TooLong"]).OverridePropertyName("Answers");
        }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCallAsync(long id, bool next, CancellationToken cancellationToken)
    {
        // The timer is the browser's; a value it could not bind (a forged or garbled field) is dropped, not shown to the agent.
        ModelState.Remove("Input.CallSeconds");
        if (!await LoadAsync(id, cancellationToken, tracked: true))
        {
            return NotFound();
        }

        if (!MayWork || !Task.Kind.IsCall())
        {
            return Forbid();
        }

        // A survey reached is taken on the survey page, where its answers are scored: never closed here.
        if (Task.Kind.IsSurvey() && Input.Outcome == CallOutcome.Reached)
        {
            return Redirect($"/Csi/Surveys/Take?taskId={Task.Id}");
        }

        Input.TalkingPoints = Task.Kind.TalkingPoints();
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        if (WaitingUntilUtc is { } until && !MayTryEarly())
        {
            return Page();
        }

        var answers = Input.Answers.Where(a => a.Key >= 1 && a.Key <= Input.TalkingPoints && !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key, a => a.Value!);
        var callBack = Input.CallBackAt is { } local ? clock.ToUtc(local) : (DateTime?)null;
        db.ExpectVersion(Task, Input.Version);
        var early = WaitingUntilUtc is null ? null : Input.EarlyReason!.Trim();
        Task.RecordCall(new CallRecord(User.UserId()!, User.Identity!.Name!, Input.Outcome!.Value, answers, Input.Notes, callBack, early, Input.CallSeconds), policy.Value, clock.UtcNow);
        if (!await SaveAsync(cancellationToken))
        {
            // Show the task as it is on file, not as the refused call would have left it; what was typed stays.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Flash"] = Task.Status switch
        {
            FollowUpStatus.Open when Input.Outcome == CallOutcome.NotReached =>
                l["FollowUps.RetryScheduled", Task.Attempts, policy.Value.MaxCallAttempts, Fmt(Task.ActionableFromUtc)].Value,
            FollowUpStatus.Open => l["FollowUps.CallBackScheduled", Fmt(Task.ActionableFromUtc)].Value,
            FollowUpStatus.Unreachable => l["FollowUps.ClosedUnreachable", Task.Attempts].Value,
            _ => l["FollowUps.CallRecorded"].Value,
        };
        if (!next)
        {
            return RedirectToPage("Index", new { tab = Tab });
        }

        // The next task due in the same tab of the queue (the one just saved has left it, or is passed over).
        var tab = Tab ?? QueueTab.Overdue;
        var nextId = (await queue.InDueOrder(User, tab, 0, 2).Select(t => t.Id).ToListAsync(cancellationToken)).FirstOrDefault(t => t != id);
        if (nextId == 0)
        {
            TempData["Flash"] = l["FollowUps.NextNone", TempData["Flash"]!, l["FollowUps.Tab." + tab]].Value;
            return RedirectToPage("Index", new { tab });
        }

        return RedirectToPage("Details", new { id = nextId, tab });
    }

    public async Task<IActionResult> OnPostClaimAsync(long id, CancellationToken cancellationToken)
    {
        var result = await FollowUpClaim.TryAsync(db, authorization, id, User, clock, l, cancellationToken);
        TempData["Flash"] = result.Message;
        return RedirectToPage(new { id, tab = Tab });
    }

    /// <summary>The customer is unhappy: recorded on the task for the managers (complaints will take it over).</summary>
    public async Task<IActionResult> OnPostUnhappyAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, tracked: true))
        {
            return NotFound();
        }

        if (!MayRecordUnhappy)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Input.UnhappyNote))
        {
            ModelState.AddModelError("Input.UnhappyNote", l["FollowUps.UnhappyNoteRequired"]);
            return Page();
        }

        Task.RecordUnhappy(Input.UnhappyNote, User.Identity!.Name!, clock.UtcNow);
        // "客户不满意" opens a complaint carrying the call over (or adds to the one this call opened).
        var complaint = await complaints.FromFollowUpAsync(Task, Input.UnhappyNote, Complaints.ComplaintOperations.ComplaintActor(User), cancellationToken);
        if (!await SaveAsync(cancellationToken, checkVersion: false))
        {
            return Page();
        }

        TempData["Flash"] = l["Complaints.OpenedFromCall", complaint.Number].Value;
        // The case's page for those who may read complaints; a sales manager stays on the call.
        return Policies.Allows(Policies.ComplaintsView, Roles.All.Where(User.IsInRole))
            ? RedirectToPage("/Complaints/Details", new { id = complaint.Id })
            : RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!MayReveal)
        {
            return Forbid();
        }

        var reason = string.IsNullOrWhiteSpace(Input.RevealReason) ? l["FollowUps.RevealReasonDefault", L(Task.Kind), Task.Id].Value : Input.RevealReason.Trim();
        db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity!.Name!, PrivacyAction.RevealContact, Customer.Id, reason));
        await db.SaveChangesAsync(cancellationToken);
        Revealed = true;
        // The call form on this answer must carry the task's version, as on a GET, or its save would be refused as stale.
        Input.Version = Task.Version;
        return Page();
    }

    public string StaffName(string login) => StaffNames.GetValueOrDefault(login, login);

    /// <summary>A phone as this answer may show it: whole after a reveal, masked otherwise.</summary>
    public string Phone(string? number) => Revealed ? number ?? "" : PhoneMask.Mask(number);

    private string L(FollowUpKind kind) => l[$"Enum.FollowUpKind.{kind}"];

    /// <summary>As the queue shows the same time (2026年11月24日 10:00).</summary>
    private string Fmt(DateTime utc) => display.DateTime(utc);

    private async Task<bool> SaveAsync(CancellationToken cancellationToken, bool checkVersion = true)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (checkVersion)
        {
            ModelState.AddModelError(string.Empty, l["FollowUps.ChangedMeanwhile"]);
            return false;
        }
    }

    private async Task<bool> AllowedAsync(FollowUpTask task, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, task, operation)).Succeeded;

    /// <summary>
    /// A try before the task is due again: refused, saying when it can be tried, unless a manager
    /// of its pool gives a reason (three tries are three days, not three minutes).
    /// </summary>
    private bool MayTryEarly()
    {
        if (!MayCallEarly)
        {
            ModelState.AddModelError(string.Empty, l["FollowUps.TooEarly", Fmt(WaitingUntilUtc!.Value)]);
            return false;
        }

        if (string.IsNullOrWhiteSpace(Input.EarlyReason))
        {
            ModelState.AddModelError("Input.EarlyReason", l["FollowUps.EarlyReasonRequired", Fmt(WaitingUntilUtc!.Value)]);
            return false;
        }

        return true;
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken, bool tracked = false)
    {
        var tasks = tracked ? db.FollowUpTasks : db.FollowUpTasks.AsNoTracking();
        var task = await tasks.Include(t => t.Answers).Include(t => t.Log).AsSplitQuery().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return false;
        }

        Task = task;
        // Staff see their own tasks and their pools' tasks; managers see every task (the domain's
        // rule). Someone the task checks the work of is told why, rather than shown "not found".
        if (!await AllowedAsync(task, DutyOperations.See))
        {
            Excluded = FollowUpDuty.Access.Excludes(task, User.UserId()!);
            return Excluded;
        }

        MayWork = await AllowedAsync(task, DutyOperations.Act);
        WaitingUntilUtc = task.WaitingUntil(clock.UtcNow);
        MayCallEarly = FollowUpDuty.Access.Viewer(User.UserId()!, Roles.All.Where(User.IsInRole)).SupervisedPools.Contains(task.OwnerRole);
        MayClaim = await AllowedAsync(task, DutyOperations.Claim);
        // The person who has (or had) the task, also after the call.
        MayRecordUnhappy = task.Kind.IsCall() && task.Status != FollowUpStatus.Cancelled && await AllowedAsync(task, DutyOperations.Hold);
        Customer = await db.Customers.AsNoTracking().Include(c => c.OtherPhones).SingleAsync(c => c.Id == task.CustomerId, cancellationToken);
        Vehicle = task.VehicleId is { } vehicleId ? await db.Vehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vehicleId, cancellationToken) : null;
        FamilyMemberName = task.FamilyMemberId is { } memberId
            ? await db.FamilyMembers.Where(f => f.Id == memberId).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        OwnerName = task.OwnerUserId is null ? null : await db.Users.Where(u => u.Id == task.OwnerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        History = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.CustomerId == task.CustomerId && t.Id != task.Id && t.DueUtc <= clock.UtcNow)
            .OrderByDescending(t => t.DueUtc).Take(6)
            .Select(t => new HistoryRow(t.Id, t.Kind, t.DueUtc, t.Status, t.CompletedUtc, t.CustomerUnhappy))
            .ToListAsync(cancellationToken);
        RecentVisits = await db.ServiceVisits.AsNoTracking().Where(s => s.CustomerId == task.CustomerId)
            .OrderByDescending(s => s.VisitDate).Take(3).ToListAsync(cancellationToken);
        MayReveal = (await authorization.AuthorizeAsync(User, Customer, CustomerOperations.RevealContact)).Succeeded;
        StaffNames = task.Log.Count == 0 ? StaffNames : await staff.DisplayNamesAsync(cancellationToken);
        if (Request.Method == HttpMethods.Get)
        {
            Input.Version = task.Version;
        }

        Input.TalkingPoints = task.Kind.TalkingPoints();
        return true;
    }
}
