using System.Text.Json;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;

namespace KneeRehab.Tests.Pages.Progress;

/// <summary>
/// A long history is drawn per week or month (its highest pain, each exercise's best session) so the page stays
/// the same size in a patient's tenth year; up to 60 workouts stay one point each.
/// </summary>
public class LongHistoryTests : IDisposable
{
    // A Wednesday: the weeks in the tables start on Mondays.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Now) };

    /// <summary>Ball bridges every <paramref name="every"/> days back from today: reps and pain follow the day number.</summary>
    private async Task<HttpClient> PatientWithBridgesAsync(int workouts, int every)
    {
        var client = await _factory.CreateUserClientAsync();
        var userId = await _factory.UserIdAsync(client);
        await using var db = _factory.OpenDatabase();
        for (var i = 0; i < workouts; i++)
        {
            var date = Today.AddDays(-i * every);
            var workout = new Workout { UserId = userId, Date = date, IdempotencyKey = Guid.NewGuid(), CreatedUtc = date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), PainNextMorning = i % 3 };
            workout.Exercises.Add(new WorkoutExercise
            {
                UserId = userId, Date = date, ExerciseSlug = "ball-bridge", Side = Side.Both, PainDuring = i % 5, FormOk = true,
                Sets = [new LoggedSet { Number = 1, Reps = 10 + i % 7 }, new LoggedSet { Number = 2, Reps = 10 }],
            });
            db.Workouts.Add(workout);
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return client;
    }

    private static IReadOnlyList<string[]> Rows(AngleSharp.Html.Dom.IHtmlDocument page, string heading) =>
        [.. page.QuerySelector(heading)!.ParentElement!.QuerySelectorAll("details:last-of-type tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray())];

    [Fact]
    public async Task Seventy_daily_workouts_in_three_months_are_shown_per_week_with_each_weeks_highest_pain_and_best_session()
    {
        var client = await PatientWithBridgesAsync(70, every: 1);

        var page = await client.GetDocumentAsync("/progress?range=3m");

        Assert.Contains("70 workouts", page.QuerySelector("#pain-heading")!.ParentElement!.TextContent);
        Assert.NotNull(page.QuerySelector(".grouping-note"));
        var pain = Rows(page, "#pain-heading");
        // 70 days back from a Wednesday: this week's 3 days, 9 whole weeks and 4 days of an eleventh week.
        Assert.Equal(11, pain.Count);
        var thisWeek = pain[^1];
        Assert.Equal("Week of 30 Nov 2026", thisWeek[0]);
        // Today (i = 0), yesterday (1) and Monday (2): pain 0, 1, 2; next mornings 0, 1, 2.
        Assert.Equal("2", thisWeek[1]);
        Assert.Equal("2", thisWeek[2]);
        var bridge = Rows(page, "#dose-ball-bridge");
        Assert.Equal(11, bridge.Count);
        // Reps: 10 + i % 7 in the first set and 10 in the second; this week's best is i = 2: 22.
        Assert.Equal("22", bridge[^1][3]);
        // A whole week holds every i % 7, so its best session is 26 reps.
        Assert.Equal("26", bridge[^2][3]);

        using var response = await client.GetAsync("/progress?handler=Data&range=3m", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("week", json.RootElement.GetProperty("grouping").GetString());
        Assert.Equal(11, json.RootElement.GetProperty("pain").GetArrayLength());
        Assert.Equal("2026-11-30", json.RootElement.GetProperty("pain")[10].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Weekly_workouts_over_more_than_sixty_weeks_are_shown_per_month_and_sixty_stay_one_point_each()
    {
        var client = await PatientWithBridgesAsync(70, every: 7);

        var all = await client.GetDocumentAsync("/progress?range=all");
        var pain = Rows(all, "#pain-heading");
        // 69 weeks (483 days) back from 2 December 2026 reach 6 August 2025: 17 months.
        Assert.Equal(17, pain.Count);
        Assert.Equal("August 2025", pain[0][0]);
        Assert.Equal("December 2026", pain[^1][0]);

        // The last 4 weeks hold 5 workouts: one point each, with their own dates.
        var month = await client.GetDocumentAsync("/progress?range=4w");
        Assert.Null(month.QuerySelector(".grouping-note"));
        Assert.Equal(["4 Nov 2026", "11 Nov 2026", "18 Nov 2026", "25 Nov 2026", "2 Dec 2026"], Rows(month, "#pain-heading").Select(r => r[0]));
    }

    // Every 60 days: 4,140 days back to July 2015, 45 quarters long (more than 60 months), 46 calendar quarters.
    // Every 100 days: 6,900 days back to 2008, 75 quarters long, so per year: 19 years.
    [Theory]
    [InlineData(60, "Q4 2026", "Q3 2015", 46)]
    [InlineData(100, "2026", "2008", 19)]
    public async Task Years_of_history_are_shown_per_quarter_or_per_year_so_a_chart_keeps_to_sixty_points(int every, string last, string first, int points)
    {
        var client = await PatientWithBridgesAsync(70, every);

        var all = await client.GetDocumentAsync("/progress?range=all");

        var pain = Rows(all, "#pain-heading");
        Assert.Equal(points, pain.Count);
        Assert.Equal(first, pain[0][0]);
        Assert.Equal(last, pain[^1][0]);
        Assert.Equal(points, Rows(all, "#dose-ball-bridge").Count);
        // A point holds the best session of its period: reps are 10 + i % 7 and 10, so no point is above 26.
        Assert.All(Rows(all, "#dose-ball-bridge"), r => Assert.InRange(int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), 20, 26));
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
