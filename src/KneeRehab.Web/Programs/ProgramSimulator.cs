using System.Globalization;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Training;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Programs;

/// <summary>The kinds of virtual patient the simulator can walk through a program.</summary>
public enum PatientKind
{
    /// <summary>Every workout as prescribed, pain 1, the knee settled every morning.</summary>
    Steady,

    /// <summary>Steady, but in week 3 a painful workout (6/10) and two sore ones (5/10) with raised morning pain.</summary>
    Flare,

    /// <summary>Does about 80% of the prescribed reps.</summary>
    Slow,

    /// <summary>Steady, but misses two and a half weeks from week 3.</summary>
    Gappy,

    /// <summary>Steady, but reports a locking knee in week 3.</summary>
    RedFlag,

    /// <summary>Steady, but one workout a week is a bad-knee day.</summary>
    BadDays,
}

public enum SimulationOutcome
{
    Finished,
    Stopped,
    NotFinished,
}

/// <summary>One simulated week: the phase, the pains, the decisions and each exercise's dose at its end.</summary>
public sealed record SimulatedWeek(int Week, string Phase, int Workouts, int? MaxPain, double? MorningPain, int Progressed, int Held, int SteppedDown, IReadOnlyList<string> Doses);

/// <summary>How a program would unfold before a physiotherapist assigns it: a steady and a flaring virtual patient.</summary>
public sealed record ProgramPreview(TrainingProgram Program, IReadOnlyList<SimulationResult> Patients);

public sealed record SimulationResult(
    string ProgramSlug,
    PatientKind Patient,
    SimulationOutcome Outcome,
    int Weeks,
    string? Reason,
    IReadOnlyList<SimulatedWeek> Table,
    IReadOnlyList<ProgramDecision> Decisions,
    IReadOnlyList<ProgramTransition> Transitions,
    IReadOnlyList<Workout> Workouts,
    IReadOnlyList<MilestoneReached> Milestones)
{
    /// <summary>The command's last line: "result: finished in 6 weeks", "result: stopped (...) in week 3", "result: not finished after 20 weeks".</summary>
    public string Summary => Outcome switch
    {
        SimulationOutcome.Finished => $"result: finished in {Weeks} weeks",
        SimulationOutcome.Stopped => $"result: stopped ({Reason}) in week {Weeks}",
        _ => $"result: not finished after {Weeks} weeks",
    };
}

/// <summary>
/// Walks a virtual patient through a program day by day on a simulated calendar, with the app's own code: a
/// real SQLite database with the app's migrations, <see cref="TodayPlanner"/> to read what is due and build
/// today's form, and <see cref="ProgramRecord"/> to record the decisions when the workout and the next-morning
/// pain are saved, exactly as /today does. A physiotherapist runs it before publishing a program
/// (<c>dotnet run --project src/KneeRehab.Web -- simulate runners-knee --patient steady</c>).
/// </summary>
public sealed class ProgramSimulator(ContentLibrary content, ProgressionOptions options)
{
    public const int BaselineMorningPain = 2;

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public Task<SimulationResult> RunAsync(string programSlug, PatientKind patient, int weeks, int seed) =>
        RunAsync(content.Current.FindProgram(programSlug) ?? throw new ArgumentException($"No program '{programSlug}'.", nameof(programSlug)), patient, weeks, seed);

    /// <summary>The preview a physiotherapist sees: steady, then a flare in week 3, over half as long again as the program plans.</summary>
    public async Task<ProgramPreview> PreviewAsync(TrainingProgram program)
    {
        var weeks = (int)Math.Ceiling(program.Meta.Weeks * 1.5) + 2;
        return new(program, [await RunAsync(program, PatientKind.Steady, weeks, seed: 1), await RunAsync(program, PatientKind.Flare, weeks, seed: 1)]);
    }

