using System.Net;
using AngleSharp.Html.Dom;

namespace KneeRehab.Tests.Pages.Exercises;

public class GuideTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserClient();

    [Fact]
    public async Task Guide_page_has_every_section_a_patient_needs()
    {
        var document = await _client.GetDocumentAsync("/exercises/ball-bridge");
        var headings = document.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();

        Assert.Equal("Ball bridge", document.QuerySelector("h1")!.TextContent);
        Assert.Single(document.QuerySelectorAll("h1"));
        foreach (var section in new[] { "Starting dose", "Steps", "Cues", "Common mistakes", "When to progress", "Easier version", "Harder and easier", "Cautions", "What the evidence says", "Sources" })
            Assert.Contains(section, headings);
        Assert.NotEmpty(document.QuerySelectorAll("#steps + ol li"));
        Assert.Contains("Ball bridge · KneeRehab", document.Title);
    }

    [Fact]
    public async Task Dose_box_shows_sets_reps_hold_rest_and_frequency()
    {
        var document = await _client.GetDocumentAsync("/exercises/ball-bridge");
        var dose = document.QuerySelector(".dose-box")!.TextContent;

        Assert.Contains("2 × 10", dose);
        Assert.Contains("3 seconds", dose);
        Assert.Contains("60 seconds between sets", dose);
        Assert.Contains("3 times a week", dose);
    }

    [Fact]
    public async Task Progression_and_regression_links_lead_to_their_guides()
    {
        var document = await _client.GetDocumentAsync("/exercises/step-down");

        var next = document.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!;
        var previous = document.QuerySelector<IHtmlAnchorElement>("a[rel=prev]")!;
        Assert.Equal("/exercises/decline-step-down", next.PathName);
        Assert.Equal("/exercises/step-up", previous.PathName);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(next.PathName, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Project_addition_says_so()
    {
        var document = await _client.GetDocumentAsync("/exercises/clamshell");

        Assert.NotNull(document.QuerySelector(".project-addition"));
    }

    [Fact]
    public async Task Unknown_slug_is_a_friendly_404_with_a_link_back_to_the_library()
    {
        using var response = await _client.GetAsync("/exercises/parker-pinch", TestContext.Current.CancellationToken);
        var document = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(document.QuerySelector("main a[href='/exercises']"));
    }

    [Fact]
    public async Task Every_link_on_every_guide_and_page_resolves()
    {
        var library = await _client.GetDocumentAsync("/exercises");
        var pages = library.QuerySelectorAll(".guide-card h2 a").Cast<IHtmlAnchorElement>().Select(a => a.PathName)
            .Concat(["/", "/exercises", "/evidence", "/safety"]).ToList();
        var checkedLinks = new HashSet<string>();

        foreach (var page in pages)
        {
            var document = await _client.GetDocumentAsync(page);
            foreach (var link in document.QuerySelectorAll("a[href^='/']").Cast<IHtmlAnchorElement>())
            {
                var target = link.PathName + link.Search;
                if (!checkedLinks.Add(target)) continue;
                using var response = await _client.GetAsync(target, TestContext.Current.CancellationToken);
                // A link to a signed-in page (such as "Log this exercise") resolves to the log-in page first.
                var resolves = response.StatusCode == HttpStatusCode.OK
                    || (response.StatusCode == HttpStatusCode.Found && response.Headers.Location!.AbsolutePath == "/identity/account/login");
                Assert.True(resolves, $"{page} links to {target}: {(int)response.StatusCode}");
            }
        }
        Assert.True(checkedLinks.Count > 25);
    }
}
