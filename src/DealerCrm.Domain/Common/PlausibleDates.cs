namespace DealerCrm.Domain.Common;

/// <summary>
/// The range of dates a fact on file can plausibly have. A date outside it (year 0001 from a
/// bad import, 9999 from a slipped key) is an error in the data, not an occasion: the rules
/// refuse it rather than compute with it, and the jobs set such a row aside.
/// </summary>
public static class PlausibleDates
{
    /// <summary>The earliest birthday: someone born in 1900 was a customer in living memory.</summary>
    public static readonly DateOnly EarliestBirthday = new(1900, 1, 1);

    /// <summary>The earliest vehicle fact (delivery, service visit, insurance, warranty): older cars are not this dealership's.</summary>
    public static readonly DateOnly EarliestVehicleDate = new(1990, 1, 1);

    /// <summary>The latest date any fact may carry (a warranty or insurance runs years ahead, not a century).</summary>
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool IsPlausibleBirthday(DateOnly day) => day >= EarliestBirthday && day <= Latest;

    public static bool IsPlausibleVehicleDate(DateOnly day) => day >= EarliestVehicleDate && day <= Latest;
}

/// <summary>A fact whose date no rule can work with (see <see cref="PlausibleDates"/>).</summary>
public sealed class ImplausibleDateException(string what, DateOnly value, DateOnly earliest, DateOnly latest)
    : Exception($"{what} {value:yyyy-MM-dd} is outside the plausible range {earliest:yyyy-MM-dd}…{latest:yyyy-MM-dd}.");
