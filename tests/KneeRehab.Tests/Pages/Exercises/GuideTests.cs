using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KneeRehab.Web.Content;
using Microsoft.Extensions.DependencyInjection;

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
        foreach (var section in new[] { "Starting dose", "Steps", "Cues", "Common mistakes", "When to progress", "Easier version", "Harder and easier", "When to stop", "What the evidence says", "Sources" })
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
    public async Task Guides_that_climb_levels_list_them_and_the_walk_run_guide_its_patterns()
    {
        var library = factory.Services.GetRequiredService<ContentLibrary>().Current;
        var walkRun = await _client.GetDocumentAsync("/exercises/walk-run-intervals");
        Assert.Equal(library.FindGuide("walk-run-intervals")!.Meta.LevelSteps, walkRun.QuerySelectorAll(".dose-box .level-steps li").Select(li => li.TextContent));
        Assert.Contains("walk-run patterns", walkRun.QuerySelector(".dose-box")!.TextContent);
        var stepUp = await _client.GetDocumentAsync("/exercises/step-up");
        Assert.Equal(["10 cm step", "15 cm step", "20 cm step"], stepUp.QuerySelectorAll(".dose-box .level-steps li").Select(li => li.TextContent));
        Assert.Empty((await _client.GetDocumentAsync("/exercises/ball-bridge")).QuerySelectorAll(".level-steps"));
    }

    [Fact]
    public async Task Header_holds_the_title_summary_dose_line_and_page_navigation_and_the_tags_come_after_the_steps()
    {
        var document = await _client.GetDocumentAsync("/exercises/ball-bridge");
        var header = document.QuerySelector(".guide > header")!;

        Assert.Equal(["H1", "P", "P", "NAV"], header.Children.Select(c => c.TagName));
        Assert.Equal("guide-summary", header.Children[1].ClassName);
        // A number stays on the line of its unit.
        Assert.Equal("Dose: 2 × 10, hold 3\u00A0s, rest 60\u00A0s, 3 times a week", header.QuerySelector(".dose-line")!.TextContent);
        Assert.Null(header.QuerySelector(".guide-tags, .aliases"));
        AssertInOrder(document.QuerySelector("#steps + ol li")!, document.QuerySelector(".guide-tags")!, document.QuerySelector(".aliases")!);
    }

    [Fact]
    public async Task Steps_and_when_to_stop_come_before_the_dose_details_the_evidence_and_the_sources()
    {
        var document = await _client.GetDocumentAsync("/exercises/wall-squat");
        var headings = document.QuerySelectorAll("article h2").Select(h => h.TextContent.Trim()).ToList();

        Assert.Equal(["Steps", "Cues", "Common mistakes", "When to stop", "Starting dose", "When to progress", "Easier version", "Harder and easier", "What the evidence says", "Sources"], headings);
        var cautions = document.QuerySelector(".cautions")!;
        Assert.Contains("Never go lower than thighs level with the floor", cautions.TextContent);
        AssertInOrder(document.QuerySelector("#steps")!, cautions, document.QuerySelector(".evidence")!, document.QuerySelector(".sources")!);
    }

    [Fact]
    public async Task Page_navigation_links_to_steps_dose_when_to_stop_and_evidence_on_the_page()
    {
        var document = await _client.GetDocumentAsync("/exercises/step-down");
        var links = document.QuerySelectorAll("nav[aria-label='On this page'] a").Cast<IHtmlAnchorElement>().ToList();

        Assert.Equal(["Steps", "Dose", "When to stop", "Evidence"], links.Select(a => a.TextContent));
        var targets = links.Select(a => document.GetElementById(a.GetAttribute("href")!.TrimStart('#'))?.TextContent).ToList();
        Assert.Equal(["Steps", "Starting dose", "When to stop", "What the evidence says"], targets);
    }

    [Fact]
    public async Task Hold_timer_is_on_every_guide_with_a_hold_for_its_hold_seconds_and_hidden_until_script_shows_it()
    {
        var guides = factory.Services.GetRequiredService<ContentLibrary>().Current.Guides;
        Assert.Contains(guides, g => g.Meta.Dose.HoldSeconds == 0);
        Assert.Contains(guides, g => g.Meta.Dose.HoldSeconds > 0);

        foreach (var guide in guides)
        {
            var document = await _client.GetDocumentAsync($"/exercises/{guide.Slug}");
            var timer = document.QuerySelector(".hold-timer");
            // Without the fingerprint the static assets carry: "/js/guide.abc123.js" is "/js/guide.js".
            var scripts = document.QuerySelectorAll("script[src]").Select(s => Regex.Replace(s.GetAttribute("src")!.Split('?')[0], @"\.\w+\.js$", ".js")).ToList();
            var hold = guide.Meta.Dose.HoldSeconds;
            if (hold == 0)
            {
                Assert.Null(timer);
                Assert.DoesNotContain("hold", document.QuerySelector(".dose-line")!.TextContent);
                Assert.DoesNotContain("/js/guide.js", scripts);
                continue;
            }
            Assert.NotNull(timer);
            Assert.Equal(hold.ToString(CultureInfo.InvariantCulture), timer.GetAttribute("data-hold-seconds"));
            Assert.True(timer.HasAttribute("hidden"), $"{guide.Slug}: the timer needs JavaScript, so it starts hidden");
            Assert.Equal($"Start {hold}-second hold", timer.QuerySelector("button.hold-start")!.TextContent);
            Assert.Equal("status", timer.QuerySelector(".hold-status")!.GetAttribute("role"));
            // The countdown first, then the guide's timer (other scripts are on every page).
            Assert.Equal(["/js/countdown.js", "/js/guide.js"], scripts.Where(src => src is "/js/countdown.js" or "/js/guide.js"));
            // Right after the steps, well before the evidence.
            AssertInOrder(document.QuerySelector("#steps + ol")!, timer, document.QuerySelector(".cautions")!, document.QuerySelector(".evidence")!);
        }
    }

    private static void AssertInOrder(params IElement[] elements)
    {
        for (var i = 1; i < elements.Length; i++)
        {
            var position = elements[i - 1].CompareDocumentPosition(elements[i]);
            Assert.True(position.HasFlag(DocumentPositions.Following), $"<{elements[i - 1].TagName} class='{elements[i - 1].ClassName}'> should come before <{elements[i].TagName} class='{elements[i].ClassName}'>");
        }
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
