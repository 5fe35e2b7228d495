using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Customers;

/// <summary>A phone number of the customer's besides the mobile (home, office, a second mobile).</summary>
public sealed class CustomerPhone : IAuditable
{
    private CustomerPhone()
    {
    }

    public CustomerPhone(string number)
    {
        Number = number;
        SearchKeyValue = SearchKey.Reversed(number)!;
    }

    public int Id { get; private set; }

    public int CustomerId { get; private set; }

    [ContactData]
    public string Number { get; private set; } = "";

    [ContactData]
    [NotAudited]
    public string SearchKeyValue { get; private set; } = "";
}
