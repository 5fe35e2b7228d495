namespace DealerCrm.Domain.Customers;

/// <summary>
/// Search keys are stored reversed, so "ends with" becomes "starts with" and an index answers
/// it: the last 4 digits of a phone, the tail of a plate or VIN, or the whole of one.
/// </summary>
public static class SearchKey
{
    public static string? Reversed(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var chars = value.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
