using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KneeRehab.Tests.Data;

/// <summary>
/// The weekly and monthly summaries progress draws a long history from always say what the workouts themselves
/// say: after logging, editing (a set, the date), the next morning's pain and deleting through the pages, and
/// after the migration that made them from a database that had none. The expected figures are worked out here
/// from the workouts, independently of the app's code.
/// </summary>
public class ProgressSummaryTests : IDisposable
{
    // A Wednesday.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Now) };

    private static DateOnly Start(SummaryPeriod period, DateOnly date) => period == SummaryPeriod.Month
        ? new DateOnly(date.Year, date.Month, 1)
        : date.AddDays(date.DayOfWeek == DayOfWeek.Sunday ? -6 : DayOfWeek.Monday - date.DayOfWeek);

    /// <summary>Every summary row as text, stored and as the workouts give it.</summary>
    private static async Task<(string[] Stored, string[] Expected)> SummariesAsync(KneeRehabDbContext db, string userId)
    {
        var entries = await db.WorkoutExercises.AsNoTracking().Where(e => e.UserId == userId)
            .Select(e => new { e.Date, e.ExerciseSlug, e.Side, e.Level, e.PainDuring, Sets = e.Sets.Select(s => new { s.Reps, s.HoldSeconds, s.LoadKg }).ToList() })
            .ToListAsync();
        var workouts = await db.Workouts.AsNoTracking().Where(w => w.UserId == userId).Select(w => new { w.Date, w.PainNextMorning }).ToListAsync();
        var expected = new List<string>();
        foreach (var period in new[] { SummaryPeriod.Week, SummaryPeriod.Month })
        {
            expected.AddRange(entries.GroupBy(e => (Start: Start(period, e.Date), e.ExerciseSlug, e.Side)).Select(g =>
                $"{period} {g.Key.Start} {g.Key.ExerciseSlug} {g.Key.Side}: sets {g.Max(e => e.Sets.Count)}, reps {g.Max(e => e.Sets.Sum(s => s.Reps))}, "
                + $"hold {g.Max(e => e.Sets.Max(s => s.HoldSeconds) ?? 0)}, load {g.Max(e => e.Sets.Max(s => s.LoadKg) ?? 0)}, level {g.Max(e => e.Level)}"));
            expected.AddRange(workouts.GroupBy(w => Start(period, w.Date)).Select(g =>
                $"{period} {g.Key} pain {entries.Where(e => Start(period, e.Date) == g.Key).Max(e => e.PainDuring) ?? 0}, next morning {g.Max(w => w.PainNextMorning)}"));
        }
        var stored = (await db.ExerciseSummaries.AsNoTracking().Where(s => s.UserId == userId).ToListAsync())
            .Select(s => $"{s.Period} {s.Start} {s.ExerciseSlug} {s.Side}: sets {s.BestSets}, reps {s.BestReps}, hold {s.BestHold}, load {s.BestLoadKg}, level {s.HighestLevel}")
            .Concat((await db.PainSummaries.AsNoTracking().Where(s => s.UserId == userId).ToListAsync())
                .Select(s => $"{s.Period} {s.Start} pain {s.HighestPain}, next morning {s.HighestNextMorning}"));
        return ([.. stored.Order(StringComparer.Ordinal)], [.. expected.Order(StringComparer.Ordinal)]);
    }

    private async Task AssertSummariesMatchAsync(string userId, int expectedRows)
    {
        await using var db = _factory.OpenDatabase();
        var (stored, expected) = await SummariesAsync(db, userId);
        Assert.Equal(expected, stored);
        Assert.Equal(expectedRows, stored.Length);
    }

