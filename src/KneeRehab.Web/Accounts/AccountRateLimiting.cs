using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeRehab.Web.Accounts;

/// <summary>The <c>RateLimiting:Accounts</c> section: log-in and registration attempts per client address.</summary>
public sealed class AccountRateLimitOptions
{
    public const string Section = "RateLimiting:Accounts";

    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

public static class AccountRateLimiting
{
    /// <summary>Form posts that guess passwords or create accounts; everything else is not limited.</summary>
    private static readonly string[] LimitedPaths =
        ["/identity/account/login", "/identity/account/register", "/identity/account/forgotpassword", "/identity/account/resendemailconfirmation"];

    public static WebApplicationBuilder AddAccountRateLimiting(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(AccountRateLimitOptions.Section).Get<AccountRateLimitOptions>() ?? new();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => WriteTooManyRequests(context, limits, cancellationToken);
        });
        return builder;
    }

    private static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && LimitedPaths.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask WriteTooManyRequests(OnRejectedContext context, AccountRateLimitOptions limits, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : limits.WindowSeconds;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        var back = WebUtility.HtmlEncode(context.HttpContext.Request.Path.Value ?? "/");
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Too many attempts · KneeRehab</title>
            <link rel="stylesheet" href="/lib/bootstrap/dist/css/bootstrap.min.css" /><link rel="stylesheet" href="/css/site.css" /></head>
            <body><header class="site-header"><div class="container site-header-inner"><a class="site-brand" href="/">KneeRehab</a></div></header>
            <main id="main" class="container py-3"><h1>Too many attempts</h1>
            <p>For your account's safety, this device has tried too often in a short time. Please wait {retryAfter} seconds, then <a href="{back}">try again</a>.</p></main>
            <footer class="site-footer"><div class="container"><p><a href="/safety">When to stop and see a clinician</a></p></div></footer></body></html>
            """, cancellationToken);
    }
}
