using System.Text.RegularExpressions;

namespace DealerCrm.Domain.Customers;

/// <summary>
/// Mainland licence plates (车牌): a province character, the issuing-office letter, then
/// five characters (粤A12345, 京B8X66Z); new-energy plates have six (粤AD12345 small,
/// 粤A12345D large); a few end in 学 (driving school) or 挂 (trailer). Letters I and O are not used.
/// </summary>
public static partial class PlateNumber
{
    public const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    /// <summary>Upper case, without spaces, dots or dashes: "粤a·123 45" becomes 粤A12345.</summary>
    public static string Normalize(string value) =>
        new string(value.Where(c => !char.IsWhiteSpace(c) && c is not ('·' or '.' or '-' or '•')).ToArray()).ToUpperInvariant();

    public static bool IsValid(string? plate) =>
        plate is not null && (Regular().IsMatch(plate) || SmallNewEnergy().IsMatch(plate) || LargeNewEnergy().IsMatch(plate));

    [GeneratedRegex("^[" + Provinces + "][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9学挂]$")]
    private static partial Regex Regular();

    // Small new-energy: D (pure electric) or F (hybrid) and then a letter or digit, then four digits.
    [GeneratedRegex("^[" + Provinces + "][A-HJ-NP-Z][DF][A-HJ-NP-Z0-9][0-9]{4}$")]
    private static partial Regex SmallNewEnergy();

    // Large new-energy: five digits, then D or F.
    [GeneratedRegex("^[" + Provinces + "][A-HJ-NP-Z][0-9]{5}[DF]$")]
    private static partial Regex LargeNewEnergy();
}
