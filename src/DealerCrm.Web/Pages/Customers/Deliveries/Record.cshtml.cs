using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Infrastructure.Validation;
using DealerCrm.Web.Pages.Customers.Vehicles;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Customers.Deliveries;

/// <summary>
/// Record a delivery (交车) on one short form: the new car (or a vehicle already on the file),
/// when it was handed over, by whom, price and payment. It may be entered after the fact; the
/// follow-up cadence (letter, 24-hour and 7-day calls…) hangs on it.
/// </summary>
[Authorize(Policy = Policies.DeliveriesRecord)]
public sealed class RecordModel(
    DealerCrmDbContext db,
    StaffDirectory staff,
    DealershipClock clock,
    IOptions<DealershipOptions> dealership,
    IValidator<RecordModel.InputModel> validator,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Customer Customer { get; private set; } = null!;

    public IReadOnlyList<Vehicle> UndeliveredVehicles { get; private set; } = [];

    public IReadOnlyList<StaffMember> Salespeople { get; private set; } = [];

    public IReadOnlyList<VehicleClash> Clashes { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>A vehicle already on the file, or null for a new one described in <see cref="Vehicle"/>.</summary>
        [Display(Name = "Field.Vehicle")]
        public int? VehicleId { get; set; }

        public VehicleInput Vehicle { get; set; } = new();

        [Display(Name = "Field.DeliveredAt")]
        public DateTime? DeliveredAt { get; set; }

        [Display(Name = "Field.Salesperson")]
        public string? SalespersonId { get; set; }

        [Display(Name = "Field.PriceYuan")]
        public decimal? PriceYuan { get; set; }

        [Display(Name = "Field.PaymentMethod")]
        public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.FullPayment;

        [Display(Name = "Field.Notes")]
        public string? Notes { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l, DealershipClock clock, IValidator<VehicleInput> vehicle)
        {
            RuleFor(x => x.Vehicle).SetValidator(vehicle).When(x => x.VehicleId is null);
            RuleFor(x => x.DeliveredAt).NotNull().WithMessage(l["Deliveries.WhenRequired"])
                .Must(d => d is null || d.Value <= clock.LocalNow.AddMinutes(5)).WithMessage(l["Deliveries.InFuture"])
                .Must(d => d is null || d.Value.Year >= clock.Today.Year - 30).WithMessage(l["Deliveries.TooOld"]);
            RuleFor(x => x.SalespersonId).NotEmpty().WithMessage(l["Deliveries.SalespersonRequired"]);
            RuleFor(x => x.PriceYuan).NotNull().WithMessage(l["Deliveries.PriceRequired"]).NotNegative(l);
            RuleFor(x => x.PaymentMethod).IsInEnum();
            RuleFor(x => x.Notes).MaximumLength(500).WithMessage(l["Common.TooLong"]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int customerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(customerId, cancellationToken))
        {
            return NotFound();
        }

        var now = clock.LocalNow;
        Input.DeliveredAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0);
        Input.Vehicle.Brand = dealership.Value.Brand;
        Input.VehicleId = UndeliveredVehicles.Count > 0 ? UndeliveredVehicles[0].Id : null;
        if (User.IsInRole(Roles.Salesperson))
        {
            Input.SalespersonId = User.UserId();
        }
        else if (Customer.SalespersonId is not null)
        {
            Input.SalespersonId = Customer.SalespersonId;
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

        if (Salespeople.All(s => s.Id != Input.SalespersonId))
        {
            ModelState.AddModelError("Input.SalespersonId", l["Customers.SalespersonUnknown"]);
            return Page();
        }

        if (Input.VehicleId is { } chosen && UndeliveredVehicles.All(v => v.Id != chosen))
        {
            ModelState.AddModelError("Input.VehicleId", l["Deliveries.VehicleNotOnFile"]);
            return Page();
        }

        if (Input.VehicleId is null)
        {
            Clashes = await Input.Vehicle.FindClashesAsync(db, null, cancellationToken);
            if (Clashes.Count > 0)
            {
                VehicleClash.AddErrors(Clashes, ModelState, "Input.Vehicle", l);
                return Page();
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var vehicleId = Input.VehicleId ?? await AddVehicleAsync(customerId, cancellationToken);
        var delivery = new Delivery(vehicleId, customerId, clock.ToUtc(Input.DeliveredAt!.Value), Input.SalespersonId!,
            Money.FromYuan(Input.PriceYuan!.Value), Input.PaymentMethod, Input.Notes, clock.UtcNow, User.Identity!.Name!);
        db.Deliveries.Add(delivery);
        if (Customer.SalespersonId is null)
        {
            Customer.AssignSalesperson(Input.SalespersonId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Flash"] = l["Deliveries.Saved", Customer.Name].Value;
        return RedirectToPage("/Customers/Details", new { id = customerId });
    }

    private async Task<int> AddVehicleAsync(int customerId, CancellationToken cancellationToken)
    {
        var vehicle = new Vehicle(customerId, Input.Vehicle.NormalizedVin, Input.Vehicle.ToDetails(), clock.UtcNow);
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync(cancellationToken);
        return vehicle.Id;
    }

    private async Task<bool> LoadAsync(int customerId, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, customerId, cancellationToken) is not { } customer)
        {
            return false;
        }

        Customer = customer;
        UndeliveredVehicles = await db.Vehicles.AsNoTracking()
            .Where(v => v.CustomerId == customerId && !db.Deliveries.Any(d => d.VehicleId == v.Id))
            .OrderBy(v => v.Id).ToListAsync(cancellationToken);
        Salespeople = await staff.InRolesAsync([Roles.Salesperson, Roles.SalesManager], cancellationToken);
        return true;
    }
}
