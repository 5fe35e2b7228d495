using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Tests.Customers;

public sealed class PlateNumberTests
{
    [Theory]
    [InlineData("粤A12345")] // regular blue plate
    [InlineData("京B8X66Z")] // letters among the five
    [InlineData("沪AB1234")]
    [InlineData("川A9Z9Z9")]
    [InlineData("粤AD12345")] // small new-energy, pure electric
    [InlineData("粤AF12345")] // small new-energy, hybrid
    [InlineData("粤ADX1234")] // small new-energy, a letter after D
    [InlineData("粤A12345D")] // large new-energy
    [InlineData("粤A12345F")]
    [InlineData("粤A1234学")] // driving school
    [InlineData("粤A1234挂")] // trailer
    [InlineData("琼A12345")] // the last of the province list
    [InlineData("新A12345")]
    public void Mainland_plates_are_valid(string plate) => Assert.True(PlateNumber.IsValid(plate), plate);

    [Theory]
    [InlineData("港A12345")] // not a mainland province character
    [InlineData("AA12345")]
    [InlineData("1A12345")]
    [InlineData("粤I12345")] // I is not used
    [InlineData("粤O12345")] // nor O
    [InlineData("粤A1234I")]
    [InlineData("粤A12O45")]
    [InlineData("粤1A2345")] // the office is a letter
    [InlineData("粤A1234")] // too short
    [InlineData("粤A")]
    [InlineData("粤A123456")] // six characters but not a new-energy pattern
    [InlineData("粤AD1234Z")] // small new-energy ends in four digits
    [InlineData("粤A1234DD")]
    [InlineData("粤A12345DF")] // too long
    [InlineData("粤A12345学")]
    [InlineData("粤A学1234")] // 学 only at the end
    [InlineData("粤a12345")] // lower case until normalised
    [InlineData("粤A 12345")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? plate) => Assert.False(PlateNumber.IsValid(plate));

    [Theory]
    [InlineData("粤a12345", "粤A12345")]
    [InlineData("粤A·12345", "粤A12345")]
    [InlineData("粤A 123 45", "粤A12345")]
    [InlineData("粤A-12345", "粤A12345")]
    [InlineData(" 粤ad12345 ", "粤AD12345")]
    public void Typed_plates_are_normalised(string typed, string plate)
    {
        Assert.Equal(plate, PlateNumber.Normalize(typed));
        Assert.True(PlateNumber.IsValid(PlateNumber.Normalize(typed)));
    }

    [Fact]
    public void Every_mainland_province_has_its_character()
    {
        Assert.Equal(31, PlateNumber.Provinces.Length);
        Assert.All(PlateNumber.Provinces, p => Assert.True(PlateNumber.IsValid(p + "A12345"), p.ToString()));
    }
}
