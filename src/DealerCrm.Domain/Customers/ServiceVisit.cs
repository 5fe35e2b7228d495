using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Customers;

/// <summary>A service visit (维修/保养记录) of a vehicle.</summary>
public sealed class ServiceVisit : IAuditable, IVersioned
{
    private ServiceVisit()
    {
    }

    public ServiceVisit(int vehicleId, int customerId, ServiceVisitDetails details, DateTime recordedUtc, string recordedBy)
    {
        VehicleId = vehicleId;
        CustomerId = customerId;
        RecordedUtc = recordedUtc;
        RecordedBy = recordedBy;
        Update(details);
    }

    public int Id { get; private set; }

    public int Version { get; set; }

    public int VehicleId { get; private set; }

    /// <summary>The owner at the time of the visit.</summary>
    public int CustomerId { get; private set; }

    public DateOnly VisitDate { get; private set; }

    public int Mileage { get; private set; }

    public ServiceVisitType Type { get; private set; }

    public string WorkItems { get; private set; } = "";

    public string ServiceAdvisorId { get; private set; } = "";

    public Money Amount { get; private set; }

    public DateOnly? NextMaintenanceDate { get; private set; }

    public int? NextMaintenanceMileage { get; private set; }

    public DateTime RecordedUtc { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public void Update(ServiceVisitDetails details)
    {
        if (details.Amount.IsNegative || details.Mileage < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(details), "Amount and mileage cannot be negative.");
        }

        VisitDate = details.VisitDate;
        Mileage = details.Mileage;
        Type = details.Type;
        WorkItems = details.WorkItems.Trim();
        ServiceAdvisorId = details.ServiceAdvisorId;
        Amount = details.Amount;
        NextMaintenanceDate = details.NextMaintenanceDate;
        NextMaintenanceMileage = details.NextMaintenanceMileage;
    }

    public void MoveToCustomer(int customerId) => CustomerId = customerId;
}

public sealed record ServiceVisitDetails(
    DateOnly VisitDate,
    int Mileage,
    ServiceVisitType Type,
    string WorkItems,
    string ServiceAdvisorId,
    Money Amount,
    DateOnly? NextMaintenanceDate,
    int? NextMaintenanceMileage);
