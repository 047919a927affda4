using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Programs;

/// <summary>An exercise of today's plan: its guide, the dose to do, and the engine's decision that led to it.</summary>
public sealed record PlannedExercise(ExerciseGuide Guide, Dose Dose, Decision Decision);

/// <summary>Where a user stands in their program today.</summary>
public sealed record TodayPlan(
    ProgramEnrollment Enrollment,
    TrainingProgram Program,
    ProgramPhase Phase,
    int Week,
    PhaseOutcome PhaseOutcome,
    bool DoneToday,
    bool IsDue,
    DateOnly NextDue,
    IReadOnlyList<PlannedExercise> Exercises,
    Workout? AwaitingMorningPain);

/// <summary>
/// Glue between the stored workouts and the pure progression engine: turns a user's history into the
/// engine's inputs, moves the program's phase on when its criterion is met, and says what is due today.
/// Everything is derived from the workouts, so a workout logged for a past date changes what follows.
/// </summary>
public sealed class TodayPlanner(KneeRehabDbContext db, ContentLibrary content, ProgressionEngine engine, TimeProvider clock)
{
    /// <summary>Enough history for every rule (the longest looks at 3 workouts).</summary>
    private const int SessionsPerExercise = 5;

    public Task<ProgramEnrollment?> ActiveEnrollmentAsync(string userId) =>
        db.Enrollments.FirstOrDefaultAsync(e => e.UserId == userId && e.EndedOn == null);

    public async Task<TodayPlan?> PlanAsync(string userId)
    {
        var today = clock.Today();
        var nowUtc = clock.UtcNow();
        if (await ActiveEnrollmentAsync(userId) is not { } enrollment) return null;
        if (content.Current.FindProgram(enrollment.ProgramSlug) is not { } program) return null;

        var outcome = await AdvancePhaseAsync(enrollment, program, userId, today, nowUtc);
        var phase = program.Meta.Phases[Math.Clamp(enrollment.PhaseIndex, 0, program.Meta.Phases.Count - 1)];
        var weekly = await WeeklyMorningPainAsync(userId, today);
        var flags = enrollment.StoppedFor is { } code && RedFlagScreen.Find(code) is { } question ? new[] { question.AsFlag() } : [];

        var exercises = new List<PlannedExercise>();
        foreach (var item in phase.Exercises)
        {
            if (content.Current.FindGuide(item.Slug) is not { } guide) continue;
            var (current, sessions) = await HistoryAsync(userId, enrollment, guide, StartingDose(item));
            var decision = engine.Decide(new EngineInput(Ladder(guide), current, sessions, enrollment.BaselineMorningPain, flags, weekly, nowUtc));
            exercises.Add(new PlannedExercise(guide, decision.Next ?? current, decision));
        }

        var lastProgramWorkout = await db.Workouts.AsNoTracking()
            .Where(w => w.UserId == userId && w.EnrollmentId == enrollment.Id)
            .OrderByDescending(w => w.Date).Select(w => (DateOnly?)w.Date).FirstOrDefaultAsync();
        var nextDue = lastProgramWorkout is { } last ? last.AddDays(program.SpacingDays) : today;
        var restDayAfterRed = exercises.Any(e => e.Decision.RestDay) && lastProgramWorkout == today.AddDays(-1);
        if (restDayAfterRed && nextDue <= today) nextDue = today.AddDays(1);

        var awaiting = await db.Workouts.AsNoTracking()
            .Where(w => w.UserId == userId && w.PainNextMorning == null && w.Date < today && w.Date >= today.AddDays(-2))
            .OrderByDescending(w => w.Date).ThenByDescending(w => w.Id)
            .FirstOrDefaultAsync();

        return new TodayPlan(enrollment, program, phase, (today.DayNumber - enrollment.StartedOn.DayNumber) / 7 + 1, outcome,
            DoneToday: lastProgramWorkout == today, IsDue: nextDue <= today && lastProgramWorkout != today, nextDue, exercises, awaiting);
    }

