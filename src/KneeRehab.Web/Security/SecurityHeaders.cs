namespace KneeRehab.Web.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// No inline script or style anywhere: everything comes from files under wwwroot, so an injected
    /// tag cannot run. Framing is refused (clickjacking).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Stylesheets, scripts, images and fonts hold no health data and are worth caching.</summary>
    private static bool IsStaticAsset(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/css", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("font/", StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Health data stays out of browser and proxy caches: every page of a signed-in user, every
            // download, and the shared report. Static files set their own caching and are left alone.
            // The service worker (wwwroot/sw.js) still keeps copies of some pages for offline use: no-store
            // governs HTTP caches, not the Cache API, and the worker deletes its copies at every log-in and log-out.
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl)
                    && !IsStaticAsset(context.Response.ContentType)
                    && (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/shared", StringComparison.OrdinalIgnoreCase)))
                    context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