    /// <summary>Walks any program, one of content's or one being built in the clinic (kept in the throwaway database only).</summary>
    public async Task<SimulationResult> RunAsync(TrainingProgram program, PatientKind patient, int weeks, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("kneerehab-simulation-");
        var connection = $"Data Source={Path.Combine(folder.FullName, "simulation.db")};Pooling=False";
        try
        {
            await using var db = SqliteDbContext.Open(connection);
            await db.Database.MigrateAsync();
            if (content.Current.FindProgram(program.Slug) is null)
            {
                db.ClinicPrograms.Add(new ClinicProgram { Slug = program.Slug, Title = program.Meta.Title, Definition = FrontMatterReader.Write(program.Meta) });
                await db.SaveChangesAsync();
            }
            return await new Run(db, content, new ProgressionEngine(options), program, patient, weeks, new Random(seed)).WalkAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = Start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Run(KneeRehabDbContext db, ContentLibrary content, ProgressionEngine engine, TrainingProgram program, PatientKind patient, int weeks, Random random)
    {
        private readonly Clock _clock = new();
        private readonly List<SimulatedWeek> _table = [];
        private string _userId = "";

        private TodayPlanner Planner => new(db, content, engine, _clock);

        private ProgramRecord Record => new(db, content, engine);

        public async Task<SimulationResult> WalkAsync()
        {
            var user = new ApplicationUser { UserName = "virtual-patient", Email = "virtual-patient@example.test", AffectedKnee = AffectedKnee };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            _userId = user.Id;
            var enrollment = new ProgramEnrollment
            {
                UserId = user.Id,
                ProgramSlug = program.Slug,
                StartedOn = DateOnly.FromDateTime(Start.UtcDateTime),
                PhaseStartedOn = DateOnly.FromDateTime(Start.UtcDateTime),
                BaselineMorningPain = BaselineMorningPain,
            };
            db.Enrollments.Add(enrollment);
            await db.SaveChangesAsync();
            await Record.StartAsync(enrollment, Start.UtcDateTime);

            var badDaysDone = new HashSet<int>();
            (SimulationOutcome Outcome, int Week, string? Reason)? end = null;
            for (var day = 0; day < weeks * 7 && end is null; day++)
            {
                var week = day / 7 + 1;
                var away = patient == PatientKind.Gappy && day is >= 15 and < 33;
                db.ChangeTracker.Clear();

                // Morning: the next-morning question, answered as this patient feels.
                _clock.Now = Start.AddDays(day).AddHours(7);
                var plan = await Planner.PlanAsync(_userId);
                if (!away && plan?.AwaitingMorningPain is { } awaiting)
                {
                    var workout = await db.Workouts.SingleAsync(w => w.Id == awaiting.Id);
                    await Pages.Today.IndexModel.SaveMorningPainAsync(db, Record, workout, MorningPain(awaiting.Date.DayNumber - Today(0).DayNumber));
                }
                if (!away && day % 7 == 0) await CheckInAsync(day);
                if (patient == PatientKind.RedFlag && day == 16)
                {
                    var flag = RedFlagScreen.Find("B_LOCKING")!;
                    var tracked = await db.Enrollments.SingleAsync(e => e.Id == enrollment.Id);
                    await Record.AddPatientStepAsync(tracked, TransitionKind.Paused, Today(day), _clock.UtcNow(), flag.Code, flag.Question);
                }

                // Evening: today's workout, when one is due.
                _clock.Now = Start.AddDays(day).AddHours(18);
                plan = await Planner.PlanAsync(_userId);
                if (!away && plan is { IsDue: true })
                {
                    var badKneeDay = patient == PatientKind.BadDays && badDaysDone.Add(week);
                    await SaveWorkoutAsync(plan, day, badKneeDay);
                }

                var state = await db.Enrollments.AsNoTracking().SingleAsync(e => e.Id == enrollment.Id);
                end = state.Status switch
                {
                    ProgramStatus.Finished => (SimulationOutcome.Finished, week, null),
                    ProgramStatus.Paused => (SimulationOutcome.Stopped, week, $"warning sign {state.StatusReason}: {RedFlagScreen.Advice(RedFlagScreen.Find(state.StatusReason!)!.Urgency)}"),
                    ProgramStatus.StoppedForReview => (SimulationOutcome.Stopped, week, $"review: {state.StatusReason}"),
                    _ => null,
                };
                if (day % 7 == 6 || end is not null) await AddWeekAsync(enrollment.Id, week);
            }

            var (outcome, lastWeek, reason) = end ?? (SimulationOutcome.NotFinished, weeks, null);
            return new SimulationResult(program.Slug, patient, outcome, lastWeek, reason, _table,
                await db.ProgramDecisions.AsNoTracking().Where(d => d.EnrollmentId == enrollment.Id).OrderBy(d => d.Id).ToListAsync(),
                await db.ProgramTransitions.AsNoTracking().Where(t => t.EnrollmentId == enrollment.Id).OrderBy(t => t.Date).ThenBy(t => t.AtUtc).ToListAsync(),
                await db.Workouts.AsNoTracking().Where(w => w.UserId == _userId).Include(w => w.Exercises).ThenInclude(e => e.Sets).OrderBy(w => w.Date).ToListAsync(),
                await db.MilestonesReached.AsNoTracking().Where(m => m.EnrollmentId == enrollment.Id).OrderBy(m => m.Rung).ToListAsync());
        }

        /// <summary>
        /// The weekly check-in, as /progress/checkin saves it; every 4 weeks with the activities (the goal activity
        /// first, rising 2 points a time to 9) and the step-down test, the painful leg catching up with the other
        /// (80% of it in week 1, 90% in week 5, level in week 9). Milestones are judged with it, as on the page.
        /// </summary>
        private async Task CheckInAsync(int day)
        {
            var round = day / 28;
            var fourWeekly = day % 28 == 0;
            db.CheckIns.Add(new OutcomeCheckIn
            {
                UserId = _userId,
                Date = Today(day),
                AveragePain = InFlare(day - 1) ? 4 : 2,
                WorstPain = InFlare(day - 1) ? 6 : 3,
                GlobalRatingOfChange = fourWeekly && round > 0 ? 2 : null,
                StepDownsLeft = fourWeekly ? 20 : null,
                StepDownsRight = fourWeekly ? Math.Min(20, 16 + 2 * round) : null,
                Psfs = fourWeekly ? [new PsfsRating { Activity = "running", Score = Math.Min(9, 5 + 2 * round) }, new PsfsRating { Activity = "stairs", Score = Math.Min(9, 6 + round) }, new PsfsRating { Activity = "squatting", Score = Math.Min(9, 5 + round) }] : [],
            });
            await db.SaveChangesAsync();
            await new MilestoneRecord(db, content, engine).UpdateLatestAsync(_userId, Today(day));
        }

        /// <summary>Every virtual patient's problem knee: one-leg exercises are logged with pain for this side only.</summary>
        private const Side AffectedKnee = Side.Right;

        private static DateOnly Today(int day) => DateOnly.FromDateTime(Start.AddDays(day).UtcDateTime);

        /// <summary>The flare: three workouts from day 14 hurt, and the mornings after them are sore.</summary>
        private bool InFlare(int day) => patient == PatientKind.Flare && day is >= 14 and <= 19;

        private int MorningPain(int workoutDay) => !InFlare(workoutDay) ? BaselineMorningPain : workoutDay <= 15 ? BaselineMorningPain + 3 : BaselineMorningPain + 2;

        private int PainDuring(int day) => !InFlare(day) ? 1 : day <= 15 ? 6 : 5;

        /// <summary>What /today does when the patient presses Save: the form as prescribed, as this patient filled it in.</summary>
        private async Task SaveWorkoutAsync(TodayPlan plan, int day, bool badKneeDay)
        {
            var form = plan.Form(badKneeDay, engine.Options, WeightUnit.Kilograms);
            for (var i = 0; i < form.Exercises.Count; i++)
            {
                var entry = form.Exercises[i];
                // Pain for the affected knee; like most patients, the other leg's optional box is left empty.
                entry.PainDuring = form.PainIsOptional(i, AffectedKnee) ? null : PainDuring(day);
                var guide = content.Current.FindGuide(entry.Slug)!;
                foreach (var set in entry.Sets)
                {
                    if (patient == PatientKind.Slow) set.Reps = Math.Max(1, (int)Math.Round(set.Reps!.Value * (0.7 + 0.2 * random.NextDouble())));
                    // A machine's first weight is the patient's to choose: one they could lift about 15 times.
                    if (guide.Meta.StartingLoadEntered && set.Load is null) set.Load = 40;
                }
            }
            var enrollment = await db.Enrollments.SingleAsync(e => e.Id == plan.Enrollment.Id);
            var workout = form.ToWorkout(_userId, WeightUnit.Kilograms, _clock.UtcNow(), enrollment.Id, (slug, _) => plan.Prescribed(slug, badKneeDay, engine.Options));
            await Record.SaveWorkoutAsync(workout, enrollment);
        }

        private async Task AddWeekAsync(int enrollmentId, int week)
        {
            var from = Today((week - 1) * 7);
            var to = Today(week * 7 - 1);
            var workouts = await db.Workouts.AsNoTracking().Where(w => w.EnrollmentId == enrollmentId && w.Date >= from && w.Date <= to)
                .Include(w => w.Exercises).ToListAsync();
            var decisions = await db.ProgramDecisions.AsNoTracking().Where(d => d.EnrollmentId == enrollmentId && d.Date >= from && d.Date <= to).ToListAsync();
            var state = await db.Enrollments.AsNoTracking().SingleAsync(e => e.Id == enrollmentId);
            var phase = program.Meta.Phases[state.PhaseIndex];
            var latest = await db.ProgramDecisions.AsNoTracking().Where(d => d.EnrollmentId == enrollmentId).OrderBy(d => d.Id).ToListAsync();
            var doses = phase.Exercises.Select(item =>
            {
                var guide = content.Current.FindGuide(item.Slug);
                var dose = ProgramRecord.CurrentDose(item, latest.LastOrDefault(d => d.ExerciseSlug == item.Slug), state.PhaseIndex);
                return $"{item.Slug} {dose.Describe(guide is null ? LadderKind.Reps : ProgramRecord.Ladder(guide).Kind)}";
            }).ToList();
            var mornings = workouts.Where(w => w.PainNextMorning is not null).Select(w => (double)w.PainNextMorning!.Value).ToList();
            _table.Add(new SimulatedWeek(week, $"{state.PhaseIndex + 1} {phase.Name}", workouts.Count,
                workouts.SelectMany(w => w.Exercises).Max(e => e.PainDuring),
                mornings.Count == 0 ? null : mornings.Average(),
                decisions.Count(d => d.Kind == DecisionKind.Progress),
                decisions.Count(d => d.Kind == DecisionKind.Hold),
                decisions.Count(d => d.Kind == DecisionKind.Regress),
                doses));
        }
    }

    /// <summary>The week-by-week table and the result line, as the command prints them.</summary>
    public static string Format(SimulationResult result)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{result.ProgramSlug}, patient {result.Patient.ToString().ToLowerInvariant()}");
        text.AppendLine("week | phase | workouts | worst pain | morning pain | up / same / down | doses at the end of the week");
        foreach (var week in result.Table)
        {
            var morning = week.MorningPain is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "-";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{week.Week} | {week.Phase} | {week.Workouts} | {week.MaxPain?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {morning} | {week.Progressed} / {week.Held} / {week.SteppedDown} | {string.Join("; ", week.Doses)}");
        }
        foreach (var step in result.Transitions.Where(t => t.Kind != TransitionKind.Started))
            text.AppendLine(CultureInfo.InvariantCulture, $"{step.Date:yyyy-MM-dd} {step.Kind}: {step.Note}");
        foreach (var milestone in result.Milestones)
            text.AppendLine(CultureInfo.InvariantCulture, $"{milestone.ReachedOn:yyyy-MM-dd} milestone reached: {milestone.Activity}");
        text.Append(result.Summary);
        return text.ToString();
    }
}
