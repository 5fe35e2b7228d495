using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Tests.Customers;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("13012345678")]
    [InlineData("14712345678")]
    [InlineData("15012345678")]
    [InlineData("16612345678")]
    [InlineData("17712345678")]
    [InlineData("18612345678")]
    [InlineData("19912345678")]
    public void Mobiles_from_13x_to_19x_are_valid(string mobile) => Assert.True(ChineseMobile.IsValid(mobile));

    [Theory]
    [InlineData("12812345678")] // 12x: no such mobile range
    [InlineData("11812345678")]
    [InlineData("10812345678")]
    [InlineData("23812345678")]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("1381234567a")]
    [InlineData("138 1234 5678")] // valid only once normalised
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_mobile(string? value) => Assert.False(ChineseMobile.IsValid(value));

    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData(" 138 1234-5678 ")]
    [InlineData("+86 13812345678")]
    [InlineData("+86-138-1234-5678")]
    [InlineData("+8613812345678")]
    [InlineData("8613812345678")]
    public void Spaces_dashes_and_the_country_code_are_normalised_away(string typed)
    {
        var normalised = ChineseMobile.Normalize(typed);
        Assert.Equal("13812345678", normalised);
        Assert.True(ChineseMobile.IsValid(normalised));
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("138 1234 567")]
    [InlineData("+86 1381234567")]
    public void A_wrong_number_stays_wrong_after_normalising(string typed) =>
        Assert.False(ChineseMobile.IsValid(ChineseMobile.Normalize(typed)));

    [Theory]
    [InlineData("020-88886666")] // Guangzhou, 3-digit area code
    [InlineData("02088886666")]
    [InlineData("0755-23456789")] // Shenzhen, 4-digit area code
    [InlineData("010-62345678")] // Beijing
    [InlineData("0757-8888666")] // 7-digit local number
    [InlineData("020-88886666-123")] // extension
    [InlineData("400-800-8888")] // service lines
    [InlineData("4008008888")]
    [InlineData("800-820-8820")]
    [InlineData("13912345678")] // a mobile is a phone too
    public void Landlines_service_lines_and_mobiles_are_phone_numbers(string phone) => Assert.True(PhoneNumber.IsValid(phone));

    [Theory]
    [InlineData("88886666")] // no area code
    [InlineData("020-888866")] // local number too short
    [InlineData("020-888866661")] // local number too long
    [InlineData("020-08886666")] // local numbers never start with 0 or 1
    [InlineData("020-18886666")]
    [InlineData("20-88886666")] // area codes start with 0
    [InlineData("12812345678")]
    [InlineData("600-800-8888")]
    [InlineData("电话020-88886666")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_phone_number(string? phone) => Assert.False(PhoneNumber.IsValid(phone));

    [Theory]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData(" 020-88886666 ", "020-88886666")]
    [InlineData("020 8888 6666", "02088886666")]
    [InlineData("400-800-8888", "400-800-8888")]
    public void Phones_normalise_mobiles_to_digits_and_keep_landline_dashes(string typed, string stored) =>
        Assert.Equal(stored, PhoneNumber.Normalize(typed));

    [Theory]
    [InlineData("020-88886666", "66668888020")]
    [InlineData("13812345678", "87654321831")]
    [InlineData("400-800-8888", "8888008004")]
    public void Another_phone_is_searched_by_its_digits_reversed(string number, string key) =>
        Assert.Equal(key, new CustomerPhone(number).SearchKeyValue);
}
