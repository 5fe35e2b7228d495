using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DealerCrm.Web.Infrastructure.Auth;

public static class IdentityResultExtensions
{
    /// <summary>
    /// Puts Identity's errors next to the fields they concern, all of a field's errors in one
    /// message (a field shows one message, and a weak password usually breaks several rules).
    /// </summary>
    public static void AddErrorsTo(this IdentityResult result, ModelStateDictionary modelState, Func<string, string> fieldForCode)
    {
        foreach (var field in result.Errors.GroupBy(e => fieldForCode(e.Code)))
        {
            modelState.AddModelError(field.Key, string.Join(" ", field.Select(e => e.Description)));
        }
    }

    /// <summary>Password rules go to the password field, name and e-mail clashes to theirs.</summary>
    public static string FieldFor(string code, string passwordField) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
        : code.Contains("Email", StringComparison.Ordinal) ? "Input.Email"
        : code.Contains("UserName", StringComparison.Ordinal) ? "Input.UserName"
        : string.Empty;
}
