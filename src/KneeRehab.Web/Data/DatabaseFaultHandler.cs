using Microsoft.AspNetCore.Diagnostics;

namespace KneeRehab.Web.Data;

/// <summary>
/// A request that failed because the database cannot be reached (<see cref="DatabaseFaults"/>) gets a plain 503 page
/// that says so, written here rather than by running the pipeline again for /error: that second run would need the
/// database too (a sign-in cookie can be checked against it), fail the same way, and leave an empty 500.
/// Other exceptions go on to /error. Pages that keep a form (the workout form) handle their own saves first.
/// </summary>
public sealed class DatabaseFaultHandler : IExceptionHandler
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Your information cannot be reached just now - KneeRehab</title>
        <link rel="stylesheet" href="/lib/bootstrap/dist/css/bootstrap.min.css">
        <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
        <main id="main" class="container py-3">
        <h1>Your information cannot be reached just now</h1>
        <p>Sorry, KneeRehab cannot reach its database at the moment, so this page could not be shown.</p>
        <p>If you were saving something, it may not have been stored. Please try again in a minute, and check that it is there before you enter it again.</p>
        <p><a href="/">Back to the home page</a></p>
        </main>
        </body>
        </html>
        """;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFaults.IsUnavailable(exception)) return false;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "60";
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page, cancellationToken);
        return true;
    }
}
