using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Infrastructure.Validation;

/// <summary>
/// Posted input that no field can take, turned into a message on the form instead of a failure
/// or a silent save: a NUL or other control character in a text field (next to that field), and
/// a hidden version field (an edit form's optimistic-concurrency token) that is not a version
/// at all, tampered with or mangled on the way (a form-level message: the field is hidden, so
/// its own error would show nowhere). The handler then finds the model state invalid and returns
/// the page with what was typed.
/// </summary>
public sealed class FormInputFilter(IStringLocalizer<SharedResource> l) : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var modelState = context.ModelState;
        if (context.HttpContext.Items[FormNulGuard.FieldsItem] is IReadOnlyList<string> nulFields)
        {
            foreach (var key in nulFields)
            {
                modelState.AddModelError(key, l["Input.ControlCharacters"]);
            }
        }

        // Only a form that model binding has read already: reading one here would read an upload past its size check.
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method) || context.HttpContext.Features.Get<IFormFeature>() is not { Form: { } form })
        {
            return;
        }

        foreach (var (key, values) in form)
        {
            if (!key.StartsWith("__", StringComparison.Ordinal) && values.Any(v => v is not null && v.Any(IsForbidden)))
            {
                modelState.AddModelError(key, l["Input.ControlCharacters"]);
            }
        }

        if (modelState.Any(e => IsVersionField(e.Key) && e.Value?.ValidationState == ModelValidationState.Invalid))
        {
            modelState.AddModelError(string.Empty, l["Input.VersionInvalid"]);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    // Tab and line breaks are text (an address over two lines); every other control character is not.
    private static bool IsForbidden(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

    private static bool IsVersionField(string key) =>
        key == "Version" || key.EndsWith(".Version", StringComparison.Ordinal) || key.EndsWith("ConcurrencyStamp", StringComparison.Ordinal);
}
