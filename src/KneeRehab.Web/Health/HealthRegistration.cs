using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeRehab.Web.Health;

public static class HealthRegistration
{
    /// <summary>The framework's health checks: the content is loaded, and the database can really be written.</summary>
    public static WebApplicationBuilder AddHealthz(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>(ContentHealthCheck.Name)
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name);
        return builder;
    }

    /// <summary>
    /// <c>GET /healthz</c>: 200 when every check passes, 503 otherwise, with a small JSON body naming each check and
    /// what failed, e.g. <c>{"status":"unhealthy","failed":["database"],"content":"ok","database":"cannot write:
    /// SQLite error 8: read-only","guides":21}</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJsonAsync });
        return endpoints;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status == HealthStatus.Healthy ? "ok" : "unhealthy",
            ["failed"] = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToArray(),
        };
        foreach (var (name, entry) in report.Entries)
            body[name] = entry.Status == HealthStatus.Healthy ? "ok" : entry.Description ?? entry.Status.ToString();
        body["guides"] = report.Entries.TryGetValue(ContentHealthCheck.Name, out var content) ? content.Data.GetValueOrDefault("guides") : null;
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }
}
