using System.Globalization;
using System.Text.RegularExpressions;

namespace DealerCrm.Domain.Customers;

/// <summary>Customer numbers: C + year + 6-digit sequence (C2026000123), never reused.</summary>
public static partial class CustomerNumber
{
    public static string Format(int year, long sequence)
    {
        if (sequence is < 1 or > 999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "A year holds at most 999,999 customer numbers.");
        }

        return string.Create(CultureInfo.InvariantCulture, $"C{year:0000}{sequence:000000}");
    }

    public static bool IsWellFormed(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>The name of the sequence that numbers a year's customers.</summary>
    public static string SequenceName(int year) => string.Create(CultureInfo.InvariantCulture, $"Customer-{year}");

    [GeneratedRegex("^C[0-9]{10}$")]
    private static partial Regex Pattern();
}
