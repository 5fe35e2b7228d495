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
        // Digits only, as the search box compacts what is typed: 020-88886666 is found as 02088886666 too.
        SearchKeyValue = SearchKey.Reversed(new string(number.Where(char.IsAsciiDigit).ToArray())) ?? "";
    }

    public int Id { get; private set; }

    public int CustomerId { get; private set; }

    [ContactData]
    public string Number { get; private set; } = "";

    [ContactData]
    [NotAudited]
    public string SearchKeyValue { get; private set; } = "";
}