    private static async Task<string> LogAsync(HttpClient client, string slug, DateOnly date, string pain, string reps)
    {
        var page = await client.StartWorkoutAsync(slug);
        using var saved = await client.SaveAsync(page, new Dictionary<string, string>
        {
            ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.PainForAll"] = pain, ["Input.Exercises[0].Sets[0].Reps"] = reps,
        });
        saved.AssertRedirect("/history/");
        return saved.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Logging_editing_a_morning_pain_and_deleting_keep_every_week_and_month_right()
    {
        var client = await _factory.CreateUserClientAsync();
        var userId = await _factory.UserIdAsync(client);

        // This week (from Monday 30 November, across two months) and the week before.
        var today = await LogAsync(client, "ball-bridge", Today, "2", "14");
        var monday = await LogAsync(client, "clamshell", Today.AddDays(-2), "4", "9");
        var lastWeek = await LogAsync(client, "ball-bridge", Today.AddDays(-6), "1", "18");
        // Clamshells are one-leg: left and right. Weeks of 30 and 23 November: bridge, clamshell left and right, bridge;
        // months: December's bridge, November's clamshells and bridge; pain for each of the four periods.
        await AssertSummariesMatchAsync(userId, 12);

        // A set changed and the workout moved to last week: this week's bridge row and all of December go.
        var edit = await client.GetDocumentAsync($"{today}/edit");
        using (var saved = await client.SaveAsync(edit, new Dictionary<string, string>
        {
            ["Input.Date"] = Today.AddDays(-7).ToString("yyyy-MM-dd"), ["Input.Exercises[0].Sets[0].Reps"] = "20",
        })) saved.AssertRedirect(today);
        await AssertSummariesMatchAsync(userId, 9);

        // The next morning's pain, as saving it does.
        await using (var db = _factory.OpenDatabase())
        {
            var id = int.Parse(lastWeek.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var workout = await db.Workouts.SingleAsync(w => w.Id == id, TestContext.Current.CancellationToken);
            workout.PainNextMorning = 6;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await AssertSummariesMatchAsync(userId, 9);

        // Deleted: Monday's clamshells, and with them this week; the bridges of 23 November and November remain.
        var confirm = await client.GetDocumentAsync($"{monday}/delete");
        using (var deleted = await client.SubmitAsync(confirm.QuerySelector<IHtmlFormElement>("main form")!)) deleted.AssertRedirect("/history");
        await AssertSummariesMatchAsync(userId, 4);
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite's migrations made them; PostgreSQL's began with them.
    public async Task The_migration_makes_the_summaries_of_a_history_logged_before_them()
    {
        await using (var db = SqliteDbContext.Open($"Data Source={_factory.DatabasePath};Pooling=False"))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var beforeSummaries = migrations[migrations.FindIndex(m => m.EndsWith("_ProgressSummaries", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(beforeSummaries, TestContext.Current.CancellationToken);
        }
        using (var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // 40 days of one user's workouts, written as the previous version wrote them (no summaries).
            command.CommandText = """
                INSERT INTO AspNetUsers (Id, Units, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ('old', 0, 'old@example.test', 'OLD@EXAMPLE.TEST', 'old@example.test', 'OLD@EXAMPLE.TEST', 1, 'S', 0, 0, 1, 0);
                WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 39)
                INSERT INTO Workouts (Id, UserId, Date, PainNextMorning, IdempotencyKey, CreatedUtc, BadKneeDay)
                SELECT n + 1, 'old', date('2026-12-02', '-' || n || ' days'), CASE WHEN n % 4 = 0 THEN NULL ELSE n % 5 END, lower(hex(randomblob(16))), '2026-11-01 18:00:00', 0 FROM d;
                INSERT INTO WorkoutExercises (Id, WorkoutId, UserId, Date, Position, ExerciseSlug, Side, PainDuring, FormOk, Level)
                SELECT Id * 2 - 1, Id, 'old', Date, 0, 'straight-leg-raise', 'Left', Id % 7, 1, 1 + Id % 3 FROM Workouts;
                INSERT INTO WorkoutExercises (Id, WorkoutId, UserId, Date, Position, ExerciseSlug, Side, PainDuring, FormOk, Level)
                SELECT Id * 2, Id, 'old', Date, 1, 'wall-squat', 'Both', NULL, 1, NULL FROM Workouts;
                INSERT INTO LoggedSets (WorkoutExerciseId, Number, Reps, HoldSeconds, LoadKg)
                SELECT Id, 1, 8 + Id % 5, CASE WHEN Id % 2 = 0 THEN 20 + Id % 9 ELSE NULL END, CASE WHEN Id % 3 = 0 THEN 2.5 ELSE NULL END FROM WorkoutExercises;
                INSERT INTO LoggedSets (WorkoutExerciseId, Number, Reps) SELECT Id, 2, 10 FROM WorkoutExercises WHERE Id % 4 = 1;
                """;
            command.ExecuteNonQuery();
        }

        // Starting the app runs the pending migrations.
        using (await _factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken)) { }

        // 40 days back from Wednesday 2 December reach Friday 23 October: 7 weeks and 3 months, two exercises each, and pain.
        await AssertSummariesMatchAsync("old", (7 + 3) * 3);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
