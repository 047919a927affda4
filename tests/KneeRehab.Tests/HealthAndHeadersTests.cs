using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;

namespace KneeRehab.Tests;

public class HealthAndHeadersTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserClient();

    [Fact]
    public async Task Healthz_reports_content_and_database()
    {
        using var response = await _client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("database").GetString());
        Assert.True(json.RootElement.GetProperty("guides").GetInt32() >= 20);
        using var db = factory.OpenDatabase();
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises/ball-bridge")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        foreach (var url in new[] { "/", "/exercises", "/exercises/ball-bridge", "/safety" })
        {
            var document = await _client.GetDocumentAsync(url);
            Assert.All(document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), $"inline script on {url}"));
            Assert.Empty(document.QuerySelectorAll("style"));
            Assert.Empty(document.QuerySelectorAll("[style]"));
        }
    }
}
