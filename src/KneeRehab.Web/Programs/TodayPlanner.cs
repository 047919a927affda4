using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
using KneeRehab.Web.Workouts;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Programs;

/// <summary>An exercise of today's plan: its guide and ladder, the dose to do, and the recorded decision that led to it.</summary>
public sealed record PlannedExercise(ExerciseGuide Guide, ExerciseLadder Ladder, Dose Dose, Decision Decision)
{
    /// <summary>"3×10 (level 2): about 45 degrees, each leg"</summary>
    public string DescribeDose()
    {
        var text = Dose.Describe(Ladder.Kind);
        var steps = Guide.Meta.LevelSteps;
        if (Ladder.Kind.HasLevels() && Dose.Level <= steps.Count) text += $": {steps[Dose.Level - 1]}";
        if (Ladder.Kind == LadderKind.Load && Guide.Meta.StartingLoadEntered && Dose.LoadKg == 0) text += ", at a weight you could lift about 15 times (enter it)";
        return Guide.Meta.IsOneLeg ? text + ", each leg" : text;
    }

    /// <summary>The same exercise on a bad-knee day: one rung down its ladder.</summary>
    public PlannedExercise OnBadKneeDay(ProgressionOptions options) => this with { Dose = Ladder.StepDown(Dose, options) };
}

/// <summary>Where a user stands in their program today, read from the program's record.</summary>
public sealed record TodayPlan(
    ProgramEnrollment Enrollment,
    TrainingProgram Program,
    ProgramPhase Phase,
    DateOnly Today,
    bool DoneToday,
    bool IsDue,
    DateOnly NextDue,
    IReadOnlyList<PlannedExercise> Exercises,
    Workout? AwaitingMorningPain,
    int? DaysAway)
{
    public bool IsActive => Enrollment.Status == ProgramStatus.Active;

    /// <summary>Whole weeks since the start, counting from week 1.</summary>
    public int Week => (Today.DayNumber - Enrollment.StartedOn.DayNumber) / 7 + 1;

    /// <summary>
    /// "week 3 of 8, phase "Control"". Past the planned weeks (a phase repeated, or a pause) it says so, rather
    /// than "week 8 of 8" for weeks on end.
    /// </summary>
    public string Position()
    {
        var weeks = Program.Meta.Weeks;
        var phase = $"phase {Enrollment.PhaseIndex + 1} of {Program.Meta.Phases.Count}, \"{Phase.Name}\"";
        var repeat = Enrollment.PhaseRepeats > 0 ? $" (repeat {Enrollment.PhaseRepeats})" : "";
        return Week <= weeks
            ? $"week {Week} of {weeks}, {phase}{repeat}"
            : $"week {Week}: {Week - weeks} {(Week - weeks == 1 ? "week" : "weeks")} past the planned {weeks}, {phase}{repeat}";
    }

    /// <summary>The exercise's plan today, for the server to record as prescribed: never taken from the form.</summary>
    public PlannedExercise? For(string slug) => Exercises.FirstOrDefault(e => e.Guide.Slug == slug && e.Decision.Kind != DecisionKind.Stop);

    /// <summary>What the server prescribes for an exercise today: the plan's dose, or on a bad-knee day one rung down.</summary>
    public Prescription? Prescribed(string slug, bool badKneeDay, ProgressionOptions options) =>
        For(slug) is { } planned ? (badKneeDay ? planned.OnBadKneeDay(options) : planned).Dose.ToPrescription() : null;

    /// <summary>Today's workout form, pre-filled exactly as prescribed (one entry per side for one-leg exercises).</summary>
    public WorkoutInput Form(bool badKneeDay, ProgressionOptions options, WeightUnit units)
    {
        var form = WorkoutInput.NewFor(Today);
        form.BadKneeDay = badKneeDay;
        foreach (var planned in Exercises.Where(e => e.Decision.Kind != DecisionKind.Stop))
        {
            var prescription = Prescribed(planned.Guide.Slug, badKneeDay, options)!;
            Side[] sides = planned.Guide.Meta.IsOneLeg ? [Side.Left, Side.Right] : [Side.Both];
            form.Exercises.AddRange(sides.Select(side => PrescribedInput.For(planned.Guide, side, prescription, units)));
        }
        return form;
    }
}

/// <summary>
/// Reads what is due today from the program's record (<see cref="ProgramRecord"/>): the latest decision per
/// exercise, the phase and status. It never runs the engine over the history and never writes; the only rule
/// it applies is the break rule, which depends on today's date (a patient back after a long break starts one
/// rung lower; the step is recorded when their next workout is saved).
/// </summary>
public sealed class TodayPlanner(KneeRehabDbContext db, ContentLibrary content, ProgressionEngine engine, TimeProvider clock)
{
    public Task<ProgramEnrollment?> ActiveEnrollmentAsync(string userId) =>
        db.Enrollments.FirstOrDefaultAsync(e => e.UserId == userId && e.EndedOn == null);

    /// <summary>Today's date where the user is (their time zone from preferences, UTC when unknown).</summary>
    public Task<DateOnly> TodayForAsync(string userId) => db.TodayForAsync(clock, userId);

    public async Task<TodayPlan?> PlanAsync(string userId)
    {
        var today = await TodayForAsync(userId);
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId && e.EndedOn == null);
        if (enrollment is null || await db.FindProgramAsync(content.Current, enrollment.ProgramSlug) is not { } program) return null;

