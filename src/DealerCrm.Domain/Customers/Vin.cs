namespace DealerCrm.Domain.Customers;

/// <summary>
/// Vehicle identification numbers (ISO 3779; GB 16735 in China): 17 characters from
/// 0-9 and A-Z without I, O and Q, the 9th being a check digit over the other 16.
/// </summary>
public static class Vin
{
    private const string Weights = "8765432X098765432";

    public static string Normalize(string value) => value.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool HasValidCharacters(string? vin) =>
        vin is { Length: 17 } && vin.All(c => char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c is not ('I' or 'O' or 'Q')));

    public static bool IsValid(string? vin) => HasValidCharacters(vin) && vin![8] == CheckDigit(vin);

    /// <summary>The check digit the 9th position must hold: Σ value × weight mod 11, 10 written as X.</summary>
    public static char CheckDigit(string vin)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = Weights[i] switch
            {
                'X' => 10,
                var w => w - '0',
            };
            sum += Transliterate(vin[i]) * weight;
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'A' or 'J' => 1,
        'B' or 'K' or 'S' => 2,
        'C' or 'L' or 'T' => 3,
        'D' or 'M' or 'U' => 4,
        'E' or 'N' or 'V' => 5,
        'F' or 'W' => 6,
        'G' or 'P' or 'X' => 7,
        'H' or 'Y' => 8,
        'R' or 'Z' => 9,
        _ => 0,
    };
}
