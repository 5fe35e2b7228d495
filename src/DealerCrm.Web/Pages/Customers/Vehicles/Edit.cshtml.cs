using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Forms;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Customers.Vehicles;

/// <summary>Add a vehicle to a customer's file, or edit one. A VIN or plate already on file is refused with a link to it.</summary>
[Authorize(Policy = Policies.VehiclesEdit)]
public sealed class EditModel(
    DealerCrmDbContext db,
    DealershipClock clock,
    IOptions<DealershipOptions> dealership,
    IValidator<VehicleInput> validator,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public VehicleInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public Customer Customer { get; private set; } = null!;

    public bool IsNew { get; private set; }

    public IReadOnlyList<VehicleClash> Clashes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int customerId, int? vehicleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(customerId, vehicleId, cancellationToken) is not { } vehicle)
        {
            return NotFound();
        }

        if (vehicle.Existing is { } existing)
        {
            Input = VehicleInput.From(existing);
            Version = existing.Version;
        }
        else
        {
            Input.Brand = dealership.Value.Brand;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int customerId, int? vehicleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(customerId, vehicleId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        Clashes = await Input.FindClashesAsync(db, vehicleId, cancellationToken);
        if (Clashes.Count > 0)
        {
            VehicleClash.AddErrors(Clashes, ModelState, "Input", l);
            return Page();
        }

        if (found.Existing is { } vehicle)
        {
            db.ExpectVersion(vehicle, Version);
            if (vehicle.Vin != Input.NormalizedVin)
            {
                vehicle.CorrectVin(Input.NormalizedVin);
            }

            vehicle.Update(Input.ToDetails());
            if (db.HasNothingToSave())
            {
                this.FlashNothingChanged(l);
                return RedirectToPage("/Customers/Details", new { id = customerId });
            }
        }
        else
        {
            db.Vehicles.Add(new Vehicle(customerId, Input.NormalizedVin, Input.ToDetails(), clock.UtcNow));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Common.ChangedByOthers"]);
            return Page();
        }

        TempData["Flash"] = l["Vehicles.Saved", Input.Model, Input.NormalizedVin].Value;
        return RedirectToPage("/Customers/Details", new { id = customerId });
    }

    private async Task<(Vehicle? Existing, bool Found)?> LoadAsync(int customerId, int? vehicleId, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, customerId, cancellationToken) is not { } customer)
        {
            return null;
        }

        Customer = customer;
        IsNew = vehicleId is null;
        if (vehicleId is null)
        {
            return (null, true);
        }

        var vehicle = await db.Vehicles.SingleOrDefaultAsync(v => v.Id == vehicleId && v.CustomerId == customerId, cancellationToken);
        return vehicle is null ? null : (vehicle, true);
    }
}
