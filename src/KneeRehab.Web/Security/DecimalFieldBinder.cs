using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KneeRehab.Web.Security;

/// <summary>
/// Decimal fields (loads) take a point or a comma as the decimal mark, whatever the server's language: "12,5"
/// is 12.5 kg, never 125. Thousands separators, NaN and Infinity are refused with a message.
/// </summary>
public sealed class DecimalFieldBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(double) ? new DecimalFieldBinder() : null;

    public static bool TryParse(string text, out double value)
    {
        var trimmed = text.Trim();
        // One comma and no point is a decimal comma; anything with both, or several of either, is ambiguous.
        if (trimmed.Count(c => c == ',') == 1 && !trimmed.Contains('.', StringComparison.Ordinal)) trimmed = trimmed.Replace(',', '.');
        return double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private sealed class DecimalFieldBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None) return Task.CompletedTask;
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            var text = value.FirstValue;
            if (string.IsNullOrWhiteSpace(text))
            {
                if (bindingContext.ModelMetadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
                else bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Enter a number here.");
                return Task.CompletedTask;
            }
            if (TryParse(text, out var parsed))
            {
                bindingContext.Result = ModelBindingResult.Success(parsed);
                return Task.CompletedTask;
            }
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"'{text}' is not a number: write it like 12.5 or 12,5.");
            return Task.CompletedTask;
        }
    }
}
