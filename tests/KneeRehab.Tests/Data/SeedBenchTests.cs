using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Data;

/// <summary>The benchmark's data set (bench/run seeds it with the app's own <c>seed-bench</c> command), at a small scale.</summary>
// What only SQLite has: its file.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public sealed class SeedBenchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kneerehab-seed-").FullName;

    private string DatabasePath => Path.Combine(_folder, "bench.db");

    private int Seed(TextWriter output, params string[] options) =>
        SeedBenchCommand.Run(["seed-bench", .. options, "--ConnectionStrings:KneeRehab", $"Data Source={DatabasePath}"], output);

    private SqliteDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    [Fact]
    public async Task Seeds_the_users_with_their_programs_and_histories_of_exactly_the_given_sets_and_the_app_serves_them()
    {
        var output = new StringWriter();

        Assert.Equal(0, Seed(output, "--users", "4", "--heavy", "10,250"));

        Assert.StartsWith("Seeded 4 users (bench-0001@example.test to bench-0004@example.test", output.ToString());
        await using (var db = Open())
        {
            var ct = TestContext.Current.CancellationToken;
            var users = await db.Users.OrderBy(u => u.UserName).ToListAsync(ct);
            Assert.Equal([SeedBenchCommand.Email(1), SeedBenchCommand.Email(2), SeedBenchCommand.Email(3), SeedBenchCommand.Email(4)], users.Select(u => u.Email));
            Assert.All(users, u => Assert.True(u.EmailConfirmed));
            var sets = (await db.WorkoutExercises.Select(e => new { e.UserId, Sets = e.Sets.Count }).ToListAsync(ct))
                .GroupBy(e => e.UserId).ToDictionary(g => g.Key, g => g.Sum(e => e.Sets));
            Assert.Equal(10, sets[users[0].Id]);
            Assert.Equal(250, sets[users[1].Id]);
            Assert.Equal(2, sets.Count);
            Assert.Equal(4, await db.Enrollments.CountAsync(e => e.EndedOn == null && e.ProgramSlug == SeedBenchCommand.Program, ct));
            Assert.Equal(4, await db.ProgramTransitions.Select(t => t.EnrollmentId).Distinct().CountAsync(ct));
            // One workout a day going back from yesterday (27 sets a day: ten days), none on the same day twice, a check-in a week.
            var days = await db.Workouts.Where(w => w.UserId == users[1].Id).Select(w => w.Date).ToListAsync(ct);
            Assert.Equal(10, days.Count);
            Assert.Equal(days.Count, days.Distinct().Count());
            Assert.True(await db.CheckIns.AnyAsync(c => c.UserId == users[1].Id, ct));
        }

        // The app on the seeded file: a patient logs in with the bench password and gets today's program day.
        using var app = new KneeRehabFactory();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(DatabasePath, app.DatabasePath);
        var client = app.CreateBrowserClient();
        using (var login = await client.SubmitFormAsync("/identity/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = SeedBenchCommand.Email(2),
            ["Input.Password"] = SeedBenchCommand.Password,
        }, formSelector: "form.account-form"))
            login.AssertRedirect("/");
        var today = await client.GetDocumentAsync("/today");
        Assert.NotNull(today.QuerySelector("form.workout-form fieldset.exercise-entry"));
        var history = await client.GetDocumentAsync("/history");
        Assert.NotEmpty(history.QuerySelectorAll(".history-row"));
    }

    [Fact]
    public void Refuses_a_database_that_already_has_accounts_and_bad_options()
    {
        Assert.Equal(0, Seed(new StringWriter(), "--users", "1", "--heavy", "5"));

        var again = new StringWriter();
        Assert.Equal(1, Seed(again, "--users", "1", "--heavy", "5"));
        Assert.Contains("already has accounts", again.ToString());

        var bad = new StringWriter();
        Assert.Equal(2, Seed(bad, "--users", "0"));
        Assert.Equal(2, Seed(bad, "--users", "2", "--heavy", "5,x"));
        Assert.Equal(2, Seed(bad, "--users", "1", "--heavy", "5,5"));
        Assert.Contains("usage: seed-bench", bad.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
