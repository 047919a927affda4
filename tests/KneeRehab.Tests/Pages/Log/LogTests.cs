using System.Net;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Log;

public class LogTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private static readonly Dictionary<string, string> PainAllZero = new() { ["Input.PainForAll"] = "1" };

    [Fact]
    public async Task Anonymous_user_is_sent_to_log_in()
    {
        using var response = await factory.CreateBrowserClient().GetAsync("/log", TestContext.Current.CancellationToken);

        response.AssertRedirect("http://localhost/identity/account/login?returnurl=%2flog");
    }

    [Fact]
    public async Task Logging_leg_raises_per_side_and_bridges_shows_them_in_history()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("straight-leg-raise", "ball-bridge");

        // A one-leg exercise comes in as a left and a right entry; each starts at the guide's dose.
        Assert.Equal("Left", page.Field("Input.Exercises[0].Side"));
        Assert.Equal("Right", page.Field("Input.Exercises[1].Side"));
        Assert.Equal("ball-bridge", page.Field("Input.Exercises[2].Slug"));
        Assert.Equal("10", page.Field("Input.Exercises[2].Sets[1].Reps"));
        Assert.Null(page.Field("Input.Exercises[2].Sets[2].Reps"));

        using var saved = await client.SaveAsync(page, new Dictionary<string, string>
        {
            ["Input.Exercises[0].PainDuring"] = "2",
            ["Input.Exercises[1].PainDuring"] = "3",
            ["Input.Exercises[2].PainDuring"] = "1",
            ["Input.Notes"] = "Felt good",
        });
        saved.AssertRedirect("/history/");

        var workout = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("3 exercises · 6 sets · 60 reps", workout.QuerySelector(".workout-summary")!.TextContent);
        Assert.Equal(3, workout.QuerySelectorAll(".workout-entry").Length);
        Assert.Contains("Workout saved.", workout.Body!.TextContent);

        var history = await client.GetDocumentAsync("/history");
        var row = Assert.Single(history.QuerySelectorAll(".history-row"));
        Assert.Contains("Straight leg raise, Ball bridge", row.TextContent);
    }

    [Fact]
    public async Task The_next_workout_is_prefilled_with_what_was_done_last_time_on_that_side()
    {
        var client = await factory.CreateUserClientAsync();
        var first = await client.StartWorkoutAsync("straight-leg-raise");
        using var saved = await client.SaveAsync(first, new Dictionary<string, string>
        {
            ["Input.Exercises[0].Sets[0].Reps"] = "12",
            ["Input.Exercises[0].Sets[1].Reps"] = "11",
            ["Input.Exercises[1].Sets[0].Reps"] = "8",
            ["Input.Exercises[1].Sets[0].Load"] = "1.5",
            ["Input.PainForAll"] = "2",
        });
        saved.AssertRedirect("/history/");

        var next = await client.StartWorkoutAsync("straight-leg-raise");

        Assert.Equal("12", next.Field("Input.Exercises[0].Sets[0].Reps"));
        Assert.Equal("11", next.Field("Input.Exercises[0].Sets[1].Reps"));
        Assert.Equal("8", next.Field("Input.Exercises[1].Sets[0].Reps"));
        Assert.Equal("1.5", next.Field("Input.Exercises[1].Sets[0].Load"));
        Assert.Equal("", next.Field("Input.Exercises[0].PainDuring"));
    }

    [Fact]
    public async Task Set_buttons_work_without_javascript_and_keep_what_was_typed()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("ball-bridge");

        page = await client.PressAsync(page, "Copy last set", new Dictionary<string, string>
        {
            ["Input.Exercises[0].Sets[1].Reps"] = "9",
            ["Input.Exercises[0].PainDuring"] = "4",
            ["Input.Notes"] = "kept",
        });
        Assert.Equal("9", page.Field("Input.Exercises[0].Sets[2].Reps"));
        Assert.Equal("4", page.Field("Input.Exercises[0].PainDuring"));
        Assert.Equal("kept", page.Field("Input.Notes"));

        page = await client.PressAsync(page, "Add set");
        Assert.Equal("", page.Field("Input.Exercises[0].Sets[3].Reps"));
        Assert.Equal("3", page.Field("Input.Exercises[0].Sets[3].HoldSeconds"));

        var removeFirst = page.Form().QuerySelector<AngleSharp.Html.Dom.IHtmlButtonElement>("button[aria-label='Remove set 1']")!;
        using var removed = await client.SubmitAsync(page.Form(), removeFirst);
        page = await removed.ToDocumentAsync();
        Assert.Equal("9", page.Field("Input.Exercises[0].Sets[0].Reps"));
        Assert.Null(page.Field("Input.Exercises[0].Sets[3].Reps"));
    }

    [Fact]
    public async Task Apply_to_all_sets_the_same_pain_on_every_exercise()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("ball-bridge", "wall-squat");

        page = await client.PressAsync(page, "Apply to all", new Dictionary<string, string> { ["Input.PainForAll"] = "3" });

        Assert.Equal("3", page.Field("Input.Exercises[0].PainDuring"));
        Assert.Equal("3", page.Field("Input.Exercises[1].PainDuring"));
        // Applied, the box is empty again: it cannot hold up the save later.
        Assert.Equal("", page.Field("Input.PainForAll"));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("")]
    [InlineData("lots")]
    public async Task Apply_to_all_with_a_bad_value_says_why_next_to_the_box_and_changes_nothing(string typed)
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("ball-bridge", "wall-squat");

        page = await client.PressAsync(page, "Apply to all", new Dictionary<string, string>
        {
            ["Input.PainForAll"] = typed,
            ["Input.Exercises[0].PainDuring"] = "2",
            ["Input.Notes"] = "kept as typed",
        });

        Assert.Equal("Enter a pain from 0 to 10 to apply it to every exercise.", page.FieldError("Input.PainForAll"));
        Assert.Equal("2", page.Field("Input.Exercises[0].PainDuring"));
        Assert.Equal("", page.Field("Input.Exercises[1].PainDuring"));
        Assert.Equal("kept as typed", page.Field("Input.Notes"));
        Assert.Equal("true", page.Form().Elements["Input.PainForAll"]!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Saved_list_adds_all_its_exercises_in_one_tap()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("ball-bridge", "clamshell");
        page = await client.PressAsync(page, "Save list", new Dictionary<string, string> { ["NewListName"] = "Morning" });

        var fresh = await client.GetDocumentAsync("/log");
        fresh = await client.PressAsync(fresh, "Morning (2)");

        Assert.Equal("ball-bridge", fresh.Field("Input.Exercises[0].Slug"));
        Assert.Equal("clamshell", fresh.Field("Input.Exercises[1].Slug"));
        Assert.Equal("clamshell", fresh.Field("Input.Exercises[2].Slug"));
    }

    [Fact]
    public async Task Posting_the_same_form_twice_saves_one_workout()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("ball-bridge");

        using var first = await client.SaveAsync(page, PainAllZero);
        using var second = await client.SaveAsync(page, PainAllZero);

        first.AssertRedirect("/history/");
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var key = Guid.Parse(page.Field("Input.IdempotencyKey")!);
        await using var db = factory.OpenDatabase();
        Assert.Equal(1, await db.Workouts.CountAsync(w => w.IdempotencyKey == key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Notes_with_markup_are_shown_as_text()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("ball-bridge");
        using var saved = await client.SaveAsync(page, new Dictionary<string, string>
        {
            ["Input.PainForAll"] = "0",
            ["Input.Notes"] = "<script>alert('x')</script>",
            ["Input.Exercises[0].Note"] = "<b>bold</b>",
        });

        using var response = await client.GetAsync(saved.Headers.Location, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>bold</b>", html);
    }

    [Fact]
    public async Task Loads_are_typed_and_shown_in_pounds_and_stored_in_kilograms()
    {
        var client = await factory.CreateUserClientAsync();
        using (var units = await client.SubmitFormAsync("/account/preferences", new Dictionary<string, string>(), formSelector: "main form"))
        {
            Assert.Equal(HttpStatusCode.Found, units.StatusCode);
        }
        var preferences = await client.GetDocumentAsync("/account/preferences");
        var form = preferences.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#units-lb")!.IsChecked = true;
        using (var changed = await client.SubmitAsync(form)) changed.AssertRedirect("/account/preferences");

        var page = await client.StartWorkoutAsync("leg-press");
        using var saved = await client.SaveAsync(page, new Dictionary<string, string>
        {
            ["Input.PainForAll"] = "0",
            ["Input.Exercises[0].Sets[0].Load"] = "100",
        });
        saved.AssertRedirect("/history/");

        await using var db = factory.OpenDatabase();
        var workoutId = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        var load = await db.WorkoutExercises.Where(e => e.WorkoutId == workoutId).SelectMany(e => e.Sets).Where(s => s.LoadKg != null)
            .Select(s => s.LoadKg).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(45.36, load!.Value, 2);
        var workout = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("100 lb", workout.QuerySelector(".sets-table")!.TextContent);
    }
}
