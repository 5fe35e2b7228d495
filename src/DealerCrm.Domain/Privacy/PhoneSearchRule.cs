namespace DealerCrm.Domain.Privacy;

/// <summary>
/// Which digit strings the customer search matches against phone numbers (保密). A user who may
/// not reveal every customer's number sees numbers masked (138****5678); if any partial string
/// matched phones, adding one digit at a time would recover the whole number from the hit list.
/// Such users find a customer by phone only by the whole mobile (11 digits) or by its last four,
/// which the mask shows anyway. Salespeople, who may reveal only their own customers' numbers,
/// fall under the same rule: a partial match limited to their own customers would need a search
/// of its own, and the whole number or last four already find any customer they look after.
/// </summary>
public static class PhoneSearchRule
{
    public const int WholeMobileLength = 11;
    public const int LastDigitsLength = 4;

    /// <summary>Whether the search matches these digits (normalised, +86 dropped) against phones.</summary>
    /// <param name="digits">The query's digits, the whole query being digits.</param>
    /// <param name="mayRevealAnyNumber">Whether the user may reveal any customer's numbers (CS, service, managers with the reveal right).</param>
    public static bool MatchesPhones(string digits, bool mayRevealAnyNumber) =>
        mayRevealAnyNumber || digits.Length is WholeMobileLength or LastDigitsLength;
}
