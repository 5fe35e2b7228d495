using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Tests.Customers;

/// <summary>
/// VINs (ISO 3779, GB 16735) with check digits taken from real published examples, so the
/// algorithm is checked against the world and not against itself.
/// </summary>
public sealed class VinTests
{
    /// <summary>Published VINs and where they were published.</summary>
    public static TheoryData<string, string> PublishedVins() => new()
    {
        // Wikipedia "Vehicle identification number", check-digit worked example (also autocalculator.org).
        { "1M8GDM9AXKP042788", "Wikipedia worked example, check digit X" },
        // Wikipedia: seventeen ones is its own check digit, the classic self-test of the algorithm.
        { "11111111111111111", "Wikipedia straight-ones test" },
        // scientificgems.wordpress.com "Mathematics in action: vehicle identification numbers" (a JAC, WMI LJC: Chinese-built).
        { "LJCPCBLCX11000237", "Chinese-built JAC, check digit X" },
        // CRAN vindecodr documentation, valid_check_digit() example (a Mercedes-Benz).
        { "WDBEA30D3HA391172", "vindecodr example" },
        // lucasdavila/vin_checker README, valid example (a Nissan).
        { "JN1DA31D63T505967", "vin_checker valid example" },
        // datacleaner extension_vehicles wiki: 1FA-CP45E-?-LF192944 has check digit X (weighted sum 373).
        { "1FACP45EXLF192944", "datacleaner wiki example" },
        // The Honda Accord VIN used throughout VIN-decoder documentation and test suites.
        { "1HGCM82633A004352", "Honda Accord sample" },
    };

    [Theory]
    [MemberData(nameof(PublishedVins))]
    public void Published_vins_pass(string vin, string source)
    {
        Assert.True(Vin.IsValid(vin), $"{vin} ({source})");
        Assert.Equal(vin[8], Vin.CheckDigit(vin));
    }

    [Fact]
    public void The_worked_example_computes_X_whatever_the_ninth_character_holds()
    {
        // The ninth position has weight 0: the digit is computed from the other sixteen.
        Assert.Equal('X', Vin.CheckDigit("1M8GDM9A0KP042788"));
        Assert.Equal('X', Vin.CheckDigit("1M8GDM9A9KP042788"));
    }

    [Theory]
    [InlineData("1M8GDM9AXKP042789")] // last character changed
    [InlineData("1M8GDM9AXKP042738")] // one digit of the serial mistyped
    [InlineData("1M8GDM9A1KP042788")] // check digit changed
    [InlineData("2M8GDM9AXKP042788")] // first character changed
    [InlineData("LJCPCBLC011000237")]
    [InlineData("WDBEA30D3HA391173")]
    [InlineData("1XPTD40X0JD456115")] // vin_checker's published invalid example (its correct check digit is 6)
    public void A_published_vin_with_one_character_changed_fails(string vin)
    {
        Assert.True(Vin.HasValidCharacters(vin));
        Assert.False(Vin.IsValid(vin));
    }

    [Fact]
    public void Vin_checkers_suggested_correction_passes() => Assert.True(Vin.IsValid("1XPTD40X6JD456115"));

    [Theory]
    [InlineData("1M8GDM9AXKP04278I")]
    [InlineData("1M8GDM9AXKP04278O")]
    [InlineData("1M8GDM9AXKP04278Q")]
    [InlineData("IM8GDM9AXKP042788")]
    [InlineData("1M8GDM9AXKO042788")]
    [InlineData("1M8GDMQAXKP042788")]
    public void Letters_I_O_and_Q_are_never_part_of_a_vin(string vin)
    {
        Assert.False(Vin.HasValidCharacters(vin));
        Assert.False(Vin.IsValid(vin));
    }

    [Theory]
    [InlineData("1M8GDM9AXKP04278")] // 16
    [InlineData("1M8GDM9AXKP0427888")] // 18
    [InlineData("1m8gdm9axkp042788")] // lower case until normalised
    [InlineData("1M8GDM9AXKP-42788")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_length_or_characters_fail(string? vin) => Assert.False(Vin.IsValid(vin));

    [Theory]
    [InlineData("1m8gdm9axkp042788")]
    [InlineData(" 1M8G DM9A XKP0 42788 ")]
    public void Typed_vins_are_normalised_to_upper_case_without_spaces(string typed)
    {
        var vin = Vin.Normalize(typed);
        Assert.Equal("1M8GDM9AXKP042788", vin);
        Assert.True(Vin.IsValid(vin));
    }
}
