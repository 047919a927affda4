using System.Globalization;
using KneeRehab.Web.Accounts;
using KneeRehab.Web.Content;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

/// <summary>
/// <c>dotnet KneeRehab.Web.dll seed-bench [--users N] [--heavy 100,10000,100000]</c>: fills an empty database
/// for bench/run. Every user (bench-0001@example.test ... with <see cref="Password"/>) has a confirmed account,
/// the right knee as the affected one and runners' knee started today. The first users get a history of daily
/// workouts going back from yesterday with the given numbers of sets (100 sets is about four days; 100,000 about
/// ten years), each day the program's first-phase exercises, and a check-in every week. The database is found
/// from the same <c>ConnectionStrings:KneeRehab</c> setting as the app's.
/// </summary>
public static class SeedBenchCommand
{
    public const string Name = "seed-bench";

    /// <summary>For a benchmark database only: bench/run logs in with it.</summary>
    public const string Password = "bench knee bends daily";

    public const string Program = "runners-knee";

    private const string Usage = "usage: seed-bench [--users N] [--heavy SETS,SETS,...] [--ConnectionStrings:KneeRehab \"Data Source=...\"]";

    public static string Email(int user) => $"bench-{user:0000}@example.test";

    public static int Run(string[] args, TextWriter output)
    {
        var options = args[1..];
        if (!TryRead(options, "--users", "1000", out var usersText) || !int.TryParse(usersText, CultureInfo.InvariantCulture, out var users) || users is < 1 or > 100_000
            || !TryRead(options, "--heavy", "100,10000,100000", out var heavyText))
        {
            output.WriteLine(Usage);
            return 2;
        }
        var heavy = new List<int>();
        foreach (var part in heavyText.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, CultureInfo.InvariantCulture, out var sets) || sets is < 1 or > 10_000_000)
            {
                output.WriteLine($"--heavy is a list of set counts from 1 to 10,000,000. {Usage}");
                return 2;
            }
            heavy.Add(sets);
        }
        if (heavy.Count > users)
        {
            output.WriteLine($"--heavy names {heavy.Count} histories for {users} users. {Usage}");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(Without(options, "--users", "--heavy"));
        // Its own summary is the output (bench/run keeps it): not the framework's log lines.
        builder.Logging.ClearProviders();
        builder.AddContentLibrary();
        builder.AddDatabase();
        builder.AddPrograms();
        using var app = builder.Build();
        app.MigrateDatabase();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        if (db.Users.Any())
        {
            output.WriteLine("The database already has accounts: seed-bench fills an empty one. Point ConnectionStrings:KneeRehab at a new file.");
            return 1;
        }
        var content = scope.ServiceProvider.GetRequiredService<ContentLibrary>().Current;
        var record = scope.ServiceProvider.GetRequiredService<ProgramRecord>();
        var program = content.FindProgram(Program) ?? throw new InvalidOperationException($"The content has no program '{Program}'.");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(null!, Password);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var first = 1; first <= users; first += 500)
        {
            var batch = Enumerable.Range(first, Math.Min(500, users - first + 1)).Select(n => new ApplicationUser
            {
                UserName = Email(n),
                NormalizedUserName = Email(n).ToUpperInvariant(),
                Email = Email(n),
                NormalizedEmail = Email(n).ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                AffectedKnee = Side.Right,
                TimeZoneId = "Etc/UTC",
            }).ToList();
            db.Users.AddRange(batch);
            db.SaveChanges();
            foreach (var user in batch)
            {
                var enrollment = new ProgramEnrollment { UserId = user.Id, ProgramSlug = Program, StartedOn = today, PhaseStartedOn = today, BaselineMorningPain = 2 };
                db.Enrollments.Add(enrollment);
                db.SaveChanges();
                record.StartAsync(enrollment, now).GetAwaiter().GetResult();
            }
            db.ChangeTracker.Clear();
        }

        var ids = db.Users.OrderBy(u => u.UserName).Select(u => u.Id).Take(heavy.Count).ToList();
        var day = program.Meta.Phases[0].Exercises
            .SelectMany(item => (content.FindGuide(item.Slug)?.Meta.IsOneLeg ?? false ? new[] { Side.Left, Side.Right } : [Side.Both]).Select(side => (item, side)))
            .ToList();
        var setsPerDay = day.Sum(d => d.item.Sets);
        for (var i = 0; i < heavy.Count; i++)
        {
            var left = heavy[i];
            var workouts = new List<Workout>();
            for (var daysAgo = 1; left > 0; daysAgo++)
            {
                var date = today.AddDays(-daysAgo);
                var workout = new Workout
                {
                    UserId = ids[i],
                    Date = date,
                    IdempotencyKey = Guid.NewGuid(),
                    CreatedUtc = date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
                    PainNextMorning = 1 + daysAgo % 3,
                };
                foreach (var (item, side) in day)
                {
                    if (left == 0) break;
                    var sets = Math.Min(item.Sets, left);
                    left -= sets;
                    workout.Exercises.Add(new WorkoutExercise
                    {
                        UserId = ids[i],
                        Date = date,
                        Position = workout.Exercises.Count,
                        ExerciseSlug = item.Slug,
                        Side = side,
                        PainDuring = side == Side.Left ? null : daysAgo % 4,
                        FormOk = true,
                        Level = content.FindGuide(item.Slug)?.Meta.LevelSteps.Count > 0 ? item.Level : null,
                        Sets = [.. Enumerable.Range(1, sets).Select(n => new LoggedSet
                        {
                            Number = n,
                            Reps = item.Reps,
                            HoldSeconds = item.HoldSeconds == 0 ? null : item.HoldSeconds,
                            LoadKg = item.LoadKg == 0 ? null : item.LoadKg,
                        })],
                    });
                }
                workouts.Add(workout);
                if (daysAgo % 7 == 0) db.CheckIns.Add(CheckIn(ids[i], date, daysAgo));
                if (workouts.Count == 500 || left == 0)
                {
                    db.Workouts.AddRange(workouts);
                    db.SaveChanges();
                    db.ChangeTracker.Clear();
                    workouts.Clear();
                }
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {users} users ({Email(1)} to {Email(users)}, password \"{Password}\"), each with {program.Meta.Title} started {today:yyyy-MM-dd}; histories of {string.Join(", ", heavy)} sets ({setsPerDay} a day) for the first {heavy.Count}; {started.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    private static OutcomeCheckIn CheckIn(string userId, DateOnly date, int daysAgo)
    {
        var checkIn = new OutcomeCheckIn { UserId = userId, Date = date, AveragePain = 2 + daysAgo % 3, WorstPain = 4 + daysAgo % 3, GlobalRatingOfChange = 1 };
        if (daysAgo % 28 == 0)
        {
            checkIn.Psfs.Add(new PsfsRating { Activity = "Stairs", Score = 6 });
            checkIn.Psfs.Add(new PsfsRating { Activity = "Running", Score = 4 });
            checkIn.Psfs.Add(new PsfsRating { Activity = "Squatting", Score = 5 });
        }
        return checkIn;
    }

    private static bool TryRead(string[] args, string name, string fallback, out string value)
    {
        var index = Array.IndexOf(args, name);
        value = index < 0 ? fallback : index + 1 < args.Length ? args[index + 1] : "";
        return value.Length > 0;
    }

    private static string[] Without(string[] args, params string[] names)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (names.Contains(args[i])) i++;
            else kept.Add(args[i]);
        }
        return [.. kept];
    }
}
