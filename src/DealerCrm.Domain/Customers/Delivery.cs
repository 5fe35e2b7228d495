using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Customers;

/// <summary>
/// A delivery (交车): which vehicle went to which customer, when, sold by whom, at what price.
/// The follow-up cadence hangs on it. May be recorded after the fact.
/// </summary>
public sealed class Delivery : IAuditable, IVersioned
{
    private Delivery()
    {
    }

    public Delivery(int vehicleId, int customerId, DateTime deliveredAtUtc, string salespersonId, Money price, PaymentMethod paymentMethod, string? notes, DateTime recordedUtc, string recordedBy)
    {
        if (price.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(price), "A price cannot be negative.");
        }

        VehicleId = vehicleId;
        CustomerId = customerId;
        DeliveredAtUtc = deliveredAtUtc;
        SalespersonId = salespersonId;
        Price = price;
        PaymentMethod = paymentMethod;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        RecordedUtc = recordedUtc;
        RecordedBy = recordedBy;
    }

    public int Id { get; private set; }

    public int Version { get; set; }

    public int VehicleId { get; private set; }

    /// <summary>The buyer: stays the buyer even if the vehicle is later sold on.</summary>
    public int CustomerId { get; private set; }

    public DateTime DeliveredAtUtc { get; private set; }

    public string SalespersonId { get; private set; } = "";

    public Money Price { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public string? Notes { get; private set; }

    public DateTime RecordedUtc { get; private set; }

    public string RecordedBy { get; private set; } = "";

    /// <summary>Two files of one person merged: the survivor becomes the buyer of record.</summary>
    public void MoveToCustomer(int customerId) => CustomerId = customerId;
}
