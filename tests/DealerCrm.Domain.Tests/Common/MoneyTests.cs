using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("20", 2000)]
    [InlineData("128800.00", 12880000)]
    [InlineData("0.005", 1)]
    [InlineData("-3.5", -350)]
    public void Yuan_become_integer_fen(string yuan, long fen) =>
        Assert.Equal(fen, Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)).Fen);

    [Fact]
    public void Fines_add_up_exactly()
    {
        var fine = Money.FromYuan(20m);
        Assert.Equal(Money.FromYuan(60m), fine * 3);
        Assert.Equal(Money.FromYuan(40m), fine + fine);
        Assert.Equal(Money.Zero, fine - fine);
        Assert.True(fine > Money.Zero);
    }

    [Fact]
    public void Money_prints_as_yuan_with_two_decimals() =>
        Assert.Equal("¥128,800.00", Money.FromYuan(128800m).ToString());

    [Fact]
    public void Negative_amounts_are_known_as_such() =>
        Assert.Equal((true, false, false), (Money.FromYuan(-0.01m).IsNegative, Money.Zero.IsNegative, Money.FromYuan(0.01m).IsNegative));

    [Theory]
    [InlineData("0.015", 2)]
    [InlineData("-0.015", -2)]
    [InlineData("0.014", 1)]
    public void Half_a_fen_rounds_away_from_zero(string yuan, long fen) =>
        Assert.Equal(fen, Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)).Fen);

    [Fact]
    public void Amounts_compare_and_convert_back_to_yuan_exactly()
    {
        var price = Money.FromYuan(179_800m);
        var discounted = price - Money.FromYuan(12_000.50m);

        Assert.Equal(167_799.50m, discounted.Yuan);
        Assert.True(discounted < price);
        Assert.True(price >= Money.FromYuan(179_800m));
        Assert.Equal(-1, discounted.CompareTo(price));
        Assert.Equal([discounted, price], new[] { price, discounted }.Order());
    }

    [Fact]
    public void Overflow_is_an_error_not_a_wrong_sum() =>
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
}
