using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KneeRehab.Web.Security;

/// <summary>
/// The <c>Security</c> section. <see cref="SecureCookies"/>: cookies are sent over HTTPS only (on by default;
/// the tests and Development run on plain HTTP and turn it off). <see cref="KnownProxies"/>: the addresses of
/// the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; nobody else's are, so a
/// client cannot pretend to come from elsewhere, and behind a TLS proxy share links are https://.
/// </summary>
public sealed class HostingSecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    public bool SecureCookies { get; set; } = true;

    public List<string> KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult($"Security:KnownProxies: '{p}' is not an IP address.", [nameof(KnownProxies)]));
}

public static class HostingSecurity
{
    public static WebApplicationBuilder AddHostingSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HostingSecurityOptions>().BindConfiguration(HostingSecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(HostingSecurityOptions.Section).Get<HostingSecurityOptions>() ?? new();
        var policy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.ConfigureApplicationCookie(cookie => cookie.Cookie.SecurePolicy = policy);
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = policy);
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(tempData => tempData.Cookie.SecurePolicy = policy);
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only the configured proxies are trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return builder;
    }

    /// <summary>Forwarded headers first, so that everything after sees the client's address and scheme; HSTS outside Development.</summary>
    public static WebApplication UseHostingSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}
