using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KneeRehab.Web.Forms;

/// <summary>
/// <c>&lt;error-summary /&gt;</c>: after a failed post, every message of the form at the top, each a link to its
/// field (the GOV.UK error summary). wwwroot/js/errors.js moves the focus to it, so a patient at the bottom of a
/// long form is taken to the problem rather than left at a page that looks unchanged. Renders nothing when valid.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ModelState
            .Where(entry => entry.Value is { ValidationState: ModelValidationState.Invalid })
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Field: entry.Key, Message: Message(error))))
            .Where(e => e.Message.Length > 0)
            .DistinctBy(e => (e.Field, e.Message))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        var html = output.Content;
        html.AppendHtml("<h2 id=\"error-summary-title\">There is a problem</h2><ul>");
        foreach (var (field, message) in errors)
        {
            var text = HtmlEncoder.Default.Encode(message);
            if (field.Length == 0)
            {
                html.AppendHtml($"<li>{text}</li>");
                continue;
            }
            var id = FieldErrorIds.FieldId(field);
            html.AppendHtml($"<li><a href=\"#{HtmlEncoder.Default.Encode(id)}\" data-error-for=\"{HtmlEncoder.Default.Encode(id)}\">{text}</a></li>");
        }
        html.AppendHtml("</ul>");
    }

    private static string Message(ModelError error) =>
        error.ErrorMessage.Length > 0 ? error.ErrorMessage : error.Exception is null ? "" : "This value is not valid.";
}
