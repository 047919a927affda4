using AngleSharp.Html.Dom;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KneeRehab.Tests.Data;

/// <summary>
/// Patients who were following a program before decisions were recorded keep their place: a database made by
/// the previous version (its schema, its rows) is migrated at start-up and the record is made from its workouts.
/// </summary>
// What only SQLite has: its file.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public class PreviousVersionDatabaseTests : IDisposable
{
    private const string PreviousVersion = "20261124224847_Initial";
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 8, 0, 0, TimeSpan.Zero);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Now) };

    private static DateOnly DaysAgo(int days) => DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-days);

    private void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private async Task MakePreviousVersionDatabaseAsync(string email, bool paused, int phase = 0)
    {
        await using (var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={_factory.DatabasePath};Pooling=False").Options))
            await db.GetService<IMigrator>().MigrateAsync(PreviousVersion, TestContext.Current.CancellationToken);

        using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False");
        connection.Open();
        var user = new ApplicationUser { Id = "old-user", UserName = email, Email = email };
        Execute(connection, """
            INSERT INTO AspNetUsers (Id, Units, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ('old-user', 0, $email, upper($email), $email, upper($email), 0, $hash, 'STAMP', 'CONCURRENCY', 0, 0, 1, 0)
            """, ("$email", email), ("$hash", new PasswordHasher<ApplicationUser>().HashPassword(user, KneeRehabFactory.Password)));
        Execute(connection, """
            INSERT INTO Enrollments (Id, UserId, ProgramSlug, StartedOn, BaselineMorningPain, PhaseIndex, PhaseStartedOn, PhaseRepeats, StoppedFor, StoppedUtc)
            VALUES (1, 'old-user', 'inner-range-quadriceps', $started, 2, $phase, $phaseStarted, 0, $flag, $flagged)
            """, ("$started", DaysAgo(phase == 0 ? 6 : 20).ToString("yyyy-MM-dd")), ("$phase", phase), ("$phaseStarted", DaysAgo(phase == 0 ? 6 : 2).ToString("yyyy-MM-dd")),
            ("$flag", paused ? "B_LOCKING" : null), ("$flagged", paused ? "2026-04-19 09:00:00" : null));
        var entry = 0;
        foreach (var (id, daysAgo) in new[] { (1, 5), (2, 3) })
        {
            var date = DaysAgo(daysAgo).ToString("yyyy-MM-dd");
            Execute(connection, """
                INSERT INTO Workouts (Id, UserId, Date, PainNextMorning, IdempotencyKey, CreatedUtc, EnrollmentId, BadKneeDay)
                VALUES ($id, 'old-user', $date, 2, $key, $date || ' 18:00:00', 1, 0)
                """, ("$id", id), ("$date", date), ("$key", Guid.NewGuid().ToString()));
            foreach (var (slug, sets, reps, hold) in new[] { ("seated-quad-activation", 2, 10, 3), ("straight-leg-raise", 2, 10, 0), ("standing-quad-stretch", 4, 1, 30) })
            {
                foreach (var side in slug == "straight-leg-raise" ? new[] { "Left", "Right" } : ["Both"])
                {
                    entry++;
                    Execute(connection, """
                        INSERT INTO WorkoutExercises (Id, WorkoutId, UserId, Date, Position, ExerciseSlug, Side, PainDuring, FormOk,
                            Prescribed_Sets, Prescribed_Reps, Prescribed_HoldSeconds, Prescribed_LoadKg, Prescribed_Level)
                        VALUES ($entry, $id, 'old-user', $date, $entry, $slug, $side, 1, 1, $sets, $reps, $hold, 0, 1)
                        """, ("$entry", entry), ("$id", id), ("$date", date), ("$slug", slug), ("$side", side), ("$sets", sets), ("$reps", reps), ("$hold", hold));
                    for (var set = 1; set <= sets; set++)
                        Execute(connection, "INSERT INTO LoggedSets (WorkoutExerciseId, Number, Reps, HoldSeconds) VALUES ($entry, $set, $reps, $hold)",
                            ("$entry", entry), ("$set", set), ("$reps", reps), ("$hold", hold == 0 ? null : hold));
                }
            }
        }
    }

    /// <summary>The account made by the previous version, with no confirmed address then, still logs in.</summary>
    private async Task<HttpClient> LogInAsync(string email)
    {
        var client = _factory.CreateBrowserClient();
        await KneeRehabFactory.LogInAsync(client, email);
        return client;
    }

    [Fact]
    public async Task A_running_program_keeps_its_place_and_its_decisions_are_recorded_from_its_workouts()
    {
        await MakePreviousVersionDatabaseAsync("old-patient@example.test", paused: false);

        var client = await LogInAsync("old-patient@example.test");
        var today = await client.GetDocumentAsync("/today");

        var legRaise = today.QuerySelectorAll(".decision").First(d => d.QuerySelector("a[href='/exercises/straight-leg-raise']") is not null);
        Assert.StartsWith("3×10", legRaise.QuerySelector(".decision-dose")!.TextContent);
        Assert.Contains("week 1 of 6", today.QuerySelector(".program-position")!.TextContent);
        await using var db = _factory.OpenDatabase();
        Assert.Equal(ProgramStatus.Active, (await db.Enrollments.SingleAsync(TestContext.Current.CancellationToken)).Status);
        Assert.Equal(2, await db.ProgramDecisions.Where(d => d.ExerciseSlug == "straight-leg-raise").CountAsync(TestContext.Current.CancellationToken));
        Assert.Single(await db.ProgramTransitions.Where(t => t.Kind == TransitionKind.Started).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_program_paused_for_a_warning_sign_stays_paused_with_its_reason()
    {
        await MakePreviousVersionDatabaseAsync("paused-patient@example.test", paused: true);

        var client = await LogInAsync("paused-patient@example.test");
        var today = await client.GetDocumentAsync("/today");

        Assert.Contains("Your program is paused", today.QuerySelector(".stop-advice")!.TextContent);
        Assert.Contains("The knee locks", today.QuerySelector(".stop-advice")!.TextContent);
        Assert.Null(today.QuerySelector("form.workout-form"));
        await using var db = _factory.OpenDatabase();
        var enrollment = await db.Enrollments.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ProgramStatus.Paused, enrollment.Status);
        Assert.Equal("B_LOCKING", enrollment.StatusReason);
        Assert.Equal(DaysAgo(1), enrollment.StatusSince);
    }

    [Fact]
    public async Task A_program_in_a_later_phase_keeps_that_phase()
    {
        await MakePreviousVersionDatabaseAsync("phase-two-patient@example.test", paused: false, phase: 1);

        var client = await LogInAsync("phase-two-patient@example.test");
        var today = await client.GetDocumentAsync("/today");

        Assert.Contains("phase 2 of 3, \"Build\"", today.QuerySelector(".program-position")!.TextContent);
        Assert.NotNull(today.QuerySelector(".decision a[href='/exercises/wall-slide']"));
        await using var db = _factory.OpenDatabase();
        Assert.Equal(1, (await db.Enrollments.SingleAsync(TestContext.Current.CancellationToken)).PhaseIndex);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
