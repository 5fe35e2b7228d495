using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Infrastructure.Localization;

/// <summary>Enum values as localized dropdown options; labels come from "Enum.{Type}.{Value}".</summary>
public static class EnumOptions
{
    public static string Label<T>(this IStringLocalizer localizer, T value)
        where T : struct, Enum => localizer[$"Enum.{typeof(T).Name}.{value}"];

    public static IReadOnlyList<SelectListItem> For<T>(IStringLocalizer localizer, T? selected = null)
        where T : struct, Enum =>
        Enum.GetValues<T>()
            .Select(v => new SelectListItem(localizer.Label(v), v.ToString(), selected is { } s && s.Equals(v)))
            .ToList();
}
