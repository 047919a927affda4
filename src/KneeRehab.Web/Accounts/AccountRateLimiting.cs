using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KneeRehab.Web.Accounts;

/// <summary>The <c>RateLimiting:Accounts</c> section: password guesses and new accounts per client address.</summary>
public sealed class AccountRateLimitOptions
{
    public const string Section = "RateLimiting:Accounts";

    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Rate limits as named policies attached to the pages they protect (not to path strings, which a trailing
/// slash or another letter case would get around). Only form posts count: reading a page is never limited.
/// </summary>
public static class AccountRateLimiting
{
    /// <summary>Log-in, registration and the e-mail forms: per client address.</summary>
    public const string AccountsPolicy = "accounts";

    /// <summary>Pages that check the current password of a signed-in user (change password, delete data): per account.</summary>
    public const string PasswordCheckPolicy = "password-checks";

    /// <summary>Invitations between a physiotherapist and a patient (Clinic/): per account.</summary>
    public const string ClinicPolicy = "clinic";

    private static readonly string[] AccountPages = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation", "/Account/ResetPassword", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    private static readonly string[] PasswordCheckPages = ["/Account/Manage/ChangePassword", "/Account/Manage/DeletePersonalData", "/Account/Manage/SetPassword", "/Account/Manage/Email"];

    public static WebApplicationBuilder AddAccountRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountRateLimitOptions>().BindConfiguration(AccountRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(AccountsPolicy, context => PostsOnly(context, $"address:{context.Connection.RemoteIpAddress}"));
            options.AddPolicy(PasswordCheckPolicy, context => PostsOnly(context, $"account:{context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.Connection.RemoteIpAddress?.ToString()}"));
            options.AddPolicy(ClinicPolicy, context => PostsOnly(context, $"clinic:{context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.Connection.RemoteIpAddress?.ToString()}"));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
                WriteTooManyRequests(context, context.HttpContext.RequestServices.GetRequiredService<IOptions<AccountRateLimitOptions>>().Value, cancellationToken);
        });
        builder.Services.Configure<RazorPagesOptions>(options =>
        {
            foreach (var page in AccountPages)
                options.Conventions.AddAreaPageApplicationModelConvention("Identity", page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AccountsPolicy)));
            foreach (var page in PasswordCheckPages)
                options.Conventions.AddAreaPageApplicationModelConvention("Identity", page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(PasswordCheckPolicy)));
        });
        return builder;
    }

    private static RateLimitPartition<string> PostsOnly(HttpContext context, string key)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) return RateLimitPartition.GetNoLimiter("reads");
        var limits = context.RequestServices.GetRequiredService<IOptions<AccountRateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
        });
    }

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
