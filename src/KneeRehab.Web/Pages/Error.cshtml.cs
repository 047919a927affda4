using System.Diagnostics;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string? RequestId { get; set; }

    public bool ShowRequestId => !string.IsNullOrEmpty(RequestId);

    /// <summary>The database could not be opened or written: a fault that passes, so 503 rather than 500.</summary>
    public bool DatabaseUnavailable { get; private set; }

    public void OnGet()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        DatabaseUnavailable = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DatabaseFaults.IsUnavailable(error);
        if (DatabaseUnavailable)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
        }
    }

    /// <summary>A form post that failed is re-executed here with its own method.</summary>
    public void OnPost() => OnGet();
}
