using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers.ServiceVisits;

/// <summary>Record a service visit (保养/维修/索赔/事故) of one of the customer's vehicles.</summary>
[Authorize(Policy = Policies.ServiceVisitsRecord)]
public sealed class RecordModel(
    DealerCrmDbContext db,
    StaffDirectory staff,
    DealershipClock clock,
    IValidator<RecordModel.InputModel> validator,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Customer Customer { get; private set; } = null!;

    public IReadOnlyList<Vehicle> Vehicles { get; private set; } = [];

    public IReadOnlyList<StaffMember> Advisors { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Field.Vehicle")]
        public int? VehicleId { get; set; }

        [Display(Name = "Field.VisitDate")]
        public DateOnly? VisitDate { get; set; }

        [Display(Name = "Field.Mileage")]
        public int? Mileage { get; set; }

        [Display(Name = "Field.VisitType")]
        public ServiceVisitType Type { get; set; } = ServiceVisitType.Maintenance;

        [Display(Name = "Field.WorkItems")]
        public string? WorkItems { get; set; }

        [Display(Name = "Field.ServiceAdvisor")]
        public string? ServiceAdvisorId { get; set; }

        [Display(Name = "Field.AmountYuan")]
        public decimal? AmountYuan { get; set; }

        [Display(Name = "Field.NextMaintenanceDate")]
        public DateOnly? NextMaintenanceDate { get; set; }

        [Display(Name = "Field.NextMaintenanceMileage")]
        public int? NextMaintenanceMileage { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l, DealershipClock clock)
        {
            RuleFor(x => x.VehicleId).NotNull().WithMessage(l["ServiceVisits.VehicleRequired"]);
            RuleFor(x => x.VisitDate).NotNull().WithMessage(l["ServiceVisits.DateRequired"]).NotInFuture(() => clock.Today, l).PlausibleVehicleDate(l);
            RuleFor(x => x.Mileage).NotNull().WithMessage(l["ServiceVisits.MileageRequired"])
                .InclusiveBetween(0, 2_000_000).WithMessage(l["Vehicles.MileageRange"]);
            RuleFor(x => x.Type).IsInEnum();
            RuleFor(x => x.WorkItems).NotEmpty().WithMessage(l["ServiceVisits.WorkItemsRequired"]).MaximumLength(2000).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.ServiceAdvisorId).NotEmpty().WithMessage(l["ServiceVisits.AdvisorRequired"]);
            RuleFor(x => x.AmountYuan).NotNull().WithMessage(l["ServiceVisits.AmountRequired"]).NotNegative(l);
            RuleFor(x => x.NextMaintenanceDate).PlausibleVehicleDate(l).Must((x, next) => next is null || x.VisitDate is null || next > x.VisitDate)
                .WithMessage(l["ServiceVisits.NextDateAfterVisit"]);
            RuleFor(x => x.NextMaintenanceMileage).Must((x, next) => next is null || x.Mileage is null || next > x.Mileage)
                .WithMessage(l["ServiceVisits.NextMileageAbove"]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int customerId, int? vehicleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(customerId, cancellationToken))
        {
            return NotFound();
        }

        Input.VehicleId = vehicleId ?? (Vehicles.Count == 1 ? Vehicles[0].Id : null);
        Input.VisitDate = clock.Today;
        if (User.IsInRole(Roles.ServiceAdvisor))
        {
            Input.ServiceAdvisorId = User.UserId();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int customerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(customerId, cancellationToken))
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        if (Vehicles.All(v => v.Id != Input.VehicleId))
        {
            ModelState.AddModelError("Input.VehicleId", l["Deliveries.VehicleNotOnFile"]);
            return Page();
        }

        if (Advisors.All(a => a.Id != Input.ServiceAdvisorId))
        {
            ModelState.AddModelError("Input.ServiceAdvisorId", l["ServiceVisits.AdvisorUnknown"]);
            return Page();
        }

        // An odometer does not run backwards: a lower reading than an earlier visit is a typo.
        var earlier = await db.ServiceVisits.Where(s => s.VehicleId == Input.VehicleId && s.VisitDate <= Input.VisitDate)
            .MaxAsync(s => (int?)s.Mileage, cancellationToken);
        if (earlier > Input.Mileage)
        {
            ModelState.AddModelError("Input.Mileage", l["ServiceVisits.MileageBelowEarlier", earlier.Value]);
            return Page();
        }

        db.ServiceVisits.Add(new ServiceVisit(Input.VehicleId!.Value, customerId, new ServiceVisitDetails(
            Input.VisitDate!.Value, Input.Mileage!.Value, Input.Type, Input.WorkItems!, Input.ServiceAdvisorId!,
            Money.FromYuan(Input.AmountYuan!.Value), Input.NextMaintenanceDate, Input.NextMaintenanceMileage), clock.UtcNow, User.Identity!.Name!));
        await db.SaveChangesAsync(cancellationToken);

        TempData["Flash"] = l["ServiceVisits.Saved"].Value;
        return RedirectToPage("/Customers/Details", new { id = customerId });
    }

    private async Task<bool> LoadAsync(int customerId, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, customerId, cancellationToken) is not { } customer)
        {
            return false;
        }

        Customer = customer;
        Vehicles = await db.Vehicles.AsNoTracking().Where(v => v.CustomerId == customerId).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        Advisors = await staff.InRolesAsync([Roles.ServiceAdvisor, Roles.DepartmentManager], cancellationToken);
        return true;
    }
}
