using System.Text.RegularExpressions;

namespace DealerCrm.Domain.Customers;

/// <summary>Mainland Chinese mobile numbers: 11 digits, 1 then 3-9 (13x to 19x).</summary>
public static partial class ChineseMobile
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Digits only: "138 1234 5678", "138-1234-5678" and "+86 13812345678" become 13812345678.</summary>
    public static string Normalize(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Pattern();
}

/// <summary>Any phone a customer may give: a mobile, a landline with area code (020-88886666, ext. -123), or a 400/800 line.</summary>
public static partial class PhoneNumber
{
    public static bool IsValid(string? value) =>
        value is not null && (ChineseMobile.IsValid(value) || Landline().IsMatch(value) || ServiceLine().IsMatch(value));

    /// <summary>Mobiles become bare digits; landlines keep their dashes.</summary>
    public static string Normalize(string value)
    {
        var trimmed = value.Trim().Replace(" ", "", StringComparison.Ordinal);
        var mobile = ChineseMobile.Normalize(trimmed);
        return ChineseMobile.IsValid(mobile) ? mobile : trimmed;
    }

    [GeneratedRegex("^0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,6})?$")]
    private static partial Regex Landline();

    [GeneratedRegex("^[48]00-?[0-9]{3}-?[0-9]{4}$")]
    private static partial Regex ServiceLine();
}

/// <summary>Masks phone numbers for display: 138****5678; other numbers keep their last four digits.</summary>
public static class PhoneMask
{
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        if (ChineseMobile.IsValid(phone))
        {
            return phone[..3] + "****" + phone[7..];
        }

        // Landlines and others: every digit but the last four becomes *, separators stay.
        var digitsSeen = phone.Count(char.IsAsciiDigit);
        var keep = Math.Min(4, digitsSeen);
        var result = phone.ToCharArray();
        var digitIndex = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (char.IsAsciiDigit(result[i]) && digitIndex++ < digitsSeen - keep)
            {
                result[i] = '*';
            }
        }

        return new string(result);
    }
}
