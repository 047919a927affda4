using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KneeRehab.Web.Security;

/// <summary>
/// Ordinary bad requests get a clear 4xx, never a page rendered without its model: a method the page has no
/// handler for is 405 (with Allow), and an e-mail link whose code is not what the app sent is 400.
/// </summary>
public sealed class RequestGuardFilter : IAsyncPageFilter
{
    /// <summary>Identity's pages that decode a code from a link; a code that is not base64url is a broken link.</summary>
    private static readonly string[] LinkPages = ["/Account/ConfirmEmail", "/Account/ConfirmEmailChange", "/Account/ResetPassword"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var reExecuted = context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (context.HandlerMethod is null && !reExecuted && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var allowed = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Distinct();
            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        var executed = await next();
        if (executed.Exception is FormatException && LinkPages.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            executed.ExceptionHandled = true;
            executed.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>
/// Yes/no fields (checkboxes) accept "true" and "false" only. Anything else is a field message, and the box is
/// shown unticked: the checkbox would otherwise fail to render a value such as "yes".
/// </summary>
public sealed class BooleanFieldBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new BooleanFieldBinder() : null;

    private sealed class BooleanFieldBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None) return Task.CompletedTask;
            var first = value.FirstValue;
            if (string.IsNullOrEmpty(first) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }
            if (bool.TryParse(first, out var parsed))
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
                bindingContext.Result = ModelBindingResult.Success(parsed);
                return Task.CompletedTask;
            }
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(bool.FalseString.ToLower(CultureInfo.InvariantCulture)));
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Tick the box or leave it empty.");
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}
