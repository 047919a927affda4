using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;

namespace KneeRehab.Web.Data;

/// <summary>
/// A request that failed because the database cannot be reached (<see cref="DatabaseFaults"/>) gets a plain 503 page
/// that says so, written here rather than by running the pipeline again for /error: that second run would need the
/// database too (a sign-in cookie can be checked against it), fail the same way, and leave an empty 500.
/// A form that was being sent comes back in the page, ready to be sent again. Other exceptions go on to /error.
/// The workout form handles a save that fails on its own first (the form shown again with its message) when the
/// rest of the page can still be read.
/// </summary>
public sealed class DatabaseFaultHandler : IExceptionHandler
{
    private const string Head = """
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

        """;

    private const string NothingTyped = """
        <p>If you were saving something, it may not have been stored. Please try again in a minute, and check that it is there before you enter it again.</p>

        """;

    private const string Tail = """
        <p><a href="/">Back to the home page</a></p>
        </main>
        </body>
        </html>
        """;

    /// <summary>Fields never written back into a page, even to the person who typed them: such a form (log-in, registration) is typed again.</summary>
    private static bool IsSecret(string field) => field.Contains("password", StringComparison.OrdinalIgnoreCase);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFaults.IsUnavailable(exception)) return false;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "60";
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        var request = httpContext.Request;
        var form = HttpMethods.IsPost(request.Method) && request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        // By now the request's path is the error page's; the feature keeps the one the form was sent to.
        var sentTo = request.PathBase + (httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? request.Path) + request.QueryString;
        await response.WriteAsync(Head + (form is { Count: > 0 } && !form.Keys.Any(IsSecret) ? SendAgain(sentTo, form) : NothingTyped) + Tail, cancellationToken);
        return true;
    }

    /// <summary>
    /// What was posted, kept in this page as it was typed, to be sent again with one button once the database is back:
    /// nothing is lost, even without JavaScript. The form's antiforgery token comes back with it; a workout carries its
    /// idempotency key, so one that was stored after all is not stored twice.
    /// </summary>
    private static string SendAgain(string sentTo, IFormCollection form)
    {
        var html = HtmlEncoder.Default;
        var text = new StringBuilder("""
            <p>What you entered was <strong>not saved</strong>, and it is kept on this page. Wait a minute, then press "Send again".</p>

            """);
        text.Append("<form method=\"post\" action=\"").Append(html.Encode(sentTo)).Append("\">\n");
        foreach (var (name, values) in form)
        {
            foreach (var value in values)
                text.Append("<input type=\"hidden\" name=\"").Append(html.Encode(name)).Append("\" value=\"").Append(html.Encode(value ?? "")).Append("\">\n");
        }
        text.Append("<button type=\"submit\" class=\"btn btn-primary btn-lg mb-3\">Send again</button>\n</form>\n");
        return text.ToString();
    }
}
