using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>
/// Takes a complaint in: from the customer page (customerId), a follow-up call (followUpTaskId),
/// a CSI hot alert (hotAlertId, kept for the CSI feature to link) or from scratch (the customer's number).
/// </summary>
[Authorize(Policy = Policies.ComplaintsView)]
public sealed class CreateModel(
    DealerCrmDbContext db,
    ComplaintIntake intake,
    StaffDirectory staff,
    DealershipClock clock,
    IOptions<ComplaintPolicy> policy,
    IValidator<CreateModel.ComplaintInput> validator,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ComplaintInput Input { get; set; } = new();

    public Customer? Customer { get; private set; }

    public IReadOnlyList<SelectListItem> Vehicles { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Staff { get; private set; } = [];

    public sealed class ComplaintInput
    {
        [Display(Name = "Complaints.CustomerNumber")]
        public string? CustomerNumber { get; set; }

        [Display(Name = "Field.Vehicle")]
        public int? VehicleId { get; set; }

        [Display(Name = "Complaints.Channel")]
        public ComplaintChannel? Channel { get; set; }

        [Display(Name = "Complaints.Category")]
        public ComplaintCategory? Category { get; set; }

        [Display(Name = "Complaints.Severity")]
        public ComplaintSeverity? Severity { get; set; } = ComplaintSeverity.Minor;

        [Display(Name = "Complaints.Safety")]
        public bool IsSafety { get; set; }

        [Display(Name = "Complaints.Department")]
        public ComplaintDepartment? Department { get; set; }

        [Display(Name = "Complaints.Description")]
        public string? Description { get; set; }

        [Display(Name = "Complaints.PromisedFeedback")]
        public DateTime? PromisedFeedback { get; set; }

        [Display(Name = "Complaints.Concerned")]
        public string? ConcernedUserId { get; set; }

        public long? FollowUpTaskId { get; set; }

        public int? HotAlertId { get; set; }
    }

    public sealed class Validator : AbstractValidator<ComplaintInput>
    {
        public Validator(IStringLocalizer<SharedResource> l, DealershipClock clock, IOptions<ComplaintPolicy> policy)
        {
            RuleFor(x => x.CustomerNumber).NotEmpty().WithMessage(l["Complaints.CustomerRequired"]).MaximumLength(20).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.Channel).NotNull().WithMessage(l["Complaints.ChannelRequired"]).IsInEnum().WithMessage(l["Complaints.ChannelRequired"]);
            RuleFor(x => x.Category).NotNull().WithMessage(l["Complaints.CategoryRequired"]).IsInEnum().WithMessage(l["Complaints.CategoryRequired"]);
            RuleFor(x => x.Severity).NotNull().WithMessage(l["Complaints.SeverityRequired"]).IsInEnum().WithMessage(l["Complaints.SeverityRequired"]);
            RuleFor(x => x.Department).NotNull().WithMessage(l["Complaints.DepartmentRequired"]).IsInEnum().WithMessage(l["Complaints.DepartmentRequired"]);
            RuleFor(x => x.Description).NotEmpty().WithMessage(l["Complaints.DescriptionRequired"])
                .MaximumLength(Complaint.TextMaxLength).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.PromisedFeedback).NotNull().WithMessage(l["Complaints.PromisedRequired"])
                .Must(at => at > clock.LocalNow).WithMessage(l["Complaints.PromisedInPast"])
                .Must(at => at <= clock.LocalNow.AddDays(policy.Value.PromisedFeedbackWithinDays))
                .WithMessage(l["Complaints.PromisedTooFar", policy.Value.PromisedFeedbackWithinDays]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int? customerId, int? vehicleId, long? followUpTaskId, int? hotAlertId, CancellationToken cancellationToken)
    {
        if (followUpTaskId is { } taskId && await db.FollowUpTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) is { } task)
        {
            customerId ??= task.CustomerId;
            vehicleId ??= task.VehicleId;
            Input.Channel = ComplaintChannel.ReturnCall;
            Input.Description = task.UnhappyNote;
            Input.FollowUpTaskId = task.Id;
        }

        Input.HotAlertId = hotAlertId;
        Input.VehicleId = vehicleId;
        Input.PromisedFeedback = clock.LocalNow.AddHours(policy.Value.Tier1DeadlineHours);
        Input.PromisedFeedback = Input.PromisedFeedback.Value.AddSeconds(-Input.PromisedFeedback.Value.Second);
        if (customerId is { } id && await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.AnonymisedUtc == null, cancellationToken) is { } customer)
        {
            Input.CustomerNumber = customer.Number;
        }

        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var valid = await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
        await LoadListsAsync(cancellationToken);
        if (Customer is null && !string.IsNullOrWhiteSpace(Input.CustomerNumber))
        {
            ModelState.AddModelError("Input.CustomerNumber", l["Complaints.CustomerNotFound", Input.CustomerNumber.Trim()]);
            valid = false;
        }

        if (Input.VehicleId is { } vehicleId && Vehicles.All(v => v.Value != vehicleId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.VehicleId", l["Complaints.VehicleNotCustomers"]);
            valid = false;
        }

        if (!string.IsNullOrEmpty(Input.ConcernedUserId) && Staff.All(s => s.Value != Input.ConcernedUserId))
        {
            ModelState.AddModelError("Input.ConcernedUserId", l["Complaints.ConcernedUnknown"]);
            valid = false;
        }

        long? taskId = null;
        if (Input.FollowUpTaskId is { } fromTask && Customer is not null)
        {
            if (await db.Complaints.AsNoTracking().Where(c => c.SourceFollowUpTaskId == fromTask).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken) is { } already)
            {
                TempData["Flash"] = l["Complaints.AlreadyFromCall"].Value;
                return RedirectToPage("Details", new { id = already });
            }

            taskId = await db.FollowUpTasks.AnyAsync(t => t.Id == fromTask && t.CustomerId == Customer.Id, cancellationToken) ? fromTask : null;
        }

        if (!valid)
        {
            return Page();
        }

        var draft = new ComplaintDraft(
            Input.Channel!.Value, Input.Category!.Value, Input.Severity!.Value, Input.IsSafety, Customer!.Id, Input.VehicleId,
            Input.Description!, Input.Department!.Value, clock.ToUtc(Input.PromisedFeedback!.Value),
            string.IsNullOrEmpty(Input.ConcernedUserId) ? null : Input.ConcernedUserId, taskId, Input.HotAlertId);
        var complaint = await intake.AddAsync(draft, User.ComplaintActor(), cancellationToken);
        // Begun after the intake: its number comes from a connection of its own, which an open
        // SQLite transaction (BEGIN IMMEDIATE) would keep waiting.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CloseHotAlertAsync(complaint, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Flash"] = l["Complaints.Created", complaint.Number, complaint.Tier].Value;
        return RedirectToPage("Details", new { id = complaint.Id });
    }

    /// <summary>
    /// A complaint opened from a CSI hot alert closes the alert (the alert's one other way out is a
    /// recovery call), when the alert is still open, is this customer's, and the user may resolve it.
    /// </summary>
    private async Task CloseHotAlertAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        if (Input.HotAlertId is not { } alertId
            || await db.HotAlerts.SingleOrDefaultAsync(a => a.Id == alertId && a.CustomerId == complaint.CustomerId, cancellationToken) is not { IsOpen: true } alert
            || !HotAlertDuty.MayResolve(alert, User.DutyViewer(HotAlertDuty.Access)))
        {
            return;
        }

        alert.CloseByComplaint(complaint.Id, User.UserId()!, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        var number = Input.CustomerNumber?.Trim().ToUpperInvariant();
        Customer = string.IsNullOrEmpty(number) ? null
            : await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number && c.AnonymisedUtc == null, cancellationToken);
        if (Customer is not null)
        {
            Input.CustomerNumber = Customer.Number;
            var vehicles = await db.Vehicles.AsNoTracking().Where(v => v.CustomerId == Customer.Id).OrderBy(v => v.Id)
                .Select(v => new { v.Id, v.Model, v.Plate, v.Vin }).ToListAsync(cancellationToken);
            Vehicles = vehicles.Select(v => new SelectListItem($"{v.Model} {v.Plate} {v.Vin}", v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        }

        Staff = (await staff.InRolesAsync(Domain.Staff.Roles.All.Where(r => r != Domain.Staff.Roles.Admin), cancellationToken))
            .Select(s => new SelectListItem(s.DisplayName, s.Id)).ToList();
    }
}
