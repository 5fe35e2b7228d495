using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Tests.Customers;

public sealed class CustomerNumberTests
{
    [Theory]
    [InlineData(2026, 1, "C2026000001")]
    [InlineData(2026, 123, "C2026000123")]
    [InlineData(2027, 999_999, "C2027999999")]
    public void Numbers_are_C_year_and_six_digits(int year, long sequence, string number)
    {
        Assert.Equal(number, CustomerNumber.Format(year, sequence));
        Assert.True(CustomerNumber.IsWellFormed(number));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void A_sequence_outside_six_digits_has_no_number(long sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerNumber.Format(2026, sequence));

    [Theory]
    [InlineData("c2026000123")]
    [InlineData("D2026000123")]
    [InlineData("C202600012")]
    [InlineData("C20260001234")]
    [InlineData("C2026-000123")]
    [InlineData("2026000123")]
    [InlineData(" C2026000123")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_customer_number(string? value) => Assert.False(CustomerNumber.IsWellFormed(value));

    [Fact]
    public void Each_year_has_its_own_sequence() =>
        Assert.NotEqual(CustomerNumber.SequenceName(2026), CustomerNumber.SequenceName(2027));

    [Fact]
    public void A_customer_cannot_be_created_with_a_malformed_number() =>
        Assert.Throws<ArgumentException>(() => new Customer("C26-1", CustomerKind.Person, "王伟", DateTime.UtcNow, "csagent"));

    [Fact]
    public void A_sequence_hands_out_consecutive_values_and_never_one_twice()
    {
        var sequence = new NumberSequence(CustomerNumber.SequenceName(2026));
        Assert.Equal(0, sequence.LastValue);

        Assert.Equal(1, sequence.Next());
        Assert.Equal(2, sequence.Next());
        Assert.Equal(3, sequence.Take(5));
        Assert.Equal(7, sequence.LastValue);
        Assert.Equal(8, sequence.Next());
        Assert.Equal(8, sequence.LastValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Taking_nothing_or_less_is_refused_and_changes_nothing(int count)
    {
        var sequence = new NumberSequence("Customer-2026");
        sequence.Next();
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Take(count));
        Assert.Equal(1, sequence.LastValue);
    }
}
