namespace DealerCrm.Domain.Customers;

/// <summary>A person's gender as the file records it; Unknown when the customer did not say.</summary>
public enum Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
