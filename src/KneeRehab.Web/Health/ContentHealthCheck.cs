using KneeRehab.Web.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeRehab.Web.Health;

/// <summary>Healthy when the exercise guides are loaded; reports how many.</summary>
public sealed class ContentHealthCheck(ContentLibrary content) : IHealthCheck
{
    public const string Name = "content";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var guides = content.Current.Guides.Count;
        var data = new Dictionary<string, object> { ["guides"] = guides };
        return Task.FromResult(guides > 0 ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy("no guides loaded", data: data));
    }
}