    /// <summary>
    /// For a workout page: per exercise of a program workout, the engine's decision as it stood after that
    /// workout (only the workouts up to it count; the next-morning pain as it is known now).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Decision>> DecisionsAfterAsync(Workout workout)
    {
        var nowUtc = clock.UtcNow();
        var decisions = new Dictionary<string, Decision>();
        if (workout.EnrollmentId is not { } enrollmentId) return decisions;
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrollmentId && e.UserId == workout.UserId);
        if (enrollment is null) return decisions;

        var weekly = await WeeklyMorningPainAsync(workout.UserId, workout.Date);
        foreach (var entry in workout.Exercises.DistinctBy(e => e.ExerciseSlug))
        {
            if (content.Current.FindGuide(entry.ExerciseSlug) is not { } guide || entry.Prescribed is not { } p) continue;
            var (current, sessions) = await HistoryAsync(workout.UserId, enrollment, guide, p.ToDose(), workout);
            decisions[entry.ExerciseSlug] = engine.Decide(new EngineInput(Ladder(guide), current, sessions, enrollment.BaselineMorningPain, [], weekly, nowUtc));
        }
        return decisions;
    }

    public static ExerciseLadder Ladder(ExerciseGuide guide) => new(
        guide.Meta.Ladder switch { "load" => LadderKind.Load, "range" => LadderKind.Range, "fixed" => LadderKind.Fixed, _ => LadderKind.Reps },
        LevelCount: Math.Max(1, guide.Meta.LevelSteps.Count),
        RepGoal: guide.Meta.RepGoal ?? 15,
        LoadIncrementKg: guide.Meta.LoadIncrementKg ?? 1.0);

    private static Dose StartingDose(ProgramExercise item) => new(item.Sets, item.Reps, item.HoldSeconds, item.LoadKg, item.Level);

    /// <summary>
    /// The exercise's recent sessions in this program, newest first, one per workout (for a one-leg exercise
    /// the side that did worse speaks for the workout), and the dose prescribed last (or the phase's start).
    /// </summary>
    private async Task<(Dose Current, IReadOnlyList<LoggedSession> Sessions)> HistoryAsync(string userId, ProgramEnrollment enrollment, ExerciseGuide guide, Dose start, Workout? upTo = null)
    {
        var entries = await db.WorkoutExercises.AsNoTracking()
            .Where(e => e.UserId == userId && e.ExerciseSlug == guide.Slug && e.Date >= enrollment.StartedOn)
            .Where(e => upTo == null || e.Date < upTo.Date || (e.Date == upTo.Date && e.WorkoutId <= upTo.Id))
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Take(SessionsPerExercise * 2)
            .Include(e => e.Sets)
            .Include(e => e.Workout)
            .ToListAsync();

        var sessions = entries
            .GroupBy(e => e.WorkoutId)
            .Select(workout => workout.OrderByDescending(e => e.PainDuring).ThenBy(Completion).First())
            .Take(SessionsPerExercise)
            .ToList();
        // The dose carries on from the last prescription; a new phase can lift it to the phase's starting dose, never lower it.
        var latest = entries.FirstOrDefault(e => e.Prescribed is not null && e.Workout!.EnrollmentId == enrollment.Id);
        var current = start;
        if (latest?.Prescribed is { } p)
        {
            var last = p.ToDose();
            current = latest.Date < enrollment.PhaseStartedOn && Volume(start) > Volume(last) ? start : last;
        }
        return (current, [.. sessions.Select(e => Session(e, current, entries.Where(x => x.WorkoutId == e.WorkoutId)))]);
    }

    private static double Volume(Dose dose) => dose.Sets * dose.Reps * Math.Max(1, dose.Level) + dose.LoadKg;

    private static double Completion(WorkoutExercise entry) =>
        entry.Prescribed is { } p && p.Sets * p.Reps > 0 ? entry.TotalReps / (double)(p.Sets * p.Reps) : 1;

    private static LoggedSession Session(WorkoutExercise entry, Dose current, IEnumerable<WorkoutExercise> sameWorkout)
    {
        var prescribed = entry.Prescribed?.ToDose() ?? current;
        var holds = entry.Sets.Where(s => s.HoldSeconds is not null).Select(s => s.HoldSeconds!.Value).ToList();
        return new LoggedSession(
            entry.Date,
            DateTime.SpecifyKind(entry.Workout!.CreatedUtc, DateTimeKind.Utc),
            prescribed,
            [.. entry.Sets.OrderBy(s => s.Number).Select(s => s.Reps)],
            holds.Count == 0 ? null : holds.Min(),
            entry.PainDuring,
            entry.Workout.PainNextMorning,
            sameWorkout.All(e => e.FormOk));
    }

    /// <summary>Mean next-morning pain of the last three 7-day windows, newest first, stopping at the first empty window.</summary>
    private async Task<IReadOnlyList<double>> WeeklyMorningPainAsync(string userId, DateOnly today)
    {
        var from = today.AddDays(-20);
        var pains = await db.Workouts.AsNoTracking()
            .Where(w => w.UserId == userId && w.Date >= from && w.PainNextMorning != null)
            .Select(w => new { w.Date, Pain = w.PainNextMorning!.Value })
            .ToListAsync();
        var means = new List<double>();
        for (var week = 0; week < 3; week++)
        {
            var end = today.AddDays(-7 * week);
            var inWeek = pains.Where(p => p.Date <= end && p.Date > end.AddDays(-7)).Select(p => (double)p.Pain).ToList();
            if (inWeek.Count == 0) break;
            means.Add(inWeek.Average());
        }
        return means;
    }

    /// <summary>Moves the enrollment to the next phase, or repeats the phase, as the phase's exit rule says.</summary>
    private async Task<PhaseOutcome> AdvancePhaseAsync(ProgramEnrollment enrollment, TrainingProgram program, string userId, DateOnly today, DateTime nowUtc)
    {
        var phases = program.Meta.Phases;
        var index = Math.Clamp(enrollment.PhaseIndex, 0, phases.Count - 1);
        var phase = phases[index];
        var weeksInPhase = (today.DayNumber - enrollment.PhaseStartedOn.DayNumber) / 7;

        var exercises = new List<PhaseExercise>();
        foreach (var item in phase.Exercises)
        {
            if (content.Current.FindGuide(item.Slug) is not { } guide) continue;
            var (_, sessions) = await HistoryAsync(userId, enrollment, guide, StartingDose(item));
            exercises.Add(new PhaseExercise(Ladder(guide).Kind, [.. sessions.Where(s => s.Date >= enrollment.PhaseStartedOn)
                .Select(s => new ClassifiedSession(s.Prescribed, engine.Classify(s, enrollment.BaselineMorningPain, nowUtc)))]));
        }
        var exit = new PhaseExitRule(phase.Exit.GreenWorkouts, phase.Exit.MinSets, phase.Exit.MinReps);
        var outcome = exercises.Count == 0
            ? PhaseOutcome.Stay
            : PhaseEvaluator.Evaluate(new PhaseProgress(phase.MinimumWeeks, weeksInPhase, exit, enrollment.PhaseRepeats, exercises));

        switch (outcome)
        {
            case PhaseOutcome.Advance when index < phases.Count - 1:
                enrollment.PhaseIndex = index + 1;
                enrollment.PhaseStartedOn = today;
                enrollment.PhaseRepeats = 0;
                await db.SaveChangesAsync();
                break;
            case PhaseOutcome.Repeat:
                enrollment.PhaseStartedOn = today;
                enrollment.PhaseRepeats++;
                await db.SaveChangesAsync();
                break;
        }
        return outcome;
    }
}
