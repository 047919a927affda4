using System.Net;
using System.Text.Json;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Tests.Pages.Today;

namespace KneeRehab.Tests.Pages.Progress;

public class ProgressTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    [Fact]
    public async Task Progress_shows_pain_and_each_exercise_as_tables_and_the_same_numbers_as_json()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("ball-bridge");
        using (var saved = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "3", ["Input.Exercises[0].Sets[1].Reps"] = "12" }))
            saved.AssertRedirect("/history/");

        var progress = await client.GetDocumentAsync("/progress");
        var painRow = progress.QuerySelector("#pain-heading")!.ParentElement!.QuerySelector("tbody tr")!;
        Assert.Equal("3", painRow.Children[1].TextContent);
        var bridge = progress.QuerySelector("#dose-ball-bridge")!.ParentElement!;
        Assert.Equal("22", bridge.QuerySelector("tbody tr")!.Children[3].TextContent);
        Assert.NotNull(bridge.QuerySelector("canvas[role=img][aria-label]"));

        using var response = await client.GetAsync("/progress?handler=Data&range=3m", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, json.RootElement.GetProperty("pain")[0].GetProperty("during").GetInt32());
        var exercise = json.RootElement.GetProperty("exercises")[0];
        Assert.Equal("ball-bridge", exercise.GetProperty("slug").GetString());
        Assert.Equal(22, exercise.GetProperty("points")[0].GetProperty("reps").GetInt32());
    }

    [Fact]
    public async Task The_range_selector_leaves_out_older_workouts()
    {
        var client = await factory.CreateUserClientAsync();
        foreach (var date in new[] { DateTime.UtcNow.AddDays(-60), DateTime.UtcNow.AddDays(-3) })
        {
            var page = await client.StartWorkoutAsync("clamshell");
            using var saved = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1", ["Input.Date"] = date.ToString("yyyy-MM-dd") });
            saved.AssertRedirect("/history/");
        }

        var month = await client.GetDocumentAsync("/progress?range=4w");
        var all = await client.GetDocumentAsync("/progress?range=all");
        var nonsense = await client.GetDocumentAsync("/progress?range=zzz");

        Assert.Single(month.QuerySelector("#pain-heading")!.ParentElement!.QuerySelectorAll("tbody tr"));
        Assert.Equal(2, all.QuerySelector("#pain-heading")!.ParentElement!.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("page", month.QuerySelector("a[href='/progress?range=4w']")!.GetAttribute("aria-current"));
        Assert.Equal("page", nonsense.QuerySelector("a[href='/progress?range=3m']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task With_a_program_progress_says_how_many_planned_workouts_were_done()
    {
        var client = await factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "inner-range-quadriceps")) started.AssertRedirect("/today");
        var enrollment = await factory.EnrollmentOfAsync(client);
        await factory.BackdateEnrollmentAsync(enrollment.Id, 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 4);

        var progress = await client.GetDocumentAsync("/progress");

        Assert.Contains("You did 2 of 3 planned workouts (67%)", progress.QuerySelector("#adherence-heading")!.ParentElement!.TextContent);
        // The engine's decision after each program workout is marked: one easy workout holds, two step up.
        var legRaise = progress.QuerySelector("#dose-straight-leg-raise")!.ParentElement!;
        Assert.Equal(["stay", "stay", "step up", "step up"], legRaise.QuerySelectorAll("td.decision-cell").Select(c => c.TextContent));
    }

    [Fact]
    public async Task Another_users_numbers_never_appear()
    {
        var owner = await factory.CreateUserClientAsync();
        var page = await owner.StartWorkoutAsync("lunge");
        using (var saved = await owner.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1" })) saved.AssertRedirect("/history/");
        var other = await factory.CreateUserClientAsync();

        using var response = await other.GetAsync("/progress?handler=Data&range=all", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(json.RootElement.GetProperty("exercises").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("pain").EnumerateArray());
    }

    [Fact]
    public async Task One_leg_exercises_compare_the_affected_knee_with_the_other_once_the_user_says_which()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("straight-leg-raise");
        using (var saved = await client.SaveAsync(page, new Dictionary<string, string>
        {
            ["Input.PainForAll"] = "1",
            ["Input.Exercises[0].Sets[0].Reps"] = "8",
            ["Input.Exercises[0].Sets[1].Reps"] = "8",
        })) saved.AssertRedirect("/history/");
        Assert.Null((await client.GetDocumentAsync("/progress")).QuerySelector(".symmetry-summary"));

        var preferences = await client.GetDocumentAsync("/account/preferences");
        var form = preferences.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#knee-left")!.IsChecked = true;
        using (var changed = await client.SubmitAsync(form)) changed.AssertRedirect("/account/preferences");

        var progress = await client.GetDocumentAsync("/progress");
        Assert.Contains("did 80% of the other leg's reps", progress.QuerySelector(".symmetry-summary")!.TextContent);
        using var response = await client.GetAsync("/progress?handler=Data", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(80, json.RootElement.GetProperty("exercises")[0].GetProperty("symmetry")[0].GetProperty("reps").GetDouble());
    }
}
