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
}
