using System.Net;
using Microsoft.AspNetCore.Hosting;

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
    public async Task Safety_page_states_the_rules_with_the_engine_default_thresholds()
    {
        var text = (await _client.GetDocumentAsync("/safety")).QuerySelector("main")!.TextContent;

        Assert.Contains("pain up to 3 out of 10 is the green zone. 4 to 5 out of 10 is acceptable", text);
        Assert.Contains("Above 5 out of 10 is too much", text);
        Assert.Contains("At 8 out of 10 or more, it goes two steps easier, with a rest day first", text);
        Assert.Contains("3 points or more above it: that exercise goes one step easier", text);
        Assert.Contains("7 out of 10 or more during an exercise in 2 of your last 3 workouts", text);
        Assert.Contains("one step up after 2 workouts in a row", text);
        Assert.Contains("not done for more than 14 days", text);
        Assert.DoesNotContain("{{", text);
    }

    private sealed class ConfiguredProgressionFactory : KneeRehabFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Progression:StopPain", "9");
            builder.UseSetting("Progression:GapDays", "21");
        }
    }

    [Fact]
    public async Task Safety_page_states_the_thresholds_the_app_is_configured_with()
    {
        using var configured = new ConfiguredProgressionFactory();
        var text = (await configured.CreateBrowserClient().GetDocumentAsync("/safety")).QuerySelector("main")!.TextContent;

        Assert.Contains("9 out of 10 or more during an exercise in 2 of your last 3 workouts", text);
        Assert.Contains("not done for more than 21 days", text);
        Assert.DoesNotContain("7 out of 10", text);
        Assert.DoesNotContain("14 days", text);
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
