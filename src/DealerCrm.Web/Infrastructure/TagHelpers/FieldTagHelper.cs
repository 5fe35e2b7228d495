using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DealerCrm.Web.Infrastructure.TagHelpers;

/// <summary>
/// One form field the Bootstrap way: label, input (text, date, number, tel, select or textarea),
/// an optional hint, and the field's validation message; the input is marked invalid when its
/// message shows. &lt;field for="Input.Name" /&gt;, &lt;field for="Input.Gender" items="..." /&gt;.
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>text (default), date, datetime-local, number, tel, email, password, textarea.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The first, empty option of a select (e.g. "请选择").</summary>
    [HtmlAttributeName("empty")]
    public string? Empty { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("placeholder")]
    public string? Placeholder { get; set; }

    /// <summary>Classes of the wrapping div (a grid column); "mb-3" by default.</summary>
    [HtmlAttributeName("class")]
    public string? WrapperClass { get; set; }

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 3;

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? AutoComplete { get; set; }

    [HtmlAttributeName("maxlength")]
    public int? MaxLength { get; set; }

    [HtmlAttributeName("step")]
    public string? Step { get; set; }

    [HtmlAttributeName("testid")]
    public string? TestId { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var invalid = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", WrapperClass ?? "mb-3");

        output.Content.AppendHtml(generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, null, new { @class = "form-label" }));
        var input = Input(invalid);
        if (Hint is not null)
        {
            var hintId = fullName.Replace('.', '_') + "_hint";
            input.Attributes["aria-describedby"] = hintId;
            output.Content.AppendHtml(input);
            var hint = new TagBuilder("div");
            hint.AddCssClass("form-text");
            hint.Attributes["id"] = hintId;
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
        }
        else
        {
            output.Content.AppendHtml(input);
        }

        var message = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, For.Name, null, "div", new { @class = "invalid-feedback d-block" });
        if (message is not null)
        {
            output.Content.AppendHtml(message);
        }
    }

    private TagBuilder Input(bool invalid)
    {
        var css = Items is not null ? "form-select" : "form-control";
        TagBuilder input;
        if (Items is not null)
        {
            input = generator.GenerateSelect(ViewContext, For.ModelExplorer, Empty, For.Name, Items, allowMultiple: false, htmlAttributes: null);
        }
        else if (Type == "textarea")
        {
            input = generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, 0, null);
        }
        else if (Type == "password")
        {
            input = generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, null);
        }
        else
        {
            input = generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, Format(), null);
            input.Attributes["type"] = Type;
        }

        input.AddCssClass(css);
        if (invalid)
        {
            input.AddCssClass("is-invalid");
        }

        Set(input, "placeholder", Placeholder);
        Set(input, "inputmode", InputMode);
        Set(input, "autocomplete", AutoComplete);
        Set(input, "maxlength", MaxLength?.ToString(CultureInfo.InvariantCulture));
        Set(input, "step", Step);
        Set(input, "data-testid", TestId);
        return input;
    }

    private string? Format() => Type switch
    {
        "date" => "{0:yyyy-MM-dd}",
        "datetime-local" => "{0:yyyy-MM-ddTHH:mm}",
        "number" => "{0:0.##}",
        _ => null,
    };

    private static void Set(TagBuilder tag, string name, string? value)
    {
        if (value is not null)
        {
            tag.Attributes[name] = value;
        }
    }
}
