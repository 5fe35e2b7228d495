using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>The customer file's field rules, shared by every form that takes them.</summary>
public static class CustomerRules
{
    public static IRuleBuilderOptions<T, string?> ChineseMobile<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || Domain.Customers.ChineseMobile.IsValid(Domain.Customers.ChineseMobile.Normalize(v)))
            .WithMessage(l["Customers.MobileInvalid"]);

    public static IRuleBuilderOptions<T, string?> AnyPhone<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || PhoneNumber.IsValid(PhoneNumber.Normalize(v)))
            .WithMessage(l["Customers.PhoneInvalid"]);

    /// <summary>
    /// Several phones typed into one box (<see cref="SplitPhones"/>), each a valid phone. One rule on
    /// the box itself, so its message shows next to it (a rule per phone would file its message
    /// under "OtherPhones[0]", a key no field shows).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> AnyPhones<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Must(v => SplitPhones(v).All(PhoneNumber.IsValid)).WithMessage(l["Customers.PhoneInvalid"]);

    public static IRuleBuilderOptions<T, string?> ValidVin<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Must(v => v is not null && Vin.HasValidCharacters(Vin.Normalize(v))).WithMessage(l["Vehicles.VinFormat"])
            .Must(v => Vin.IsValid(Vin.Normalize(v!))).WithMessage(l["Vehicles.VinCheckDigit"]);

    public static IRuleBuilderOptions<T, string?> ValidPlate<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || PlateNumber.IsValid(PlateNumber.Normalize(v)))
            .WithMessage(l["Vehicles.PlateInvalid"]);

    public static IRuleBuilderOptions<T, DateOnly?> NotInFuture<T>(this IRuleBuilder<T, DateOnly?> rule, Func<DateOnly> today, IStringLocalizer l) =>
        rule.Must(d => d is null || d <= today()).WithMessage(l["Common.DateInFuture"]);

    /// <summary>A vehicle fact's date within <see cref="PlausibleDates"/> (1990 to 2100): year 0001 or 9999 is a slip, not a date.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PlausibleVehicleDate<T>(this IRuleBuilder<T, DateOnly?> rule, IStringLocalizer l) =>
        rule.Must(d => d is null || PlausibleDates.IsPlausibleVehicleDate(d.Value))
            .WithMessage(l["Common.DateOutOfRange", PlausibleDates.EarliestVehicleDate.Year, PlausibleDates.Latest.Year]);

    public static IRuleBuilderOptions<T, DateOnly?> PlausibleBirthday<T>(this IRuleBuilder<T, DateOnly?> rule, Func<DateOnly> today, IStringLocalizer l) =>
        rule.NotInFuture(today, l)
            .Must(d => d is null || d.Value.Year >= today().Year - 120).WithMessage(l["Customers.BirthdayTooOld"]);

    /// <summary>Not negative and not above <see cref="Money.MaxYuan"/> (a larger amount cannot be stored).</summary>
    public static IRuleBuilderOptions<T, decimal?> NotNegative<T>(this IRuleBuilder<T, decimal?> rule, IStringLocalizer l) =>
        rule.Must(v => v is null or >= 0).WithMessage(l["Common.AmountNegative"])
            .Must(v => v is null or <= Money.MaxYuan)
            .WithMessage(l["Common.AmountTooLarge", Money.MaxYuan.ToString("#,##0.00", CultureInfo.InvariantCulture)]);

    /// <summary>Other phones typed into one box, separated by commas, 、, semicolons or spaces.</summary>
    public static IReadOnlyList<string> SplitPhones(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(PhoneNumber.Normalize)
            .ToList();
}
