using KneeRehab.Web.Content;
using KneeRehab.Web.Data;

namespace KneeRehab.Web.Health;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /healthz</c>: 200 when the content is loaded and the database answers, 503 otherwise,
    /// with a small JSON body saying which part failed.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (ContentLibrary content, KneeRehabDbContext db, CancellationToken cancellationToken) =>
        {
            var guides = content.Current.Guides.Count;
            var database = await db.Database.CanConnectAsync(cancellationToken);
            var healthy = guides > 0 && database;
            return Results.Json(
                new { status = healthy ? "ok" : "unhealthy", guides, database = database ? "ok" : "unreachable" },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
