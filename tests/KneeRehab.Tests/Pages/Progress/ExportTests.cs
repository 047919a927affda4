using System.Net;
using CsvHelper;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;

namespace KneeRehab.Tests.Pages.Progress;

public class ExportTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private static async Task<string> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Csv_has_one_row_per_set_with_the_right_columns_and_values()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("straight-leg-raise");
        using (var saved = await client.SaveAsync(page, new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-05-04",
            ["Input.Exercises[0].Sets[1].Reps"] = "12",
            ["Input.Exercises[1].Sets[0].Load"] = "1.5",
            ["Input.Exercises[0].PainDuring"] = "2",
            ["Input.Exercises[1].PainDuring"] = "3",
            ["Input.Notes"] = "=HYPERLINK(\"http://example.test\")",
        })) saved.AssertRedirect("/history/");

        var text = await DownloadAsync(client, "/progress/export?handler=Csv");
        using var csv = CsvReader.FromText(text, new CsvReaderOptions());
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(csv.Headers.ToDictionary(h => h, h => csv.GetString(h)));

        Assert.Equal(["date", "workout", "exercise", "side", "set", "reps", "hold_seconds", "load_kg", "pain_during", "felt_right", "pain_next_morning", "exercise_note", "workout_notes"], csv.Headers);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("2026-05-04", r["date"]));
        Assert.Equal(["left", "left", "right", "right"], rows.Select(r => r["side"]));
        Assert.Equal(["10", "12", "10", "10"], rows.Select(r => r["reps"]));
        Assert.Equal("1.5", rows[2]["load_kg"]);
        Assert.Equal("", rows[0]["load_kg"]);
        Assert.Equal("3", rows[3]["pain_during"]);
        // A spreadsheet must not run a note as a formula.
        Assert.StartsWith("'=HYPERLINK", rows[0]["workout_notes"]);
    }

    [Fact]
    public async Task Csv_holds_only_the_users_own_workouts()
    {
        var owner = await factory.CreateUserClientAsync();
        var page = await owner.StartWorkoutAsync("ball-bridge");
        using (var saved = await owner.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1", ["Input.Notes"] = "owner only" })) saved.AssertRedirect("/history/");
        var other = await factory.CreateUserClientAsync();

        var text = await DownloadAsync(other, "/progress/export?handler=Csv");

        Assert.DoesNotContain("owner only", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Calendar_file_has_every_remaining_workout_day_of_the_program_and_imports()
    {
        var client = await factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee")) started.AssertRedirect("/today");

        var text = await DownloadAsync(client, "/progress/export?handler=Calendar");
        var calendar = Ical.Net.Calendar.Load(text)!;

        var days = calendar.Events.Select(e => DateOnly.FromDateTime(e.Start!.Value)).Order().ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(28, days.Count);
        Assert.Equal(today, days[0]);
        Assert.Equal(today.AddDays(54), days[^1]);
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.Equal(2, pair.Second.DayNumber - pair.First.DayNumber));
        Assert.Contains("Runner's knee", calendar.Events.First().Summary);
        Assert.Contains("Wall squat", calendar.Events.First().Description);
    }

    [Fact]
    public async Task Calendar_without_a_program_is_404_and_the_page_does_not_offer_it()
    {
        var client = await factory.CreateUserClientAsync();

        using var response = await client.GetAsync("/progress/export?handler=Calendar", TestContext.Current.CancellationToken);
        var page = await client.GetDocumentAsync("/progress/export");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(page.QuerySelector("a[href*='handler=Calendar']"));
        Assert.NotNull(page.QuerySelector("a[href*='handler=Csv']"));
    }
}
