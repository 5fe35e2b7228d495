using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DealerCrm.Web.Infrastructure.Validation;

public static class ValidationExtensions
{
    /// <summary>
    /// Runs a FluentValidation validator explicitly and copies its failures into ModelState under
    /// the bound prefix, so each message shows next to its field and the form keeps what was typed.
    /// True when both binding and validation passed.
    /// </summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T instance, ModelStateDictionary modelState, string prefix = "Input", CancellationToken cancellationToken = default)
    {
        var result = await validator.ValidateAsync(instance, cancellationToken);
        foreach (var failure in result.Errors)
        {
            var key = string.IsNullOrEmpty(failure.PropertyName) ? prefix : $"{prefix}.{failure.PropertyName}";
            modelState.AddModelError(key, failure.ErrorMessage);
        }

        return modelState.IsValid;
    }
}
