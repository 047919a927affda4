using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Log;

/// <summary>
/// Every bad input: the page comes back (200, never 500) with the message next to the field, the
/// rest of what was typed still in the form, and nothing saved.
/// </summary>
public class ValidationTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private async Task<(HttpClient Client, IHtmlDocument Page)> StartAsync(params string[] slugs)
    {
        var client = await factory.CreateUserClientAsync();
        return (client, await client.StartWorkoutAsync(slugs.Length == 0 ? ["ball-bridge"] : slugs));
    }

    private async Task<IHtmlDocument> SaveExpectingErrorsAsync(HttpClient client, IHtmlDocument page, Dictionary<string, string> values)
    {
        var before = await CountWorkoutsAsync();
        using var response = await client.SaveAsync(page, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await CountWorkoutsAsync());
        return await response.ToDocumentAsync();
    }

    private async Task<int> CountWorkoutsAsync()
    {
        await using var db = factory.OpenDatabase();
        return await db.Workouts.CountAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Post_with_reps_zero_and_pain_eleven_shows_both_field_errors_and_keeps_other_values()
    {
        var (client, page) = await StartAsync();

        var result = await SaveExpectingErrorsAsync(client, page, new()
        {
            ["Input.Exercises[0].Sets[0].Reps"] = "0",
            ["Input.Exercises[0].Sets[1].Reps"] = "9",
            ["Input.Exercises[0].PainDuring"] = "11",
            ["Input.Notes"] = "keep me",
        });

        Assert.Equal("Reps must be from 1 to 200.", result.FieldError("Input.Exercises[0].Sets[0].Reps"));
        Assert.Equal("Pain is a number from 0 to 10.", result.FieldError("Input.Exercises[0].PainDuring"));
        Assert.Equal("0", result.Field("Input.Exercises[0].Sets[0].Reps"));
        Assert.Equal("9", result.Field("Input.Exercises[0].Sets[1].Reps"));
        Assert.Equal("keep me", result.Field("Input.Notes"));
        Assert.Equal("ball-bridge", result.Field("Input.Exercises[0].Slug"));
    }

    [Theory]
    [InlineData("Input.Exercises[0].Sets[0].Reps", "201", "Reps must be from 1 to 200.")]
    [InlineData("Input.Exercises[0].Sets[0].Reps", "", "Enter the reps.")]
    [InlineData("Input.Exercises[0].Sets[0].HoldSeconds", "601", "Hold must be from 0 to 600 seconds.")]
    [InlineData("Input.Exercises[0].Sets[0].HoldSeconds", "-1", "Hold must be from 0 to 600 seconds.")]
    [InlineData("Input.Exercises[0].Sets[0].Load", "500.5", "Load must be from 0 to 500 kg.")]
    [InlineData("Input.Exercises[0].Sets[0].Load", "-2", "Load must be from 0 to 500 kg (1,102 lb).")]
    [InlineData("Input.Exercises[0].PainDuring", "-1", "Pain is a number from 0 to 10.")]
    [InlineData("Input.Exercises[0].PainDuring", "", "Enter the pain during this exercise, from 0 to 10.")]
    [InlineData("Input.Exercises[0].Sets[0].Reps", "abc", "'abc' is not a valid reps: enter a number in range.")]
    [InlineData("Input.Exercises[0].Sets[0].Reps", "99999999999", "'99999999999' is not a valid reps: enter a number in range.")]
    [InlineData("Input.Exercises[0].Slug", "parker-pinch", "'parker-pinch' is not an exercise in the library.")]
    [InlineData("Input.Date", "1899-12-31", "The date must be in 1900 or later.")]
    [InlineData("Input.Date", "", "Enter the date of the workout.")]
    public async Task Bad_value_shows_its_message_next_to_the_field(string field, string value, string message)
    {
        var (client, page) = await StartAsync();

        var result = await SaveExpectingErrorsAsync(client, page, new()
        {
            [field] = value,
            ["Input.Exercises[0].Note"] = "still here",
            [field == "Input.Exercises[0].PainDuring" ? "Input.Notes" : "Input.Exercises[0].PainDuring"] = field == "Input.Exercises[0].PainDuring" ? "n" : "2",
        });

        Assert.Equal(message, result.FieldError(field));
        Assert.Equal("still here", result.Field("Input.Exercises[0].Note"));
    }

    [Fact]
    public async Task Date_more_than_a_day_ahead_is_refused()
    {
        var (client, page) = await StartAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");

        var result = await SaveExpectingErrorsAsync(client, page, new() { ["Input.Date"] = future, ["Input.PainForAll"] = "1" });

        Assert.Equal("The date can be at most one day ahead.", result.FieldError("Input.Date"));
        Assert.Equal(future, result.Field("Input.Date"));
    }

    [Fact]
    public async Task Tomorrow_is_accepted()
    {
        var (client, page) = await StartAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

        using var response = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.Date"] = tomorrow, ["Input.PainForAll"] = "1" });

        response.AssertRedirect("/history/");
    }

    [Fact]
    public async Task Notes_over_two_thousand_characters_are_refused_and_kept()
    {
        var (client, page) = await StartAsync();
        var notes = new string('a', 2001);

        var result = await SaveExpectingErrorsAsync(client, page, new() { ["Input.Notes"] = notes, ["Input.PainForAll"] = "1" });

        Assert.Equal("Notes can be at most 2,000 characters.", result.FieldError("Input.Notes"));
        Assert.Equal(notes, result.Field("Input.Notes"));
    }

    [Fact]
    public async Task Empty_workout_is_refused()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.GetDocumentAsync("/log");

        var result = await SaveExpectingErrorsAsync(client, page, []);

        Assert.Equal("Add at least one exercise before saving.", result.FieldError("Input.Exercises"));
    }

    [Fact]
    public async Task Exercise_with_no_sets_is_refused()
    {
        var (client, page) = await StartAsync("seated-quad-activation");
        var form = page.Form();
        foreach (var row in form.QuerySelectorAll(".set-row").ToList()) row.Remove();

        var result = await SaveExpectingErrorsAsync(client, page, new() { ["Input.PainForAll"] = "1" });

        Assert.Equal("Log at least one set.", result.FieldError("Input.Exercises[0].Sets"));
    }

    [Fact]
    public async Task More_than_twenty_sets_is_refused()
    {
        var (client, page) = await StartAsync();
        var list = page.Form().QuerySelector(".set-list")!;
        var template = list.QuerySelector(".set-row")!;
        for (var i = 2; i <= 20; i++)
        {
            var row = (AngleSharp.Dom.IElement)template.Clone(true);
            foreach (var input in row.QuerySelectorAll<IHtmlInputElement>("input"))
                input.Name = input.Name!.Replace("Sets[0]", $"Sets[{i}]");
            list.AppendChild(row);
        }

        var result = await SaveExpectingErrorsAsync(client, page, new() { ["Input.PainForAll"] = "1" });

        Assert.Equal("At most 20 sets per exercise.", result.FieldError("Input.Exercises[0].Sets"));
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected_with_400()
    {
        var client = await factory.CreateUserClientAsync();

        using var response = await client.PostAsync("/log", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-01-01",
            ["Input.Exercises[0].Slug"] = "ball-bridge",
            ["Input.Exercises[0].PainDuring"] = "1",
            ["Input.Exercises[0].Sets[0].Reps"] = "10",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountWorkoutsAsync());
    }

    [Fact]
    public async Task Pounds_limit_is_500_kg_converted()
    {
        var client = await factory.CreateUserClientAsync();
        var preferences = await client.GetDocumentAsync("/account/preferences");
        var form = preferences.QuerySelector<IHtmlFormElement>("main form")!;
        form.QuerySelector<IHtmlInputElement>("#units-lb")!.IsChecked = true;
        using (await client.SubmitAsync(form)) { }
        var page = await client.StartWorkoutAsync("leg-press");

        var result = await SaveExpectingErrorsAsync(client, page, new() { ["Input.Exercises[0].Sets[0].Load"] = "1103", ["Input.PainForAll"] = "1" });

        Assert.Equal("Load must be from 0 to 1102 lb.", result.FieldError("Input.Exercises[0].Sets[0].Load"));
    }

    [Fact]
    public async Task A_failed_save_lists_every_message_at_the_top_each_linked_to_its_field_which_is_marked_invalid()
    {
        var (client, page) = await StartAsync("ball-bridge", "wall-squat");

        var result = await SaveExpectingErrorsAsync(client, page, new()
        {
            ["Input.Exercises[0].Sets[0].Reps"] = "0",
            ["Input.Exercises[1].PainDuring"] = "11",
            ["Input.Exercises[0].PainDuring"] = "2",
        });

        var summary = result.QuerySelector("form.workout-form .error-summary")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Equal("alert", summary.GetAttribute("role"));
        var links = summary.QuerySelectorAll("a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        foreach (var field in new[] { "Input.Exercises[0].Sets[0].Reps", "Input.Exercises[1].PainDuring" })
        {
            var input = result.Form().Elements[field]!;
            var message = result.FieldError(field);
            Assert.NotEqual("", message);
            // The summary's link leads to the field, and the field names its message for screen readers.
            Assert.Equal(message, links["#" + input.Id]);
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            var described = result.GetElementById(input.GetAttribute("aria-describedby")!.Split(' ')[^1])!;
            Assert.Equal(message, described.TextContent.Trim());
        }
        var valid = result.Form().Elements["Input.Exercises[0].PainDuring"]!;
        Assert.Null(valid.GetAttribute("aria-invalid"));
        Assert.Equal(2, links.Count);
    }

    [Fact]
    public async Task A_valid_form_has_no_error_summary_and_long_notes_are_refused_with_a_message_not_cut()
    {
        var (client, page) = await StartAsync();
        Assert.Null(page.QuerySelector(".error-summary"));
        // The browser must not cut a long note without a word: no maxlength; the server says the limit.
        Assert.Null(page.Form().Elements["Input.Notes"]!.GetAttribute("maxlength"));
        Assert.Null(page.Form().Elements["Input.Exercises[0].Note"]!.GetAttribute("maxlength"));
        var notes = new string('n', 3000);

        var result = await SaveExpectingErrorsAsync(client, page, new() { ["Input.PainForAll"] = "1", ["Input.Notes"] = notes });

        Assert.Equal("Notes can be at most 2,000 characters.", result.FieldError("Input.Notes"));
        Assert.Equal(notes, result.Field("Input.Notes"));
        Assert.Equal("Notes can be at most 2,000 characters.", result.QuerySelector(".error-summary a")!.TextContent);
    }
}
