using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.Tests.Pages.Today;

/// <summary>Arranges weeks of program history directly in the database, as if logged from /today on those days, and records the decisions as saving does.</summary>
public static class ProgramSeeding
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static TrainingProgram Program(this KneeRehabFactory factory, string slug) =>
        factory.Services.GetRequiredService<ContentLibrary>().Current.FindProgram(slug)!;

    public static ExerciseGuide Guide(this KneeRehabFactory factory, string slug) =>
        factory.Services.GetRequiredService<ContentLibrary>().Current.FindGuide(slug)!;

    /// <summary>A new user who started <paramref name="program"/>, its start moved back <paramref name="startedDaysAgo"/> days.</summary>
    public static async Task<(HttpClient Client, ProgramEnrollment Enrollment)> StartedAsync(this KneeRehabFactory factory, string program, int startedDaysAgo = 0)
    {
        var client = await factory.CreateUserClientAsync();
        using (var started = await Programs.ProgramPagesTests.StartAsync(client, program)) started.AssertRedirect("/today");
        var enrollment = await factory.EnrollmentOfAsync(client);
        if (startedDaysAgo > 0) await factory.BackdateEnrollmentAsync(enrollment.Id, startedDaysAgo);
        return (client, await factory.EnrollmentOfAsync(client));
    }

    /// <summary>The dose /today shows for an exercise ("3×10, each leg"), or null when it is not planned.</summary>
    public static string? DoseOf(this AngleSharp.Html.Dom.IHtmlDocument today, string slug) => Planned(today, slug)?.QuerySelector(".decision-dose")?.TextContent;

    /// <summary>The reason /today gives for an exercise's dose.</summary>
    public static string? MessageOf(this AngleSharp.Html.Dom.IHtmlDocument today, string slug) => Planned(today, slug)?.QuerySelector(".decision-message")?.TextContent;

    private static AngleSharp.Dom.IElement? Planned(AngleSharp.Html.Dom.IHtmlDocument today, string slug) =>
        today.QuerySelectorAll(".decision").FirstOrDefault(d => d.QuerySelector($"a[href='/exercises/{slug}']") is not null);

    public static async Task<ProgramEnrollment> EnrollmentOfAsync(this KneeRehabFactory factory, HttpClient client)
    {
        await using var db = factory.OpenDatabase();
        var userId = await UserIdAsync(factory, client);
        return await db.Enrollments.SingleAsync(e => e.UserId == userId && e.EndedOn == null);
    }

    /// <summary>The user behind a logged-in client, read from their personal data download.</summary>
    public static async Task<string> UserIdAsync(this KneeRehabFactory factory, HttpClient client)
    {
        var page = await client.GetDocumentAsync("/identity/account/manage/personaldata");
        using var download = await client.SubmitAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form#download-data")!);
        using var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("account").GetProperty("Id").GetString()!;
    }

    /// <summary>Moves the program's start (its record's first step, and its current phase's start) back in time.</summary>
    public static async Task BackdateEnrollmentAsync(this KneeRehabFactory factory, int enrollmentId, int days)
    {
        await using var db = factory.OpenDatabase();
        var enrollment = await db.Enrollments.SingleAsync(e => e.Id == enrollmentId);
        enrollment.StartedOn = Today.AddDays(-days);
        enrollment.PhaseStartedOn = Today.AddDays(-days);
        foreach (var started in await db.ProgramTransitions.Where(t => t.EnrollmentId == enrollmentId && t.Kind == TransitionKind.Started).ToListAsync())
        {
            started.Date = enrollment.StartedOn;
            started.PhaseStartedOn = enrollment.StartedOn;
            started.AtUtc = enrollment.StartedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>What saving a workout does in the app: the program's decisions made again from that day, by the app's own record.</summary>
    public static async Task RecordFromAsync(this KneeRehabFactory factory, int enrollmentId, DateOnly from)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var enrollment = await db.Enrollments.SingleAsync(e => e.Id == enrollmentId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<ProgramRecord>().DecideFromAsync(enrollment, from);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// A program workout of the given phase's exercises at their starting dose (or <paramref name="dose"/>),
    /// with every rep done, the given pain, and the next morning's pain.
    /// </summary>
    public static async Task<int> SeedWorkoutAsync(this KneeRehabFactory factory, ProgramEnrollment enrollment, int daysAgo,
        int pain = 1, int? nextMorning = 2, bool formOk = true, string[]? only = null, Func<ProgramExercise, Prescription>? dose = null, int phase = 0, double completion = 1.0)
    {
        var workout = factory.ProgramWorkout(enrollment, daysAgo, pain, nextMorning, formOk, only, dose, phase, completion);
        await using (var db = factory.OpenDatabase())
        {
            db.Workouts.Add(workout);
            await db.SaveChangesAsync();
        }
        await factory.RecordFromAsync(enrollment.Id, workout.Date);
        return workout.Id;
    }

    /// <summary>The workout <see cref="SeedWorkoutAsync"/> saves, not yet saved.</summary>
    public static Workout ProgramWorkout(this KneeRehabFactory factory, ProgramEnrollment enrollment, int daysAgo,
        int pain = 1, int? nextMorning = 2, bool formOk = true, string[]? only = null, Func<ProgramExercise, Prescription>? dose = null, int phase = 0, double completion = 1.0)
    {
        var program = factory.Program(enrollment.ProgramSlug);
        var date = Today.AddDays(-daysAgo);
        var workout = new Workout
        {
            UserId = enrollment.UserId,
            Date = date,
            IdempotencyKey = Guid.NewGuid(),
            CreatedUtc = date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
            EnrollmentId = enrollment.Id,
            PainNextMorning = nextMorning,
        };
        var position = 0;
        foreach (var item in program.Meta.Phases[phase].Exercises.Where(e => only is null || only.Contains(e.Slug)))
        {
            var prescribed = dose?.Invoke(item) ?? new Prescription(item.Sets, item.Reps, item.HoldSeconds, item.LoadKg, item.Level);
            var guide = factory.Guide(item.Slug);
            Side[] sides = guide.Meta.IsOneLeg ? [Side.Left, Side.Right] : [Side.Both];
            foreach (var side in sides)
            {
                workout.Exercises.Add(new WorkoutExercise
                {
                    UserId = enrollment.UserId,
                    Date = date,
                    Position = position++,
                    ExerciseSlug = item.Slug,
                    Side = side,
                    PainDuring = pain,
                    FormOk = formOk,
                    Level = guide.Meta.LevelSteps.Count > 0 ? prescribed.Level : null,
                    Prescribed = prescribed,
                    Sets = [.. Enumerable.Range(1, prescribed.Sets).Select(n => new LoggedSet
                    {
                        Number = n,
                        Reps = (int)Math.Round(prescribed.Reps * completion),
                        HoldSeconds = prescribed.HoldSeconds == 0 ? null : prescribed.HoldSeconds,
                        LoadKg = prescribed.LoadKg == 0 ? null : prescribed.LoadKg,
                    })],
                });
            }
        }
        return workout;
    }
}
