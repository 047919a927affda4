using System.Net;

namespace KneeRehab.Tests.Pages;

public class ContentPageTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserClient();

    [Theory]
    [InlineData("/evidence")]
    [InlineData("/safety")]
    public async Task Content_pages_render_from_markdown_with_one_h1(string url)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        var document = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.NotEmpty(document.QuerySelectorAll("main h2"));
    }

    [Fact]
    public async Task Safety_page_tells_when_to_get_emergency_care()
    {
        var document = await _client.GetDocumentAsync("/safety");

        Assert.Contains("calf", document.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cannot diagnose", document.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_page_is_404()
    {
        using var response = await _client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises/wall-squat")]
    [InlineData("/safety")]
    [InlineData("/not-a-page")]
    public async Task Every_page_has_a_title_one_h1_landmarks_and_a_viewport(string url)
    {
        var document = await _client.GetDocumentAsync(url);

        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Single(document.QuerySelectorAll("main"));
        Assert.NotNull(document.QuerySelector("header nav[aria-label]"));
        Assert.NotNull(document.QuerySelector("footer"));
        Assert.Contains("width=device-width", document.QuerySelector("meta[name=viewport]")!.GetAttribute("content"));
        Assert.All(document.QuerySelectorAll("img"), img => Assert.True(img.HasAttribute("alt")));
    }
}
