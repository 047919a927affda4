using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KneeRehab.Web.Forms;

/// <summary>The ids that tie a field, its message and the error summary's link together.</summary>
public static class FieldErrorIds
{
    /// <summary>The id the framework gives the field of a model-state key ("Input.Exercises[0].PainDuring" → "Input_Exercises_0__PainDuring").</summary>
    public static string FieldId(string field) => TagBuilder.CreateSanitizedId(field, "_");

    public static string MessageId(string field) => FieldId(field) + "-error";
}

/// <summary>
/// An invalid field says so to assistive technology: <c>aria-invalid="true"</c> and <c>aria-describedby</c> naming its
/// message, added to every <c>asp-for</c> input, select and textarea (after the framework's own tag helpers ran).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    public override int Order => 10;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = NameOf(ViewContext, For);
        if (ViewContext.ModelState.GetFieldValidationState(name) != ModelValidationState.Invalid) return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " : "";
        output.Attributes.SetAttribute("aria-describedby", described + FieldErrorIds.MessageId(name));
    }

    internal static string NameOf(ViewContext view, ModelExpression field) =>
        view.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);
}

/// <summary>Every <c>asp-validation-for</c> message gets the id its field's <c>aria-describedby</c> names.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldMessageTagHelper : TagHelper
{
    public override int Order => 10;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", FieldErrorIds.MessageId(InvalidFieldTagHelper.NameOf(ViewContext, For)));
}

/// <summary>
/// Length limits are checked by the server and said next to the field. The <c>maxlength</c> the framework derives
/// from <c>[StringLength]</c> would make the browser cut pasted text without a word, so it is left out.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class NoSilentCutTagHelper : TagHelper
{
    public override int Order => 10;

    public override void Process(TagHelperContext context, TagHelperOutput output) => output.Attributes.RemoveAll("maxlength");
}
