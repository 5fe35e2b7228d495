using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Tests.Customers;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("19900001111", "199****1111")]
    public void A_mobile_shows_its_first_three_and_last_four_digits(string mobile, string shown) =>
        Assert.Equal(shown, PhoneMask.Mask(mobile));

    [Theory]
    [InlineData("020-88886666", "***-****6666")]
    [InlineData("02088886666", "*******6666")]
    [InlineData("0755-23456789", "****-****6789")]
    [InlineData("020-88886666-123", "***-*******6-123")]
    [InlineData("400-800-8888", "***-***-8888")]
    public void A_landline_keeps_only_its_last_four_digits_and_its_separators(string phone, string shown) =>
        Assert.Equal(shown, PhoneMask.Mask(phone));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("123", "123")]
    public void Nothing_or_a_short_number_has_nothing_to_hide(string? phone, string shown) =>
        Assert.Equal(shown, PhoneMask.Mask(phone));

    [Theory]
    [InlineData("13812345678")]
    [InlineData("020-88886666")]
    [InlineData("0755-23456789")]
    [InlineData("138-1234-5678")]
    public void No_masked_form_gives_away_more_than_seven_digits(string phone)
    {
        var masked = PhoneMask.Mask(phone);
        Assert.True(masked.Count(char.IsAsciiDigit) <= 7, masked);
        Assert.Equal(phone.Length, masked.Length);
        Assert.NotEqual(phone, masked);
    }
}
