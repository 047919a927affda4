using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.History;

public class HistoryTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private static async Task<string> LogAsync(HttpClient client, string slug, Dictionary<string, string> values)
    {
        var page = await client.StartWorkoutAsync(slug);
        values.TryAdd("Input.PainForAll", "1");
        using var response = await client.SaveAsync(page, values);
        response.AssertRedirect("/history/");
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Editing_a_set_changes_it_and_keeps_the_rest()
    {
        var client = await factory.CreateUserClientAsync();
        var url = await LogAsync(client, "ball-bridge", new() { ["Input.Notes"] = "first" });

        var edit = await client.GetDocumentAsync($"{url}/edit");
        Assert.Equal("10", edit.Field("Input.Exercises[0].Sets[1].Reps"));
        using var saved = await client.SaveAsync(edit, new Dictionary<string, string> { ["Input.Exercises[0].Sets[1].Reps"] = "12" });

        saved.AssertRedirect(url);
        var workout = await client.GetDocumentAsync(url);
        var cells = workout.QuerySelectorAll(".sets-table tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Equal(["10", "12"], cells);
        Assert.Equal("first", workout.QuerySelector(".workout-notes")!.TextContent);
        Assert.Contains("Workout updated.", workout.Body!.TextContent);
    }

    [Fact]
    public async Task Edit_with_a_bad_value_shows_the_error_and_changes_nothing()
    {
        var client = await factory.CreateUserClientAsync();
        var url = await LogAsync(client, "ball-bridge", []);
        var edit = await client.GetDocumentAsync($"{url}/edit");

        using var response = await client.SaveAsync(edit, new Dictionary<string, string> { ["Input.Exercises[0].Sets[0].Reps"] = "0" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Reps must be from 1 to 200.", (await response.ToDocumentAsync()).FieldError("Input.Exercises[0].Sets[0].Reps"));
        var workout = await client.GetDocumentAsync(url);
        Assert.Equal("10", workout.QuerySelector(".sets-table tbody tr")!.Children[1].TextContent);
    }

    [Fact]
    public async Task Deleting_asks_first_then_removes_the_workout()
    {
        var client = await factory.CreateUserClientAsync();
        var url = await LogAsync(client, "ball-bridge", []);

        var confirm = await client.GetDocumentAsync($"{url}/delete");
        Assert.Contains("Delete this workout?", confirm.QuerySelector("h1")!.TextContent);
        using (var stillThere = await client.GetAsync(url, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);

        using var deleted = await client.SubmitAsync(confirm.QuerySelector<IHtmlFormElement>("main form")!);
        deleted.AssertRedirect("/history");
        var history = await client.GetDocumentAsync("/history");
        Assert.Empty(history.QuerySelectorAll(".history-row"));
        Assert.Contains("was deleted", history.Body!.TextContent);
        using var gone = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Workout_page_shows_the_change_since_the_previous_time()
    {
        var client = await factory.CreateUserClientAsync();
        var first = await LogAsync(client, "ball-bridge", new() { ["Input.Date"] = "2026-01-01" });
        var second = await LogAsync(client, "ball-bridge", new() { ["Input.Date"] = "2026-01-03", ["Input.Exercises[0].Sets[0].Reps"] = "12" });
        var third = await LogAsync(client, "ball-bridge", new() { ["Input.Date"] = "2026-01-05" });

        Assert.Equal("first time", (await client.GetDocumentAsync(first)).QuerySelector(".change-since strong")!.TextContent);
        Assert.Equal("+2 reps", (await client.GetDocumentAsync(second)).QuerySelector(".change-since strong")!.TextContent);
        Assert.Equal("same", (await client.GetDocumentAsync(third)).QuerySelector(".change-since strong")!.TextContent);
    }

    [Fact]
    public async Task Next_morning_pain_can_be_added_and_the_later_value_stands()
    {
        var client = await factory.CreateUserClientAsync();
        var url = await LogAsync(client, "ball-bridge", new() { ["Input.Date"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        foreach (var pain in new[] { "4", "2" })
        {
            var page = await client.GetDocumentAsync(url);
            using var response = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.add-row")!, null,
                new Dictionary<string, string> { ["PainNextMorning"] = pain });
            response.AssertRedirect(url);
        }

        var workout = await client.GetDocumentAsync(url);
        Assert.Equal("2", workout.QuerySelector<IHtmlInputElement>("#PainNextMorning")!.Value);
        var bad = await client.GetDocumentAsync(url);
        using var refused = await client.SubmitAsync(bad.QuerySelector<IHtmlFormElement>("form.add-row")!, null, new Dictionary<string, string> { ["PainNextMorning"] = "12" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Pain is a number from 0 to 10.", (await refused.ToDocumentAsync()).FieldError("PainNextMorning"));
    }

    [Fact]
    public async Task History_pages_through_older_and_newer_twenty_at_a_time()
    {
        var client = await factory.CreateUserClientAsync();
        var first = await LogAsync(client, "ball-bridge", new() { ["Input.Date"] = "2025-06-01" });
        await using (var db = factory.OpenDatabase())
        {
            var firstId = int.Parse(first.Split('/').Last());
            var template = await db.Workouts.SingleAsync(w => w.Id == firstId, TestContext.Current.CancellationToken);
            // 44 more, two on some days so that the (Date, Id) tie-break is exercised.
            for (var i = 1; i <= 44; i++)
            {
                var date = new DateOnly(2025, 6, 1).AddDays(i / 2 + 1);
                db.Workouts.Add(new Workout
                {
                    UserId = template.UserId,
                    Date = date,
                    IdempotencyKey = Guid.NewGuid(),
                    Exercises = [new WorkoutExercise { UserId = template.UserId, Date = date, ExerciseSlug = "ball-bridge", PainDuring = 1, FormOk = true, Sets = [new LoggedSet { Number = 1, Reps = i }] }],
                });
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var seen = new List<string>();
        var page = await client.GetDocumentAsync("/history");
        var pages = 0;
        while (true)
        {
            pages++;
            var rows = page.QuerySelectorAll(".history-row a").Cast<IHtmlAnchorElement>().Select(a => a.PathName).ToList();
            Assert.True(rows.Count <= 20);
            seen.AddRange(rows);
            if (page.QuerySelector<IHtmlAnchorElement>("a[rel=next]") is not { } older) break;
            page = await client.GetDocumentAsync(older.Href);
        }

        Assert.Equal(3, pages);
        Assert.Equal(45, seen.Distinct().Count());
        Assert.Equal(5, page.QuerySelectorAll(".history-row").Length);

        var newer = await client.GetDocumentAsync(page.QuerySelector<IHtmlAnchorElement>("a[rel=prev]")!.Href);
        Assert.Equal(seen.Skip(20).Take(20), newer.QuerySelectorAll(".history-row a").Cast<IHtmlAnchorElement>().Select(a => a.PathName));
        var newest = await client.GetDocumentAsync(newer.QuerySelector<IHtmlAnchorElement>("a[rel=prev]")!.Href);
        Assert.Equal(seen.Take(20), newest.QuerySelectorAll(".history-row a").Cast<IHtmlAnchorElement>().Select(a => a.PathName));
        Assert.Null(newest.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task A_nonsense_history_cursor_shows_the_first_page()
    {
        var client = await factory.CreateUserClientAsync();

        using var response = await client.GetAsync("/history?before=yesterday&after=9999999999999", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
