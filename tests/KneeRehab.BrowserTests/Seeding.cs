using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.BrowserTests;

/// <summary>Weeks of history written straight into the app's database, for journeys that need a patient with a past.</summary>
public static class Seeding
{
    /// <summary>
    /// Moves the user's running program six weeks back and fills them: a workout every other day at the first
    /// phase's doses (a few missed), pain easing from 6 to 1 in the weekly check-ins, PSFS in weeks 1 and 5.
    /// </summary>
    public static async Task SixWeeksAsync(AppServer app, string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var content = scope.ServiceProvider.GetRequiredService<ContentLibrary>().Current;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var enrollment = await db.Enrollments.SingleAsync(e => e.UserId == userId && e.EndedOn == null);
        enrollment.StartedOn = enrollment.PhaseStartedOn = today.AddDays(-42);
        var phase = content.FindProgram(enrollment.ProgramSlug)!.Meta.Phases[0];

        for (var daysAgo = 42; daysAgo >= 2; daysAgo -= 2)
        {
            if (daysAgo % 10 == 0) continue;
            var date = today.AddDays(-daysAgo);
            var workout = new Workout { UserId = userId, Date = date, IdempotencyKey = Guid.NewGuid(), CreatedUtc = date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), EnrollmentId = enrollment.Id, PainNextMorning = 2 };
            foreach (var item in phase.Exercises)
            {
                var guide = content.FindGuide(item.Slug)!;
                foreach (var side in guide.Meta.IsOneLeg ? new[] { Side.Left, Side.Right } : [Side.Both])
                {
                    workout.Exercises.Add(new WorkoutExercise
                    {
                        UserId = userId, Date = date, ExerciseSlug = item.Slug, Side = side, PainDuring = daysAgo > 20 ? 3 : 1, FormOk = true,
                        Prescribed = new Prescription(item.Sets, item.Reps, item.HoldSeconds, item.LoadKg, item.Level),
                        Sets = [.. Enumerable.Range(1, item.Sets).Select(n => new LoggedSet { Number = n, Reps = side == Side.Left ? item.Reps - 1 : item.Reps, HoldSeconds = item.HoldSeconds == 0 ? null : item.HoldSeconds })],
                    });
                }
            }
            db.Workouts.Add(workout);
        }
        for (var week = 0; week < 6; week++)
        {
            var checkIn = new OutcomeCheckIn { UserId = userId, Date = today.AddDays(-42 + 7 * week), AveragePain = 6 - week, WorstPain = 8 - week };
            if (week is 0 or 4)
                checkIn.Psfs = [new() { Activity = "Stairs", Score = 3 + week }, new() { Activity = "Running", Score = 2 + week }, new() { Activity = "Kneeling", Score = 4 + week }];
            db.CheckIns.Add(checkIn);
        }
        foreach (var started in await db.ProgramTransitions.Where(t => t.EnrollmentId == enrollment.Id && t.Kind == TransitionKind.Started).ToListAsync())
            (started.Date, started.PhaseStartedOn) = (enrollment.StartedOn, enrollment.StartedOn);
        await db.SaveChangesAsync();
        // As saving those workouts would have: the program's decisions recorded from its first day.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<ProgramRecord>().DecideFromAsync(enrollment, enrollment.StartedOn);
        await transaction.CommitAsync();
    }

    /// <summary>Marks the user's running program finished today, as its last workout's record would; returns its id.</summary>
    public static async Task<int> FinishAsync(AppServer app, string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var enrollment = await db.Enrollments.SingleAsync(e => e.UserId == userId && e.EndedOn == null);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (enrollment.Status, enrollment.StatusReason, enrollment.StatusSince, enrollment.EndedOn) = (ProgramStatus.Finished, null, today, today);
        await db.SaveChangesAsync();
        return enrollment.Id;
    }

    /// <summary>
    /// Years of free workouts (no program), one every <paramref name="everyDays"/> days back from yesterday: straight
    /// leg raises on both legs and wall squats, with a weekly check-in. Saved through the app's own context, so the
    /// progress summaries are made as a real save makes them.
    /// </summary>
    public static async Task YearsAsync(AppServer app, string email, int workouts, int everyDays)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.AffectedKnee = Side.Right;
        for (var i = 1; i <= workouts; i++)
        {
            var date = today.AddDays(-i * everyDays);
            var workout = new Workout { UserId = user.Id, Date = date, IdempotencyKey = Guid.NewGuid(), CreatedUtc = date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), PainNextMorning = i % 4 };
            foreach (var (slug, side, reps) in new[] { ("straight-leg-raise", Side.Left, 12), ("straight-leg-raise", Side.Right, 8 + i % 4), ("wall-squat", Side.Both, 10) })
                workout.Exercises.Add(new WorkoutExercise
                {
                    UserId = user.Id, Date = date, ExerciseSlug = slug, Side = side, PainDuring = i % 5, FormOk = true, Position = workout.Exercises.Count,
                    Sets = [new LoggedSet { Number = 1, Reps = reps }, new LoggedSet { Number = 2, Reps = reps }],
                });
            db.Workouts.Add(workout);
            if (i % 7 == 0) db.CheckIns.Add(new OutcomeCheckIn { UserId = user.Id, Date = date, AveragePain = 2 + i % 3, WorstPain = 5 });
        }
        await db.SaveChangesAsync();
    }
}
