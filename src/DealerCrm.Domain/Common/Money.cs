using System.Globalization;

namespace DealerCrm.Domain.Common;

/// <summary>
/// An amount in yuan held as integer fen (分), so both database providers sum and compare it
/// exactly (SQLite cannot sum decimal in SQL).
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static Money Zero { get; } = new(0);

    /// <summary>
    /// The largest amount a form or an import accepts: ten figures of fen, the precision of a
    /// decimal(12,2) column, far above any car or repair bill and safe to sum.
    /// </summary>
    public const decimal MaxYuan = 99_999_999.99m;

    public static Money FromYuan(decimal yuan) =>
        new(checked((long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero)));

    public decimal Yuan => Fen / 100m;

    public bool IsNegative => Fen < 0;

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static Money operator *(Money a, int times) => new(checked(a.Fen * times));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(int times) => this * times;

    /// <summary>Yuan with two decimals and thousands separators, e.g. "¥128,800.00".</summary>
    public override string ToString() => "¥" + Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
