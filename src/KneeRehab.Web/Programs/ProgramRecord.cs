using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Programs;

/// <summary>
/// Makes the engine's decisions for a program and records them, once, in the request that caused them: a
/// workout saved, edited or deleted, a next-morning pain, a warning sign, a clinician's all-clear. Every page
/// then reads the record (<see cref="ProgramDecision"/>, <see cref="ProgramTransition"/> and the enrollment's
/// phase and status) and never runs the engine.
/// <para>
/// Deciding is a walk through the program's events in time order from a given day, starting from the state the
/// record held the day before. A new workout walks just itself; an edit of an older one walks from its day on,
/// so the decisions that followed it are made again. The patient's own steps (a warning sign, an all-clear) are
/// kept and applied again in their place; the engine's steps are made again. One program is a few months of
/// workouts, so the walk never grows with the years of a patient's history.
/// </para>
/// </summary>
public sealed class ProgramRecord(KneeRehabDbContext db, ContentLibrary content, ProgressionEngine engine)
{
    private KneeRehabDbContext Db => db;

    private ProgressionEngine Engine => engine;

    private ContentSnapshot Library => content.Current;

    /// <summary>The reasons of the decisions a physiotherapist's change records (not the patient's activity).</summary>
    private static readonly HashSet<string> ByPhysiotherapist = [Reason.SetByPhysiotherapist, Reason.HeldByPhysiotherapist, Reason.SwappedByPhysiotherapist];

    /// <summary>Enough history for every rule (the longest looks at 3 workouts).</summary>
    private const int SessionsPerExercise = 5;

