using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Today;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Programs;

public class ProgramPagesTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    public const string Program = "inner-range-quadriceps";

    public static Task<HttpResponseMessage> StartAsync(HttpClient client, string program, string baseline = "2", params string[] redFlags)
    {
        return StartWithAsync(client, program, baseline, confirmEnd: false, redFlags);
    }

    public static async Task<HttpResponseMessage> StartWithAsync(HttpClient client, string program, string baseline, bool confirmEnd, params string[] redFlags)
    {
        var page = await client.GetDocumentAsync($"/programs/{program}/start");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        foreach (var flag in redFlags) form.QuerySelector<IHtmlInputElement>($"#flag-{flag}")!.IsChecked = true;
        if (confirmEnd) form.QuerySelector<IHtmlInputElement>("input[name='Input.ConfirmEnd'][type=checkbox]")!.IsChecked = true;
        return await client.SubmitAsync(form, null, new Dictionary<string, string> { ["Input.BaselineMorningPain"] = baseline });
    }

    [Fact]
    public async Task Starting_asks_which_knee_is_painful_once_and_keeps_the_answer_as_the_preference()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.GetDocumentAsync($"/programs/{Program}/start");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        Assert.Equal(["Left", "Right", "Both"], form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.AffectedKnee']").Select(i => i.Value));
        Assert.DoesNotContain(form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.AffectedKnee']"), i => i.IsChecked);

        form.QuerySelector<IHtmlInputElement>("#knee-right")!.IsChecked = true;
        using (var started = await client.SubmitAsync(form, null, new Dictionary<string, string> { ["Input.BaselineMorningPain"] = "2" }))
            started.AssertRedirect("/today");

        var userId = await factory.UserIdAsync(client);
        await using (var db = factory.OpenDatabase())
            Assert.Equal(KneeRehab.Web.Data.Side.Right, await db.Users.Where(u => u.Id == userId).Select(u => u.AffectedKnee).SingleAsync(TestContext.Current.CancellationToken));
        // The next start shows the answer already chosen.
        var again = await client.GetDocumentAsync("/programs/runners-knee/start");
        Assert.True(again.QuerySelector<IHtmlInputElement>("#knee-right")!.IsChecked);
    }

    [Fact]
    public async Task Programs_page_lists_the_five_programs_and_what_return_to_running_follows()
    {
        var document = await factory.CreateBrowserClient().GetDocumentAsync("/programs");

        var titles = document.QuerySelectorAll(".guide-card h2 a").Cast<IHtmlAnchorElement>().Select(a => a.PathName).ToList();
        Assert.Equal(5, titles.Count);
        Assert.Contains("/programs/runners-knee", titles);
        Assert.Contains("/programs/early-knee-osteoarthritis", titles);
        var running = document.QuerySelectorAll(".guide-card").Single(c => c.QuerySelector("a[href='/programs/return-to-running']") is not null);
        Assert.Contains(running.QuerySelectorAll(".guide-facts div"), d => d.QuerySelector("dt")?.TextContent == "After" && d.QuerySelector("dd")?.TextContent == "Runner's knee");

        var details = await factory.CreateBrowserClient().GetDocumentAsync("/programs/return-to-running");
        var ladder = details.QuerySelectorAll("#milestones-heading ~ .milestone-ladder li").Select(li => li.TextContent).ToList();
        Assert.Equal(factory.Program("return-to-running").Meta.Milestones.Count, ladder.Count);
        Assert.Contains(ladder, rung => rung.EndsWith("(for sport goals)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Program_page_shows_every_phase_with_links_to_the_guides()
    {
        var document = await factory.CreateBrowserClient().GetDocumentAsync($"/programs/{Program}");

        Assert.Equal(3, document.QuerySelectorAll("section.phase").Length);
        Assert.Contains("Weeks 1–2", document.QuerySelector("section.phase h3")!.TextContent);
        Assert.NotNull(document.QuerySelector("section.phase a[href='/exercises/side-lying-hip-abduction']"));
        Assert.NotNull(document.QuerySelector($"a[href='/programs/{Program}/start']"));
    }

    [Fact]
    public async Task Unknown_program_is_404()
    {
        using var response = await factory.CreateBrowserClient().GetAsync("/programs/no-such-program", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Starting_asks_anonymous_users_to_log_in()
    {
        using var response = await factory.CreateBrowserClient().GetAsync($"/programs/{Program}/start", TestContext.Current.CancellationToken);

        response.AssertRedirect("http://localhost/identity/account/login");
    }

    [Fact]
    public async Task A_red_flag_stops_the_start_with_the_right_advice()
    {
        var client = await factory.CreateUserClientAsync();

        using var response = await StartAsync(client, Program, "2", "A_DVT");
        var document = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("emergency care now", document.QuerySelector(".stop-advice")!.TextContent);
        using var today = await client.GetAsync("/today", TestContext.Current.CancellationToken);
        Assert.Contains("You are not following a program", await today.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("", "Enter your usual knee pain in the morning, from 0 to 10.")]
    [InlineData("11", "Pain is a number from 0 to 10.")]
    [InlineData("x", "'x' is not a valid usual morning pain: enter a number in range.")]
    public async Task Baseline_morning_pain_is_required_from_0_to_10(string baseline, string message)
    {
        var client = await factory.CreateUserClientAsync();

        using var response = await StartAsync(client, Program, baseline);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await response.ToDocumentAsync()).QuerySelector("span[data-valmsg-for='Input.BaselineMorningPain']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Starting_another_program_needs_a_confirmation_and_ends_the_first()
    {
        var client = await factory.CreateUserClientAsync();
        using (var first = await StartAsync(client, Program)) first.AssertRedirect("/today");

        using var unconfirmed = await StartAsync(client, "runners-knee");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick this to end", await unconfirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var confirmed = await StartWithAsync(client, "runners-knee", "2", confirmEnd: true);
        confirmed.AssertRedirect("/today");

        await using var db = factory.OpenDatabase();
        var userId = await db.Enrollments.Where(e => e.ProgramSlug == "runners-knee").OrderByDescending(e => e.Id).Select(e => e.UserId).FirstAsync(TestContext.Current.CancellationToken);
        var enrollments = await db.Enrollments.Where(e => e.UserId == userId).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, enrollments.Count);
        Assert.NotNull(enrollments[0].EndedOn);
        Assert.Null(enrollments[1].EndedOn);
        Assert.Equal(2, enrollments[1].BaselineMorningPain);
    }
}
