using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Infrastructure.Validation;

public static class FluentValidationSetup
{
    /// <summary>
    /// FluentValidation names a field in its messages by the same resource key the form's label
    /// uses (its Display attribute's Name), so "手机号码的格式不正确。" matches what the user sees.
    /// </summary>
    public static void UseLocalizedDisplayNames(IStringLocalizer localizer)
    {
        // Its built-in messages in the house style too (see HouseLanguageManager).
        ValidatorOptions.Global.LanguageManager = new HouseLanguageManager();
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member?.GetCustomAttribute<DisplayAttribute>()?.Name is { } key ? localizer[key].Value : null;
    }
}