    /// <summary>Opens the record of a program just started (the enrollment is saved already).</summary>
    public async Task StartAsync(ProgramEnrollment enrollment, DateTime nowUtc, string? note = null)
    {
        db.ProgramTransitions.Add(new ProgramTransition
        {
            EnrollmentId = enrollment.Id,
            Date = enrollment.StartedOn,
            AtUtc = nowUtc,
            Kind = TransitionKind.Started,
            PhaseStartedOn = enrollment.StartedOn,
            Status = ProgramStatus.Active,
            Note = note,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Starts <paramref name="program"/> for the patient, ending the one they were following (one active program per
    /// patient), inside the caller's transaction. Null when another request started a program first (the unique index).
    /// Pending changes on the context (the patient's answers on the start page) are saved with it.
    /// </summary>
    public async Task<ProgramEnrollment?> BeginAsync(string userId, TrainingProgram program, int baselineMorningPain, DateOnly today, DateTime nowUtc, string? note = null)
    {
        // Two starts at once (a double tap, the patient and their physiotherapist) take turns.
        await PatientLock.TakeAsync(db, userId);
        var running = await db.Enrollments.Where(e => e.UserId == userId && e.EndedOn == null).ToListAsync();
        // Ended first: the unique index allows one active enrollment per user.
        foreach (var ending in running)
            await AddPatientStepAsync(ending, TransitionKind.Ended, today, nowUtc, "ANOTHER_PROGRAM", $"Ended to start \"{program.Meta.Title}\".");
        var enrollment = new ProgramEnrollment
        {
            UserId = userId,
            ProgramSlug = program.Slug,
            StartedOn = today,
            PhaseStartedOn = today,
            BaselineMorningPain = baselineMorningPain,
        };
        db.Enrollments.Add(enrollment);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (DatabaseFaults.IsUniqueViolation(e))
        {
            return null;
        }
        await StartAsync(enrollment, nowUtc, note);
        return enrollment;
    }

    /// <summary>The patient's own step (a warning sign, an all-clear, ending the program), recorded and applied in its place.</summary>
    public async Task AddPatientStepAsync(ProgramEnrollment enrollment, TransitionKind kind, DateOnly date, DateTime nowUtc, string? reason, string? note)
    {
        db.ProgramTransitions.Add(new ProgramTransition
        {
            EnrollmentId = enrollment.Id,
            Date = date,
            AtUtc = nowUtc,
            Kind = kind,
            Reason = reason,
            Note = note,
        });
        await db.SaveChangesAsync();
        if (await db.FindProgramAsync(content.Current, enrollment.ProgramSlug) is null)
        {
            // A program whose content was taken down cannot be walked; the patient's own step still takes effect.
            (enrollment.Status, enrollment.StatusReason, enrollment.StatusSince) = kind switch
            {
                TransitionKind.Paused => (ProgramStatus.Paused, reason, date),
                TransitionKind.Ended => (ProgramStatus.Ended, reason, date),
                TransitionKind.Resumed => (ProgramStatus.Active, null, date),
                _ => (enrollment.Status, enrollment.StatusReason, enrollment.StatusSince),
            };
            if (kind == TransitionKind.Ended) enrollment.EndedOn = date;
            await db.SaveChangesAsync();
            return;
        }
        await DecideFromAsync(enrollment, date);
    }

    /// <summary>
    /// Saves a new workout and, for a program workout, the decisions it leads to, in one transaction: the record
    /// never misses a saved workout. /today, /log and the simulator all save through here.
    /// </summary>
    public async Task SaveWorkoutAsync(Workout workout, ProgramEnrollment? enrollment)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Workouts.Add(workout);
        await db.SaveChangesAsync();
        if (enrollment is not null) await DecideFromAsync(enrollment, workout.Date);
        await transaction.CommitAsync();
    }

    /// <summary>A physiotherapist's change (a dose, a hold, a release, a swap), saved with the decisions it leads to; the caller holds the transaction.</summary>
    public async Task SetClinicianDoseAsync(ProgramEnrollment enrollment, ClinicianDose change)
    {
        db.ClinicianDoses.Add(change);
        await db.SaveChangesAsync();
        await DecideFromAsync(enrollment, change.Date);
    }

    /// <summary>
    /// The phase's exercises, with the physiotherapist's swaps made in it applied in the order they were made: the
    /// walk and /today read the phase through here. A swap that no longer fits (its exercise is not in the phase) is passed over.
    /// </summary>
    public static IReadOnlyList<ProgramExercise> ExercisesOf(ProgramPhase phase, int phaseIndex, IEnumerable<ClinicianDose> changes, ContentSnapshot content)
    {
        var items = phase.Exercises.ToList();
        foreach (var swap in changes.Where(c => c is { Change: ClinicianChange.Swap, SwapTo: not null } && c.PhaseIndex == phaseIndex))
        {
            var at = items.FindIndex(e => e.Slug == swap.ExerciseSlug);
            if (at < 0 || items.Any(e => e.Slug == swap.SwapTo) || content.FindGuide(swap.SwapTo!) is null) continue;
            items[at] = new ProgramExercise
            {
                Slug = swap.SwapTo!, Sets = swap.Dose.Sets, Reps = swap.Dose.Reps, HoldSeconds = swap.Dose.HoldSeconds, LoadKg = swap.Dose.LoadKg, Level = swap.Dose.Level,
            };
        }
        return items;
    }

    /// <summary>The physiotherapist's swaps made in a phase of the program, in the order they were made (for <see cref="ExercisesOf"/>).</summary>
    public static Task<List<ClinicianDose>> SwapsInAsync(KneeRehabDbContext db, int enrollmentId, int phaseIndex) =>
        db.ClinicianDoses.AsNoTracking()
            .Where(d => d.EnrollmentId == enrollmentId && d.Change == ClinicianChange.Swap && d.PhaseIndex == phaseIndex)
            .OrderBy(d => d.Date).ThenBy(d => d.AtUtc).ThenBy(d => d.Id).ToListAsync();

    /// <summary>
    /// Makes every decision of the program again from <paramref name="from"/> on, and saves them with the
    /// program's new phase and status. The caller holds the transaction that also saved what changed.
    /// </summary>
    public async Task DecideFromAsync(ProgramEnrollment enrollment, DateOnly from)
    {
        if (await db.FindProgramAsync(content.Current, enrollment.ProgramSlug) is not { } program) return;
        await PatientLock.TakeAsync(db, enrollment.UserId);
        // An ended program's record is closed; a finished one reopens only while no other program has begun.
        if (enrollment.Status == ProgramStatus.Ended) return;
        if (enrollment.Status == ProgramStatus.Finished
            && await db.Enrollments.AnyAsync(e => e.UserId == enrollment.UserId && e.Id > enrollment.Id)) return;

        await db.ProgramDecisions.Where(d => d.EnrollmentId == enrollment.Id && d.Date >= from).ExecuteDeleteAsync();
        var workouts = await db.Workouts.AsNoTracking()
            .Where(w => w.EnrollmentId == enrollment.Id && w.UserId == enrollment.UserId)
            .OrderBy(w => w.Date).ThenBy(w => w.CreatedUtc).ThenBy(w => w.Id)
            .Include(w => w.Exercises).ThenInclude(e => e.Sets)
            .AsSplitQuery()
            .ToListAsync();
        // The engine's steps from that day on are made again; so is a break's pause dated earlier but made by a workout from then on.
        var walkedAgain = workouts.Where(w => w.Date >= from).Select(w => w.Id).ToHashSet();
        var transitions = await db.ProgramTransitions.Where(t => t.EnrollmentId == enrollment.Id)
            .OrderBy(t => t.Date).ThenBy(t => t.AtUtc).ThenBy(t => t.Id).ToListAsync();
        var madeAgain = transitions.Where(t => !t.ByPatient && (t.Date >= from || t.WorkoutId is not { } id || walkedAgain.Contains(id) || !workouts.Any(w => w.Id == id))).ToList();
        db.ProgramTransitions.RemoveRange(madeAgain);
        transitions = [.. transitions.Except(madeAgain)];
        var earlier = await db.ProgramDecisions.AsNoTracking()
            .Where(d => d.EnrollmentId == enrollment.Id && d.Date < from)
            .OrderBy(d => d.Id).ToListAsync();

        // A physiotherapist's changes are inputs like the patient's own steps: kept, and applied again in their place.
        // Those before the day walked from leave their holds and swaps in force.
        var changes = await db.ClinicianDoses.AsNoTracking().Where(d => d.EnrollmentId == enrollment.Id)
            .OrderBy(d => d.Date).ThenBy(d => d.AtUtc).ThenBy(d => d.Id).ToListAsync();
        var doses = changes.Where(d => d.Date >= from).ToList();

        var walk = new Walk(this, program, enrollment, workouts);
        walk.RestoreBefore(from, transitions.Where(t => t.Date < from).ToList(), earlier, changes.Where(d => d.Date < from));

        var events = workouts.Where(w => w.Date >= from).Select(w => (w.Date, At: w.CreatedUtc, Workout: (Workout?)w, Step: (ProgramTransition?)null, Dose: (ClinicianDose?)null))
            .Concat(transitions.Where(t => t.Date >= from && t.ByPatient).Select(t => (t.Date, At: t.AtUtc, Workout: (Workout?)null, Step: (ProgramTransition?)t, Dose: (ClinicianDose?)null)))
            .Concat(doses.Select(d => (d.Date, At: d.AtUtc, Workout: (Workout?)null, Step: (ProgramTransition?)null, Dose: (ClinicianDose?)d)))
            .OrderBy(e => e.Date).ThenBy(e => e.At);
        foreach (var (_, _, workout, step, dose) in events)
        {
            if (workout is not null) walk.Apply(workout);
            else if (step is not null) walk.Apply(step);
            else walk.Apply(dose!);
        }
        walk.SaveTo(enrollment);
        await db.SaveChangesAsync();
        // The milestones, judged as of the program's newest workout (or the day walked from): a rung is reached on the day it was earned.
        var asOf = workouts.Count > 0 && workouts[^1].Date > from ? workouts[^1].Date : from;
        await new MilestoneRecord(db, content, engine).UpdateAsync(enrollment, asOf);
    }

    /// <summary>How the guide's dose moves: its ladder, with the guide's load step and levels.</summary>
    public static ExerciseLadder Ladder(ExerciseGuide guide)
    {
        var kind = guide.Meta.Ladder switch { "load" => LadderKind.Load, "range" => LadderKind.Range, "intervals" => LadderKind.Intervals, "fixed" => LadderKind.Fixed, _ => LadderKind.Reps };
        return new ExerciseLadder(
            kind,
            LevelCount: Math.Max(1, guide.Meta.LevelSteps.Count),
            RepGoal: guide.Meta.RepGoal ?? 15,
            LoadIncrementKg: guide.Meta.LoadIncrementKg ?? 1.0,
            LoadedAtTop: kind == LadderKind.Reps && guide.Meta.LoadIncrementKg is not null);
    }

    public static Dose StartingDose(ProgramExercise item) => new(item.Sets, item.Reps, item.HoldSeconds, item.LoadKg, item.Level);

    /// <summary>
    /// The dose an exercise of the phase is at, from its latest recorded decision: that decision's dose within
    /// the phase it was made in (a repeat keeps it), and in a later phase at least the phase's starting dose.
    /// </summary>
    public static Dose CurrentDose(ProgramExercise item, ProgramDecision? latest, int phaseIndex)
    {
        var start = StartingDose(item);
        if (latest is null) return start;
        var carried = latest.Next.ToDose();
        if (latest.PhaseIndex >= phaseIndex) return carried;
        return start.IsLowerThan(carried) ? carried : start;
    }

    /// <summary>A decision is computed for a day at noon UTC: the same record comes out whatever time the request ran.</summary>
    public static DateTime Noon(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    /// <summary>The program's state while walking its events; written back to the enrollment at the end.</summary>
    private sealed class Walk(ProgramRecord record, TrainingProgram program, ProgramEnrollment enrollment, List<Workout> workouts)
    {
        private readonly Dictionary<string, ProgramDecision> _latest = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _held = new(StringComparer.Ordinal);
        private readonly List<ClinicianDose> _swaps = [];
        private int _phaseIndex;
        private DateOnly _phaseStartedOn = enrollment.StartedOn;
        private int _repeats;
        private ProgramStatus _status = ProgramStatus.Active;
        private string? _statusReason;
        private DateOnly? _statusSince;
        private DateOnly? _lastActivity;

        /// <summary>The day the program resumed after a pause or a review: the stop rules count only what came after it.</summary>
        private DateOnly? _freshFrom;

        private ProgressionEngine Engine => record.Engine;

        private ContentSnapshot Library => record.Library;

        private ProgramPhase Phase => program.Meta.Phases[Math.Clamp(_phaseIndex, 0, program.Meta.Phases.Count - 1)];

        public void RestoreBefore(DateOnly from, List<ProgramTransition> before, List<ProgramDecision> earlier, IEnumerable<ClinicianDose> changes)
        {
            foreach (var change in changes) Keep(change);
            if (before.LastOrDefault() is { } last)
            {
                _phaseIndex = last.PhaseIndex;
                _phaseStartedOn = last.PhaseStartedOn;
                _repeats = last.PhaseRepeats;
                _status = last.Status;
                // The reason and the date belong to the step that set the status, not to a later phase change.
                var setter = before.LastOrDefault(t => t.Kind is TransitionKind.Paused or TransitionKind.StoppedForReview or TransitionKind.Resumed
                    or TransitionKind.Started or TransitionKind.Finished or TransitionKind.Ended or TransitionKind.CarriedOver) ?? last;
                _statusReason = last.Status is ProgramStatus.Paused or ProgramStatus.StoppedForReview ? setter.Reason : null;
                _statusSince = setter.Date;
            }
            _freshFrom = before.LastOrDefault(t => t.Kind == TransitionKind.Resumed)?.Date;
            foreach (var decision in earlier) _latest[decision.ExerciseSlug] = decision;
            // Decisions are made only for workouts the program took in, and on resuming: the last one is the last activity.
            // (A physiotherapist's change is not the patient's activity.)
            var patients = earlier.Where(d => d.WorkoutId is not null || !ByPhysiotherapist.Contains(d.Reasons)).ToList();
            _lastActivity = patients.Count == 0 ? null : patients.Max(d => d.Date);
        }

        public void SaveTo(ProgramEnrollment target)
        {
            target.PhaseIndex = _phaseIndex;
            target.PhaseStartedOn = _phaseStartedOn;
            target.PhaseRepeats = _repeats;
            target.Status = _status;
            target.StatusReason = _statusReason;
            target.StatusSince = _statusSince;
            target.LastActivityOn = _lastActivity;
            target.EndedOn = _status is ProgramStatus.Finished or ProgramStatus.Ended ? _statusSince : null;
        }

        public void Apply(ProgramTransition step)
        {
            switch (step.Kind)
            {
                case TransitionKind.Started:
                    (_phaseIndex, _phaseStartedOn, _repeats, _lastActivity, _freshFrom) = (0, enrollment.StartedOn, 0, null, null);
                    SetStatus(ProgramStatus.Active, null, step.Date);
                    break;
                case TransitionKind.CarriedOver:
                    // A program that ran before decisions were recorded keeps the phase it had reached.
                    (_phaseIndex, _phaseStartedOn, _repeats) = (Math.Clamp(step.PhaseIndex, 0, program.Meta.Phases.Count - 1), step.PhaseStartedOn, step.PhaseRepeats);
                    break;
                case TransitionKind.Paused when _status is ProgramStatus.Active or ProgramStatus.StoppedForReview:
                    SetStatus(ProgramStatus.Paused, step.Reason, step.Date);
                    break;
                case TransitionKind.Paused when _status is ProgramStatus.Paused && MoreUrgent(step.Reason, _statusReason):
                    // A second sign that needs a clinician sooner: its advice is the one to show.
                    SetStatus(ProgramStatus.Paused, step.Reason, step.Date);
                    break;
                case TransitionKind.Resumed when _status is ProgramStatus.Paused or ProgramStatus.StoppedForReview:
                    // A clinician has seen the patient: the pain and phase clocks start again from today, one rung lower.
                    if (_status == ProgramStatus.StoppedForReview) _repeats = 0;
                    (_phaseStartedOn, _freshFrom) = (step.Date, step.Date);
                    SetStatus(ProgramStatus.Active, null, step.Date);
                    foreach (var (item, guide) in PhaseExercises())
                    {
                        var ladder = Ladder(guide);
                        var decision = Engine.StepDownOneRung(ladder, CurrentDose(item, _latest.GetValueOrDefault(item.Slug), _phaseIndex),
                            Reason.ClearedByClinician, "A clinician has seen you and you are carrying on");
                        Record(item.Slug, decision, step.Date, workoutId: null, decision.Next!);
                    }
                    _lastActivity = step.Date;
                    break;
                case TransitionKind.Ended:
                    SetStatus(ProgramStatus.Ended, null, step.Date);
                    break;
            }
            Stamp(step);
        }

        /// <summary>
        /// The physiotherapist's change, recorded as the exercise's decision so /today shows it with the reason: a dose
        /// the engine goes on from, a hold or its release, or another exercise of the ladder in its place.
        /// </summary>
        public void Apply(ClinicianDose set)
        {
            var before = PhaseExercises().ToList();
            // A hold, a release or a swap is in force from its day whatever the program's state, as RestoreBefore
            // keeps it when a later walk starts after it: the record is the same whichever day a walk starts from.
            Keep(set);
            if (_status != ProgramStatus.Active) return;
            if (before.FirstOrDefault(p => p.Item.Slug == set.ExerciseSlug) is not ({ } item, { } guide)) return;
            var ladder = Ladder(guide);
            var current = CurrentDose(item, _latest.GetValueOrDefault(item.Slug), _phaseIndex);
            var title = guide.Meta.Title.ToLowerInvariant();
            switch (set.Change)
            {
                case ClinicianChange.Dose:
                    var dose = set.Dose.ToDose();
                    var kind = dose.IsLowerThan(current) ? DecisionKind.Regress : current.IsLowerThan(dose) ? DecisionKind.Progress : DecisionKind.Hold;
                    Record(item.Slug, new Decision(kind, dose, [Reason.SetByPhysiotherapist], $"Your physiotherapist changed your {title} to {dose.Describe(ladder.Kind)}: \"{set.Reason}\""),
                        set.Date, workoutId: null, dose);
                    break;
                case ClinicianChange.Hold:
                    Record(item.Slug, new Decision(DecisionKind.Hold, current, [Reason.HeldByPhysiotherapist],
                        $"Your physiotherapist is keeping your {title} at {current.Describe(ladder.Kind)} for now: \"{set.Reason}\""), set.Date, workoutId: null, current);
                    break;
                case ClinicianChange.Release:
                    Record(item.Slug, new Decision(DecisionKind.Hold, current, [Reason.SetByPhysiotherapist],
                        $"Your physiotherapist lets your {title} move up again when it goes well: \"{set.Reason}\""), set.Date, workoutId: null, current);
                    break;
                case ClinicianChange.Swap when set.SwapTo is { } to && Library.FindGuide(to) is { } replacement && !before.Any(p => p.Item.Slug == to):
                    var swapped = set.Dose.ToDose();
                    Record(to, new Decision(DecisionKind.Hold, swapped, [Reason.SwappedByPhysiotherapist],
                        $"Your physiotherapist swapped your {title} for the {replacement.Meta.Title.ToLowerInvariant()}, at {swapped.Describe(Ladder(replacement).Kind)}: \"{set.Reason}\""),
                        set.Date, workoutId: null, swapped);
                    break;
            }
        }

        /// <summary>The holds and swaps in force: a hold until its release, a swap for the phase it was made in.</summary>
        private void Keep(ClinicianDose change)
        {
            switch (change.Change)
            {
                case ClinicianChange.Hold: _held[change.ExerciseSlug] = change.Reason; break;
                case ClinicianChange.Release: _held.Remove(change.ExerciseSlug); break;
                case ClinicianChange.Swap: _swaps.Add(change); break;
            }
        }

        public void Apply(Workout workout)
        {
            // Workouts saved while the program was paused, stopped or over, or dated before it began, do not move it.
            if (_status != ProgramStatus.Active || workout.Date < enrollment.StartedOn) return;

            if (_lastActivity is { } last && workout.Date.DayNumber - last.DayNumber > Engine.Options.GapDays)
                ResumeAfterBreak(workout, last);
            _lastActivity = workout.Date;

            var upTo = workouts.IndexOf(workout);
            var peaks = workouts.Take(upTo + 1).Where(Counts).TakeLast(3).Reverse()
                .Select(w => w.Exercises.Max(e => e.PainDuring) ?? 0).ToList();
            var weekly = WeeklyMorningPain(workout.Date, upTo);
            var now = Noon(workout.Date);
            Decision? stop = null;
            foreach (var (item, guide) in PhaseExercises())
            {
                var done = workout.Exercises.Where(e => e.ExerciseSlug == item.Slug).ToList();
                if (done.Count == 0) continue;
                var ladder = Ladder(guide);
                var current = CurrentDose(item, _latest.GetValueOrDefault(item.Slug), _phaseIndex);
                // A machine's weight stack: the first weight the patient enters is their starting weight.
                if (ladder.Kind == LadderKind.Load && guide.Meta.StartingLoadEntered && current.LoadKg == 0
                    && done.SelectMany(e => e.Sets).Select(s => s.LoadKg ?? 0).Where(kg => kg > 0).DefaultIfEmpty(0).Min() is var entered and > 0)
                    current = current with { LoadKg = entered };

                var sessions = Sessions(item.Slug, upTo, current, workout);
                var decision = Engine.Decide(new EngineInput(ladder, current, sessions, enrollment.BaselineMorningPain, [], weekly, now, peaks));
                // A held exercise may still be made easier for pain, never harder.
                if (decision.Kind == DecisionKind.Progress && _held.TryGetValue(item.Slug, out var why))
                    decision = new Decision(DecisionKind.Hold, current, [Reason.HeldByPhysiotherapist],
                        $"That went well, but it stays at {current.Describe(ladder.Kind)}: your physiotherapist is keeping it there for now (\"{why}\").");
                Record(item.Slug, decision, workout.Date, workout.Id, decision.Next ?? current);
                if (decision.Kind == DecisionKind.Stop) stop ??= decision;
            }
            if (stop is not null)
            {
                var reasons = string.Join(',', stop.Reasons);
                SetStatus(ProgramStatus.StoppedForReview, reasons, workout.Date);
                Add(TransitionKind.StoppedForReview, workout, reasons, stop.Message);
                return;
            }
            EndPhaseIfDue(workout, upTo);
        }

        /// <summary>Rule 5 for the whole program: back after a long break, every exercise one rung lower.</summary>
        private void ResumeAfterBreak(Workout workout, DateOnly last)
        {
            foreach (var (item, guide) in PhaseExercises())
            {
                var current = CurrentDose(item, _latest.GetValueOrDefault(item.Slug), _phaseIndex);
                if (Engine.ResumeAfterGap(Ladder(guide), current, last, workout.Date) is { } decision)
                    Record(item.Slug, decision, workout.Date, workoutId: null, decision.Next!);
            }
            var days = workout.Date.DayNumber - last.DayNumber;
            // The pause began the day the break became longer than the rule allows; it is recorded now, when the
            // patient is back, because nothing is written while they are away.
            var pausedOn = last.AddDays(Engine.Options.GapDays + 1);
            var paused = new ProgramTransition
            {
                EnrollmentId = enrollment.Id,
                Date = pausedOn,
                AtUtc = Noon(pausedOn),
                Kind = TransitionKind.PausedForBreak,
                WorkoutId = workout.Id,
                Reason = Reason.Gap,
                Note = $"No workout for more than {Engine.Options.GapDays} days since {last:d MMMM yyyy}.",
            };
            Stamp(paused);
            paused.Status = ProgramStatus.Paused;
            record.Db.ProgramTransitions.Add(paused);
            Add(TransitionKind.ResumedAfterBreak, workout, Reason.Gap, $"Back after {days} days without a workout: every exercise started again one step lower.");
        }

        /// <summary>
        /// A phase is judged at its last planned workout (the next one would fall after its minimum weeks):
        /// once its sessions' next-morning pain is known, it advances (or the program finishes), repeats, or
        /// after two repeats stops for a clinician's review (FACTS 4.3).
        /// </summary>
        private void EndPhaseIfDue(Workout workout, int upTo)
        {
            var phase = Phase;
            var phaseEnd = _phaseStartedOn.AddDays(phase.MinimumWeeks * 7);
            if (workout.Date.AddDays(program.SpacingDays) < phaseEnd) return;

            var now = Noon(workout.Date);
            var exit = new PhaseExitRule(phase.Exit.GreenWorkouts, phase.Exit.MinSets, phase.Exit.MinReps);
            // A held exercise is the physiotherapist's to move: the phase is judged on the others.
            var exercises = PhaseExercises().Where(pair => !_held.ContainsKey(pair.Item.Slug)).Select(pair => (pair.Item, Exercise: new PhaseExercise(Ladder(pair.Guide).Kind,
                [.. Sessions(pair.Item.Slug, upTo, null, null).Where(s => s.Date >= _phaseStartedOn)
                    .Select(s => new ClassifiedSession(s.Prescribed, Engine.Classify(s, enrollment.BaselineMorningPain, now)))]))).ToList();
            if (exercises.Count == 0 || exercises.Any(e => PhaseEvaluator.AwaitsMorningPain(e.Exercise, exit))) return;

            var weeks = (workout.Date.AddDays(program.SpacingDays).DayNumber - _phaseStartedOn.DayNumber) / 7;
            var outcome = PhaseEvaluator.Evaluate(new PhaseProgress(phase.MinimumWeeks, weeks, exit, _repeats, [.. exercises.Select(e => e.Exercise)]));
            var missed = string.Join(", ", exercises.Where(e => !PhaseEvaluator.MeetsExit(e.Exercise, exit)).Select(e => Library.FindGuide(e.Item.Slug)?.Meta.Title ?? e.Item.Slug));
            switch (outcome)
            {
                case PhaseOutcome.Advance when _phaseIndex == program.Meta.Phases.Count - 1:
                    SetStatus(ProgramStatus.Finished, null, workout.Date);
                    Add(TransitionKind.Finished, workout, "PHASE_EXIT_MET", $"The last phase, \"{phase.Name}\", is done: the program is finished.");
                    break;
                case PhaseOutcome.Advance:
                    (_phaseIndex, _phaseStartedOn, _repeats) = (_phaseIndex + 1, workout.Date.AddDays(1), 0);
                    Add(TransitionKind.PhaseAdvanced, workout, "PHASE_EXIT_MET", $"Phase \"{phase.Name}\" is done: on to \"{Phase.Name}\".");
                    KeepHeldIntoPhase(workout.Date);
                    break;
                case PhaseOutcome.Repeat:
                    (_phaseStartedOn, _repeats) = (workout.Date.AddDays(1), _repeats + 1);
                    Add(TransitionKind.PhaseRepeated, workout, "PHASE_EXIT_NOT_MET",
                        $"Phase \"{phase.Name}\" starts again: not yet {exit.GreenWorkouts} good workouts in a row at the phase's target for {missed}. Each exercise carries on from where it is.");
                    break;
                case PhaseOutcome.Review:
                    SetStatus(ProgramStatus.StoppedForReview, "PHASE_REVIEW", workout.Date);
                    Add(TransitionKind.StoppedForReview, workout, "PHASE_REVIEW",
                        $"Phase \"{phase.Name}\" has not gone to plan three times ({missed}): a physiotherapist or GP should check that the exercises suit your knee before you carry on.");
                    break;
            }
        }

        /// <summary>A held exercise that goes on into the next phase stays at its dose, not the phase's starting dose.</summary>
        private void KeepHeldIntoPhase(DateOnly date)
        {
            foreach (var (item, guide) in PhaseExercises())
            {
                if (!_held.TryGetValue(item.Slug, out var why) || _latest.GetValueOrDefault(item.Slug) is not { } latest) continue;
                var kept = latest.Next.ToDose();
                Record(item.Slug, new Decision(DecisionKind.Hold, kept, [Reason.HeldByPhysiotherapist],
                    $"Stays at {kept.Describe(Ladder(guide).Kind)} in the new phase: your physiotherapist is keeping it there for now (\"{why}\")."), date, workoutId: null, kept);
            }
        }

        private static bool MoreUrgent(string? code, string? than) =>
            RedFlagScreen.Find(code ?? "") is { } sign && (RedFlagScreen.Find(than ?? "") is not { } current || sign.Urgency < current.Urgency);

        private IEnumerable<(ProgramExercise Item, ExerciseGuide Guide)> PhaseExercises() =>
            ExercisesOf(Phase, _phaseIndex, _swaps, Library).Select(item => (item, Library.FindGuide(item.Slug))).Where(p => p.Item2 is not null).Select(p => (p.item, p.Item2!));

        /// <summary>
        /// The exercise's sessions in this program up to the workout at <paramref name="upTo"/>, newest first, one per
        /// workout (for a one-leg exercise the side that did worse speaks for the workout). A session is judged
        /// against what the server prescribed that day; an entry without a valid prescription (an exercise the
        /// patient added, or data from before prescriptions were checked) is judged against the current dose.
        /// </summary>
        private List<LoggedSession> Sessions(string slug, int upTo, Dose? current, Workout? adopting)
        {
            var sessions = new List<LoggedSession>();
            for (var i = upTo; i >= 0 && sessions.Count < SessionsPerExercise; i--)
            {
                var workout = workouts[i];
                if (!Counts(workout)) break;
                var entries = workout.Exercises.Where(e => e.ExerciseSlug == slug).ToList();
                if (entries.Count == 0) continue;
                var fallback = current ?? _latest.GetValueOrDefault(slug)?.Next.ToDose() ?? new Dose(1, 1);
                // The other leg's pain may be empty: it counts as the worst pain given for the exercise.
                var worst = entries.Max(e => e.PainDuring) ?? 0;
                var entry = entries.OrderByDescending(e => e.PainDuring ?? worst).ThenBy(e => Completion(e, fallback)).First();
                var prescribed = entry.Prescribed?.ToDose() is { } p && IsValid(p) ? p : fallback;
                if (workout == adopting && current is not null && prescribed.LoadKg == 0) prescribed = prescribed with { LoadKg = current.LoadKg };
                var holds = entry.Sets.Where(s => s.HoldSeconds is not null).Select(s => s.HoldSeconds!.Value).ToList();
                sessions.Add(new LoggedSession(
                    workout.Date,
                    Noon(workout.Date),
                    prescribed,
                    [.. entry.Sets.OrderBy(s => s.Number).Select(s => s.Reps)],
                    holds.Count == 0 ? null : holds.Min(),
                    Math.Clamp(entry.PainDuring ?? worst, 0, 10),
                    workout.PainNextMorning is { } m ? Math.Clamp(m, 0, 10) : null,
                    entries.All(e => e.FormOk)));
            }
            return sessions;
        }

        /// <summary>A workout the rules look back on: in the program, and after the last all-clear.</summary>
        private bool Counts(Workout workout) => workout.Date >= enrollment.StartedOn && (_freshFrom is not { } fresh || workout.Date >= fresh);

        private static bool IsValid(Dose dose) =>
            dose is { Sets: >= 1 and <= 20, Reps: >= 1 and <= 200, HoldSeconds: >= 0 and <= 600, Level: >= 1 and <= 10 }
            && dose.LoadKg is >= 0 and <= 500;

        private static double Completion(WorkoutExercise entry, Dose fallback)
        {
            var volume = entry.Prescribed?.ToDose() is { } p && IsValid(p) ? p.Volume : fallback.Volume;
            return volume > 0 ? entry.TotalReps / (double)volume : 1;
        }

        /// <summary>Mean next-morning pain of the last three 7-day windows up to the day, newest first, stopping at the first empty window.</summary>
        private List<double> WeeklyMorningPain(DateOnly day, int upTo)
        {
            var pains = workouts.Take(upTo + 1).Where(w => Counts(w) && w.Date > day.AddDays(-21) && w.PainNextMorning is not null).ToList();
            var means = new List<double>();
            for (var week = 0; week < 3; week++)
            {
                var end = day.AddDays(-7 * week);
                var inWeek = pains.Where(w => w.Date <= end && w.Date > end.AddDays(-7)).Select(w => (double)Math.Clamp(w.PainNextMorning!.Value, 0, 10)).ToList();
                if (inWeek.Count == 0) break;
                means.Add(inWeek.Average());
            }
            return means;
        }

        private void Record(string slug, Decision decision, DateOnly date, int? workoutId, Dose next)
        {
            var row = new ProgramDecision
            {
                EnrollmentId = enrollment.Id,
                WorkoutId = workoutId,
                Date = date,
                PhaseIndex = _phaseIndex,
                ExerciseSlug = slug,
                Kind = decision.Kind,
                Next = next.ToPrescription(),
                Reasons = string.Join(',', decision.Reasons),
                Message = decision.Message.Length > 600 ? decision.Message[..600] : decision.Message,
                RestDay = decision.RestDay,
            };
            record.Db.ProgramDecisions.Add(row);
            _latest[slug] = row;
        }

        private void SetStatus(ProgramStatus status, string? reason, DateOnly since) => (_status, _statusReason, _statusSince) = (status, reason, since);

        private void Add(TransitionKind kind, Workout workout, string reason, string note)
        {
            var step = new ProgramTransition
            {
                EnrollmentId = enrollment.Id,
                Date = workout.Date,
                AtUtc = workout.CreatedUtc,
                Kind = kind,
                WorkoutId = workout.Id,
                Reason = reason,
                Note = note,
            };
            Stamp(step);
            record.Db.ProgramTransitions.Add(step);
        }

        /// <summary>Writes the program's state after the step onto it: the record of where the program stood.</summary>
        private void Stamp(ProgramTransition step)
        {
            step.PhaseIndex = _phaseIndex;
            step.PhaseStartedOn = _phaseStartedOn;
            step.PhaseRepeats = _repeats;
            step.Status = _status;
        }
    }
}
