using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DealerCrm.Domain.Calendar;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Calendar;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Pages.Customers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>
/// One case: its facts, tier and clocks, the legal floor, the recovery steps and the full
/// timeline, with the actions the user may take now. Only the current tier's handlers (and the
/// general manager) act; others in the complaint roles read; the person it is about is told so
/// and shown nothing. Every action carries the version the page was rendered with: of two
/// handlers acting at once, the second is told and nothing of the first is overwritten.
/// </summary>
[Authorize(Policy = Policies.ComplaintsView)]
public sealed class DetailsModel(
    DealerCrmDbContext db,
    IAuthorizationService authorization,
    ComplaintNotices notices,
    WorkingCalendarProvider calendars,
    StaffDirectory staff,
    DealershipClock clock,
    IOptions<ComplaintPolicy> policy,
    IStringLocalizer<SharedResource> l) : PageModel
{
    private const int GiftMaxLength = 200;

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public Complaint Complaint { get; private set; } = null!;

    public Customer Customer { get; private set; } = null!;

    public string? VehicleText { get; private set; }

    public string? ConcernedName { get; private set; }

    /// <summary>The case is about the viewer: they are told so and shown nothing of it.</summary>
    public bool Excluded { get; private set; }

    public bool MayHandle { get; private set; }

    public bool MayDirect { get; private set; }

    public WorkingDayLimit Legal { get; private set; }

    public DateTime NowUtc { get; private set; }

    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    public sealed class ActionInput
    {
        public int Version { get; set; }

        [Display(Name = "Complaints.Note")]
        public string? Note { get; set; }

        [Display(Name = "Complaints.PauseReason")]
        public ComplaintPauseReason? PauseReason { get; set; }

        [Display(Name = "Complaints.Investigation")]
        public string? Investigation { get; set; }

        [Display(Name = "Complaints.Solution")]
        public string? Solution { get; set; }

        [Display(Name = "Complaints.CorrectiveAction")]
        public string? CorrectiveAction { get; set; }

        [Display(Name = "Complaints.Told")]
        public string? Told { get; set; }

        [Display(Name = "Complaints.Accepted")]
        public bool? Accepted { get; set; }

        [Display(Name = "Complaints.Step")]
        public RecoveryStep? Step { get; set; }

        [Display(Name = "Complaints.Gift")]
        public string? Gift { get; set; }

        [Display(Name = "Complaints.GiftValue")]
        public decimal? GiftValue { get; set; }

        [Display(Name = "Complaints.ReopenReason")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCommentAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Handle, () => Text(Input.Note, "Input.Note", "Complaints.NoteRequired"),
            c => c.Comment(Input.Note!, Actor, clock.UtcNow), "Complaints.Done.Comment", cancellationToken);

    public Task<IActionResult> OnPostPauseAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Handle,
            () => Check(Input.PauseReason is { } r && Enum.IsDefined(r), "Input.PauseReason", "Complaints.PauseReasonRequired") & Optional(Input.Note, "Input.Note"),
            c => c.Pause(Input.PauseReason!.Value, Input.Note, Actor, clock.UtcNow), "Complaints.Done.Pause", cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Handle, () => true, c => c.Resume(Actor, clock.UtcNow), "Complaints.Done.Resume", cancellationToken);

    public Task<IActionResult> OnPostInvestigationAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Handle,
            () => Text(Input.Investigation, "Input.Investigation", "Complaints.InvestigationRequired")
                & Text(Input.Solution, "Input.Solution", "Complaints.SolutionRequired")
                & Optional(Input.CorrectiveAction, "Input.CorrectiveAction"),
            c => c.RecordInvestigation(Input.Investigation!, Input.Solution!, Input.CorrectiveAction, Actor, clock.UtcNow), "Complaints.Done.Investigation", cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Handle,
            () => Text(Input.Told, "Input.Told", "Complaints.ToldRequired") & Check(Input.Accepted is not null, "Input.Accepted", "Complaints.AcceptedRequired"),
            c => c.RecordCustomerAnswer(Input.Told!, Input.Accepted!.Value, Actor, clock.UtcNow), "Complaints.Done.Answer", cancellationToken);

    public Task<IActionResult> OnPostEscalateAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Direct, () => true, async c =>
        {
            var roles = c.EscalateOnRejection(Actor, policy.Value, clock.UtcNow);
            await notices.SendAsync(c, roles, NotificationKind.ComplaintEscalated, "Notifications.ComplaintEscalated",
                [c.Number, NoticeArg.Of(c.Tier)], $"Complaint:{c.Id}:tier{c.Tier}", Actor, cancellationToken);
        }, "Complaints.Done.Escalate", cancellationToken);

    public Task<IActionResult> OnPostRecoveryAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Handle, ValidRecovery,
            c => c.RecordRecoveryStep(Input.Step!.Value, Input.Note, Input.Gift, Input.GiftValue is { } v ? Money.FromYuan(v) : null, Actor, clock.UtcNow),
            "Complaints.Done.Recovery", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Handle, () => true, async c =>
        {
            var task = new FollowUpTask(c.Close(Actor, policy.Value, clock), clock.UtcNow);
            db.FollowUpTasks.Add(task);
            // The case links its follow-up call: the call's id is known after the first save, both in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            c.FollowUpCreated(task.Id, Actor, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, "Complaints.Done.Close", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, ComplaintOperations.Direct, () => Text(Input.Reason, "Input.Reason", "Complaints.ReopenReasonRequired"),
            c => c.Reopen(Input.Reason!, Actor, policy.Value, clock.UtcNow), "Complaints.Done.Reopen", cancellationToken);

    /// <summary>Carried out, also after closing: then the CS director (or the general manager) confirms it.</summary>
    public Task<IActionResult> OnPostActionDoneAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, [ComplaintOperations.Handle, ComplaintOperations.Direct], () => true,
            c => c.CorrectiveActionCarriedOut(Actor, clock.UtcNow), "Complaints.Done.ActionDone", cancellationToken);

    public string StaffName(string login) => login == ComplaintActor.SystemName ? l["Complaints.System"] : StaffNames.GetValueOrDefault(login, login);

    /// <summary>The timeline line's detail as text: a pause's reason, the tiers of an escalation, the roles told.</summary>
    public string DetailText(ComplaintEvent e) => e.Kind switch
    {
        ComplaintEventKind.Opened when Enum.TryParse<ComplaintChannel>(e.Detail, out var channel) => l.Label(channel),
        ComplaintEventKind.Paused when Enum.TryParse<ComplaintPauseReason>(e.Detail, out var reason) => l.Label(reason),
        ComplaintEventKind.RecoveryStepDone when Enum.TryParse<RecoveryStep>(e.Detail, out var step) => l.Label(step),
        ComplaintEventKind.Escalated when e.Detail?.Split('>', ':') is [var from, var to, var cause] && Enum.TryParse<EscalationCause>(cause, out var why) =>
            l["Complaints.EscalatedFromTo", from, to, l.Label(why)],
        ComplaintEventKind.Notified => string.Join(l["Complaints.ListSeparator"], (e.Detail ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => l["Role." + r].Value)),
        ComplaintEventKind.LegalLimitNear => l["Complaints.WorkingDaysLeft", e.Detail ?? ""],
        ComplaintEventKind.FollowUpCreated => "#" + e.Detail,
        _ => "",
    };

    private ComplaintActor Actor => User.ComplaintActor();

    private bool ValidRecovery()
    {
        var ok = Check(Input.Step is { } s && Enum.IsDefined(s), "Input.Step", "Complaints.StepRequired") & Optional(Input.Note, "Input.Note");
        if (Input.Step == RecoveryStep.SymbolicAtonement)
        {
            ok &= Text(Input.Gift, "Input.Gift", "Complaints.GiftRequired", GiftMaxLength);
            ok &= Check(Input.GiftValue is > 0 and <= Money.MaxYuan, "Input.GiftValue", "Complaints.GiftValueRequired");
        }

        return ok;
    }

    private bool Check(bool condition, string field, string key)
    {
        if (!condition)
        {
            ModelState.AddModelError(field, l[key]);
        }

        return condition;
    }

    private bool Text(string? value, string field, string requiredKey, int max = Complaint.TextMaxLength) =>
        Check(!string.IsNullOrWhiteSpace(value), field, requiredKey) && Optional(value, field, max);

    private bool Optional(string? value, string field, int max = Complaint.TextMaxLength)
    {
        if (value is not null && value.Trim().Length > max)
        {
            ModelState.AddModelError(field, l["Complaints.TooLong", max, value.Trim().Length]);
            return false;
        }

        return true;
    }

    private Task<IActionResult> ActAsync(string id, OperationAuthorizationRequirement operation, Func<bool> valid, Action<Complaint> act, string doneKey, CancellationToken cancellationToken) =>
        ActAsync(id, [operation], valid, c =>
        {
            act(c);
            return Task.CompletedTask;
        }, doneKey, cancellationToken);

    /// <summary>
    /// One action: the case as on file, the user's right to it, the input, the version the page
    /// was rendered with, the domain's rule, one save. A refused rule or a concurrent change shows
    /// the page again with the message and what was typed.
    /// </summary>
    private Task<IActionResult> ActAsync(string id, OperationAuthorizationRequirement operation, Func<bool> valid, Func<Complaint, Task> act, string doneKey, CancellationToken cancellationToken) =>
        ActAsync(id, [operation], valid, act, doneKey, cancellationToken);

    private Task<IActionResult> ActAsync(string id, OperationAuthorizationRequirement[] operations, Func<bool> valid, Action<Complaint> act, string doneKey, CancellationToken cancellationToken) =>
        ActAsync(id, operations, valid, c =>
        {
            act(c);
            return Task.CompletedTask;
        }, doneKey, cancellationToken);

    private async Task<IActionResult> ActAsync(string id, OperationAuthorizationRequirement[] operations, Func<bool> valid, Func<Complaint, Task> act, string doneKey, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, tracked: true))
        {
            return NotFound();
        }

        if (Excluded || !(operations.Contains(ComplaintOperations.Handle) && MayHandle || operations.Contains(ComplaintOperations.Direct) && MayDirect))
        {
            return Forbid();
        }

        ModelState.Clear();
        if (!valid())
        {
            return Page();
        }

        db.ExpectVersion(Complaint, Input.Version);
        try
        {
            await act(Complaint);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ComplaintRuleException e)
        {
            ModelState.AddModelError(string.Empty, l["Complaints.Rule." + e.Rule]);
            return await ShowAsOnFileAsync(id, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Complaints.ChangedMeanwhile"]);
            return await ShowAsOnFileAsync(id, cancellationToken);
        }

        TempData["Flash"] = l[doneKey, Complaint.Number].Value;
        return RedirectToPage(new { id = Complaint.Id });
    }

    /// <summary>The case as it is on file, not as the refused action would have left it; what was typed stays.</summary>
    private async Task<IActionResult> ShowAsOnFileAsync(string id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var typed = Input.Version;
        await LoadAsync(id, cancellationToken);
        // A concurrent change: the page now shows the newer case, and acting again works on it.
        Input.Version = Complaint.Version == typed ? typed : Complaint.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken, bool tracked = false)
    {
        var cases = tracked ? db.Complaints : db.Complaints.AsNoTracking();
        cases = cases.Include(c => c.Periods).Include(c => c.Events).Include(c => c.Recovery).AsSplitQuery();
        // By id from the lists, by number from the notices (sent before the case had an id).
        var complaint = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await cases.SingleOrDefaultAsync(c => c.Id == number, cancellationToken)
            : await cases.SingleOrDefaultAsync(c => c.Number == id, cancellationToken);
        if (complaint is null)
        {
            return false;
        }

        Complaint = complaint;
        Excluded = ComplaintDuty.Access.Excludes(complaint, User.UserId()!);
        if (Excluded)
        {
            return true;
        }

        NowUtc = clock.UtcNow;
        MayHandle = (await authorization.AuthorizeAsync(User, complaint, ComplaintOperations.Handle)).Succeeded;
        MayDirect = (await authorization.AuthorizeAsync(User, complaint, ComplaintOperations.Direct)).Succeeded;
        Legal = complaint.LegalLimit(policy.Value, await calendars.GetAsync(cancellationToken), clock);
        Customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == complaint.CustomerId, cancellationToken);
        VehicleText = complaint.VehicleId is { } vehicleId
            ? await db.Vehicles.Where(v => v.Id == vehicleId).Select(v => v.Model + " " + (v.Plate ?? "") + " " + v.Vin).SingleOrDefaultAsync(cancellationToken)
            : null;
        var names = await staff.DisplayNamesAsync(cancellationToken);
        StaffNames = names;
        ConcernedName = complaint.ConcernedUserId is { } concerned
            ? await db.Users.Where(u => u.Id == concerned).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (Request.Method == HttpMethods.Get)
        {
            Input.Version = complaint.Version;
        }

        return true;
    }
}
