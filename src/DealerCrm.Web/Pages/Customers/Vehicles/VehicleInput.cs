using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers.Vehicles;

/// <summary>A vehicle's fields, as the vehicle form and the delivery form (for a new car) take them.</summary>
public sealed class VehicleInput
{
    [Display(Name = "Field.Vin")]
    public string? Vin { get; set; }

    [Display(Name = "Field.Plate")]
    public string? Plate { get; set; }

    [Display(Name = "Field.Brand")]
    public string Brand { get; set; } = "";

    [Display(Name = "Field.Model")]
    public string Model { get; set; } = "";

    [Display(Name = "Field.Color")]
    public string? Color { get; set; }

    [Display(Name = "Field.RegistrationStatus")]
    public RegistrationStatus RegistrationStatus { get; set; }

    [Display(Name = "Field.InsuranceExpiry")]
    public DateOnly? InsuranceExpiry { get; set; }

    [Display(Name = "Field.WarrantyExpiry")]
    public DateOnly? WarrantyExpiry { get; set; }

    [Display(Name = "Field.FirstMaintenanceDue")]
    public DateOnly? FirstMaintenanceDue { get; set; }

    [Display(Name = "Field.FirstMaintenanceMileage")]
    public int? FirstMaintenanceMileage { get; set; }

    public string NormalizedVin => Domain.Customers.Vin.Normalize(Vin ?? "");

    public string? NormalizedPlate => string.IsNullOrWhiteSpace(Plate) ? null : PlateNumber.Normalize(Plate);

    public VehicleDetails ToDetails() => new(
        NormalizedPlate, Brand, Model, Color, RegistrationStatus, InsuranceExpiry, WarrantyExpiry, FirstMaintenanceDue, FirstMaintenanceMileage);

    public static VehicleInput From(Vehicle v) => new()
    {
        Vin = v.Vin,
        Plate = v.Plate,
        Brand = v.Brand,
        Model = v.Model,
        Color = v.Color,
        RegistrationStatus = v.RegistrationStatus,
        InsuranceExpiry = v.InsuranceExpiry,
        WarrantyExpiry = v.WarrantyExpiry,
        FirstMaintenanceDue = v.FirstMaintenanceDue,
        FirstMaintenanceMileage = v.FirstMaintenanceMileage,
    };

    public sealed class Validator : AbstractValidator<VehicleInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Vin).NotEmpty().WithMessage(l["Vehicles.VinRequired"]).DependentRules(() => RuleFor(x => x.Vin).ValidVin(l));
            RuleFor(x => x.Plate).ValidPlate(l);
            RuleFor(x => x.Brand).NotEmpty().MaximumLength(50).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.Model).NotEmpty().WithMessage(l["Vehicles.ModelRequired"]).MaximumLength(50).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.Color).MaximumLength(30).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.RegistrationStatus).IsInEnum();
            RuleFor(x => x.WarrantyExpiry).PlausibleVehicleDate(l);
            RuleFor(x => x.InsuranceExpiry).PlausibleVehicleDate(l);
            RuleFor(x => x.FirstMaintenanceDue).PlausibleVehicleDate(l);
            RuleFor(x => x.FirstMaintenanceMileage).InclusiveBetween(0, 1_000_000).WithMessage(l["Vehicles.MileageRange"]);
        }
    }

    /// <summary>Vehicles on file that already carry this VIN or plate (another vehicle than <paramref name="vehicleId"/>).</summary>
    public async Task<IReadOnlyList<VehicleClash>> FindClashesAsync(DealerCrmDbContext db, int? vehicleId, CancellationToken cancellationToken)
    {
        var vin = NormalizedVin;
        var plate = NormalizedPlate;
        var clashes = await db.Vehicles.AsNoTracking()
            .Where(v => v.Id != vehicleId && (v.Vin == vin || (plate != null && v.Plate == plate)))
            .Join(db.Customers, v => v.CustomerId, c => c.Id, (v, c) => new { v.Vin, c.Id, c.Number, c.Name })
            .ToListAsync(cancellationToken);
        return clashes.Select(c => new VehicleClash(c.Vin == vin ? nameof(Vin) : nameof(Plate), c.Id, c.Number, c.Name)).ToList();
    }
}

/// <summary>A VIN or plate already on file: refused, with a link to the file that holds it.</summary>
public sealed record VehicleClash(string Field, int CustomerId, string Number, string Name)
{
    public static void AddErrors(IEnumerable<VehicleClash> clashes, ModelStateDictionary modelState, string prefix, IStringLocalizer l)
    {
        foreach (var clash in clashes)
        {
            modelState.AddModelError($"{prefix}.{clash.Field}", l[clash.Field == nameof(VehicleInput.Vin) ? "Vehicles.VinOnFile" : "Vehicles.PlateOnFile", clash.Number, clash.Name]);
        }
    }
}
