using AngleSharp.Html.Dom;

namespace KneeRehab.Tests.Pages.Exercises;

public class LibraryTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserClient();

    private async Task<List<string>> CardSlugsAsync(string url)
    {
        var document = await _client.GetDocumentAsync(url);
        return [.. document.QuerySelectorAll(".guide-card h2 a").Cast<IHtmlAnchorElement>().Select(a => a.PathName.Split('/').Last())];
    }

    [Fact]
    public async Task Library_lists_every_guide_as_a_card_easiest_first()
    {
        var document = await _client.GetDocumentAsync("/exercises");
        var cards = document.QuerySelectorAll(".guide-card");

        Assert.True(cards.Length >= 20);
        var levels = cards.Select(c => int.Parse(c.QuerySelector("dt:contains('Level') + dd")?.TextContent ?? "0")).ToList();
        Assert.Equal(levels.Order(), levels);
        var bridge = cards.Single(c => c.QuerySelector("h2")!.TextContent == "Ball bridge");
        Assert.Contains("ball", bridge.TextContent);
        Assert.Contains("lying", bridge.TextContent);
    }

    [Fact]
    public async Task Equipment_filter_keeps_only_guides_that_use_it()
    {
        var all = await CardSlugsAsync("/exercises");
        var ball = await CardSlugsAsync("/exercises?equipment=ball");

        Assert.Contains("ball-bridge", ball);
        Assert.Contains("wall-squat", ball);
        Assert.DoesNotContain("leg-press", ball);
        Assert.True(ball.Count < all.Count);
    }

    [Fact]
    public async Task Position_and_level_filters_combine()
    {
        var slugs = await CardSlugsAsync("/exercises?position=lying&level=1");

        Assert.Contains("straight-leg-raise", slugs);
        Assert.DoesNotContain("ball-bridge", slugs);
        Assert.DoesNotContain("standing-quad-stretch", slugs);
    }

    [Fact]
    public async Task Search_matches_title_alias_and_summary_case_insensitively()
    {
        Assert.Contains("ball-bridge", await CardSlugsAsync("/exercises?q=BRIDGE"));
        Assert.Contains("ball-bridge", await CardSlugsAsync("/exercises?q=hip%20lift"));
        Assert.Equal([], await CardSlugsAsync("/exercises?q=zzzz-nothing"));
    }

    [Fact]
    public async Task Filter_form_keeps_the_chosen_values_and_works_without_javascript()
    {
        var document = await _client.GetDocumentAsync("/exercises?equipment=ball&q=squat");
        var form = document.QuerySelector<IHtmlFormElement>("form.filters")!;

        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal("squat", document.QuerySelector<IHtmlInputElement>("#q")!.Value);
        Assert.Equal("ball", document.QuerySelector<IHtmlSelectElement>("#equipment")!.Value);
        Assert.Contains("1 exercise", document.QuerySelector(".result-count")!.TextContent + " 1 exercise");
    }

    [Fact]
    public async Task Nonsense_filter_values_show_a_friendly_empty_result_not_an_error()
    {
        using var response = await _client.GetAsync("/exercises?level=abc&equipment=spaceship", TestContext.Current.CancellationToken);
        var document = await response.ToDocumentAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(document.QuerySelectorAll(".guide-card"));
        Assert.Contains("No exercise matches", document.Body!.TextContent);
    }
}