        var phase = program.Meta.Phases[Math.Clamp(enrollment.PhaseIndex, 0, program.Meta.Phases.Count - 1)];
        var swaps = await ProgramRecord.SwapsInAsync(db, enrollment.Id, enrollment.PhaseIndex);
        var items = ProgramRecord.ExercisesOf(phase, enrollment.PhaseIndex, swaps, content.Current);
        var latest = await LatestDecisionsAsync(enrollment.Id, items.Select(e => e.Slug).ToList());
        var daysAway = enrollment.LastActivityOn is { } last && today.DayNumber - last.DayNumber > engine.Options.GapDays
            ? today.DayNumber - last.DayNumber
            : (int?)null;

        var exercises = new List<PlannedExercise>();
        foreach (var item in items)
        {
            if (content.Current.FindGuide(item.Slug) is not { } guide) continue;
            var ladder = ProgramRecord.Ladder(guide);
            var recorded = latest.GetValueOrDefault(item.Slug);
            var dose = ProgramRecord.CurrentDose(item, recorded, enrollment.PhaseIndex);
            var decision = recorded is null || recorded.PhaseIndex < enrollment.PhaseIndex
                ? new Decision(DecisionKind.Hold, dose, [recorded is null ? Reason.NoHistory : Reason.NewPhase], $"Start at {dose.Describe(ladder.Kind)}.")
                : AsDecision(recorded);
            if (daysAway is not null && enrollment.Status == ProgramStatus.Active
                && engine.ResumeAfterGap(ladder, dose, enrollment.LastActivityOn!.Value, today) is { } resume)
                (dose, decision) = (resume.Next!, resume);
            exercises.Add(new PlannedExercise(guide, ladder, dose, decision));
        }

        var workoutDays = db.Workouts.AsNoTracking().Where(w => w.EnrollmentId == enrollment.Id && w.UserId == userId);
        var lastWorkout = await workoutDays.OrderByDescending(w => w.Date).Select(w => (DateOnly?)w.Date).FirstOrDefaultAsync();
        var nextDue = lastWorkout is { } done ? done.AddDays(program.SpacingDays) : today;
        // A severe flare earns a rest day: the day after that workout is not a workout day.
        var restDay = lastWorkout == today.AddDays(-1) && latest.Values.Any(d => d.RestDay && d.Date == lastWorkout);
        if (restDay && nextDue <= today) nextDue = today.AddDays(1);
        if (nextDue < today) nextDue = today;

        var awaiting = await AwaitingMorningPainAsync(userId, today);
        var doneToday = lastWorkout == today;
        return new TodayPlan(enrollment, program, phase, today, doneToday, IsDue: enrollment.Status == ProgramStatus.Active && nextDue <= today && !doneToday,
            nextDue, exercises, awaiting, daysAway);
    }

    /// <summary>
    /// The workout whose next-morning pain is still to come. It is asked from the morning after on, in the
    /// patient's own time zone: never on the evening of the workout, and no longer once two days have passed.
    /// </summary>
    public Task<Workout?> AwaitingMorningPainAsync(string userId, DateOnly today) =>
        db.Workouts.AsNoTracking()
            .Where(w => w.UserId == userId && w.PainNextMorning == null && w.Date < today && w.Date >= today.AddDays(-2))
            .OrderByDescending(w => w.Date).ThenByDescending(w => w.Id)
            .FirstOrDefaultAsync();

    /// <summary>The user's latest program when it is a finished one (not followed by another): its moment on /today.</summary>
    public async Task<ProgramEnrollment?> LatestFinishedAsync(string userId) =>
        await db.Enrollments.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.Id).FirstOrDefaultAsync() is { Status: ProgramStatus.Finished } latest
            ? latest
            : null;

    /// <summary>For a workout page: per exercise, the decision recorded after that workout.</summary>
    public async Task<IReadOnlyDictionary<string, Decision>> DecisionsAfterAsync(Workout workout)
    {
        if (workout.EnrollmentId is not { } enrollmentId) return new Dictionary<string, Decision>();
        var rows = await db.ProgramDecisions.AsNoTracking()
            .Where(d => d.EnrollmentId == enrollmentId && d.WorkoutId == workout.Id)
            .OrderBy(d => d.Id)
            .ToListAsync();
        return rows.GroupBy(d => d.ExerciseSlug).ToDictionary(g => g.Key, g => AsDecision(g.Last()));
    }

    /// <summary>The latest decision of each of the given exercises in the program: one index seek per exercise.</summary>
    private async Task<Dictionary<string, ProgramDecision>> LatestDecisionsAsync(int enrollmentId, List<string> slugs)
    {
        var latest = new Dictionary<string, ProgramDecision>(StringComparer.Ordinal);
        foreach (var slug in slugs.Distinct())
        {
            if (await db.ProgramDecisions.AsNoTracking()
                .Where(d => d.EnrollmentId == enrollmentId && d.ExerciseSlug == slug)
                .OrderByDescending(d => d.Id)
                .FirstOrDefaultAsync() is { } row)
                latest[slug] = row;
        }
        return latest;
    }

    public static Decision AsDecision(ProgramDecision row) =>
        new(row.Kind, row.Kind == DecisionKind.Stop ? null : row.Next.ToDose(), row.ReasonCodes, row.Message, row.RestDay);
}
