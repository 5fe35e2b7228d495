using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Customers;

/// <summary>A vehicle on file, owned by one customer at a time (it may be sold on to another).</summary>
public sealed class Vehicle : IAuditable, IVersioned
{
    private Vehicle()
    {
    }

    public Vehicle(int customerId, string vin, VehicleDetails details, DateTime createdUtc)
    {
        CustomerId = customerId;
        Vin = vin;
        VinSearchKey = SearchKey.Reversed(vin)!;
        CreatedUtc = createdUtc;
        Update(details);
    }

    public int Id { get; private set; }

    public int Version { get; set; }

    /// <summary>The current owner.</summary>
    public int CustomerId { get; private set; }

    public string Vin { get; private set; } = "";

    [NotAudited]
    public string VinSearchKey { get; private set; } = "";

    public string? Plate { get; private set; }

    [NotAudited]
    public string? PlateSearchKey { get; private set; }

    public string Brand { get; private set; } = "";

    public string Model { get; private set; } = "";

    public string? Color { get; private set; }

    public RegistrationStatus RegistrationStatus { get; private set; }

    public DateOnly? InsuranceExpiry { get; private set; }

    public DateOnly? WarrantyExpiry { get; private set; }

    public DateOnly? FirstMaintenanceDue { get; private set; }

    public int? FirstMaintenanceMileage { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public bool IsUnderWarranty(DateOnly today) => WarrantyExpiry >= today;

    public void Update(VehicleDetails details)
    {
        Plate = string.IsNullOrWhiteSpace(details.Plate) ? null : details.Plate;
        PlateSearchKey = SearchKey.Reversed(Plate);
        Brand = details.Brand.Trim();
        Model = details.Model.Trim();
        Color = string.IsNullOrWhiteSpace(details.Color) ? null : details.Color.Trim();
        RegistrationStatus = Plate is null ? details.RegistrationStatus : RegistrationStatus.Registered;
        InsuranceExpiry = details.InsuranceExpiry;
        WarrantyExpiry = details.WarrantyExpiry;
        FirstMaintenanceDue = details.FirstMaintenanceDue;
        FirstMaintenanceMileage = details.FirstMaintenanceMileage;
    }

    /// <summary>A mistyped VIN put right (the audit trail keeps the old one).</summary>
    public void CorrectVin(string vin)
    {
        Vin = vin;
        VinSearchKey = SearchKey.Reversed(vin)!;
    }

    /// <summary>The vehicle changes hands (sold on, or its files merged); its history goes with it.</summary>
    public void TransferTo(int customerId) => CustomerId = customerId;

    /// <summary>A plate identifies its owner: an anonymised customer's plate is forgotten too.</summary>
    public void ForgetPlate()
    {
        Plate = null;
        PlateSearchKey = null;
    }
}

public sealed record VehicleDetails(
    string? Plate,
    string Brand,
    string Model,
    string? Color,
    RegistrationStatus RegistrationStatus,
    DateOnly? InsuranceExpiry,
    DateOnly? WarrantyExpiry,
    DateOnly? FirstMaintenanceDue,
    int? FirstMaintenanceMileage);
