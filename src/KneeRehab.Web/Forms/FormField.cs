using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KneeRehab.Web.Forms;

/// <summary>
/// One field of a long repeated form, rendered by hand instead of with <c>asp-for</c>: a workout form has hundreds of
/// inputs, and <c>asp-for</c> inside loops evaluates an expression per input. The markup is the same as the tag
/// helpers': name, id, the value as typed after a failed post, the message, aria-invalid and aria-describedby.
/// </summary>
public readonly record struct FormField(string Name, string Id, string? Value, string? Message)
{
    public static FormField For(ModelStateDictionary state, string name, object? value)
    {
        var id = FieldErrorIds.FieldId(name);
        if (!state.TryGetValue(name, out var entry)) return new(name, id, Format(value), null);
        var message = entry.ValidationState == ModelValidationState.Invalid ? entry.Errors.Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? "This value is not valid." : null;
        // After a failed post the field shows what was typed, even when it could not be read as a number.
        return new(name, id, entry.AttemptedValue ?? Format(value), message);
    }

    public string MessageId => FieldErrorIds.MessageId(Name);

    /// <summary>Null (so the attribute is left out) unless the field is invalid.</summary>
    public string? AriaInvalid => Message is null ? null : "true";

    public string? DescribedBy => Message is null ? null : MessageId;

    public string InputClass => Message is null ? "form-control" : "form-control input-validation-error";

    public string MessageClass => Message is null ? "text-danger field-validation-valid" : "text-danger field-validation-error";

    private static string? Format(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
}
