using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Outcomes;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Progress;

/// <summary>
/// A one-page summary for a clinician, styled for print ("Print → Save as PDF"): the program and where
/// the patient is in it, adherence, the dose reached per exercise, pain and PSFS trends, and the engine's
/// current decisions with any red-flag stop.
/// </summary>
public class ReportModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TodayPlanner planner, TimeProvider clock, MilestoneRecord milestones) : PageModel
{
    public ProgressReport Report { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Report = await ProgressReport.BuildAsync(db, content, planner, clock, milestones, users.GetUserId(User)!);
}

/// <summary>The report's figures for one user; shown to the patient and, through a share link, to their physiotherapist.</summary>
public sealed class ProgressReport
{
    public sealed record ExerciseLine(string Title, string Reached, int Sessions);

    /// <summary>One entry of "since the last report": a decision that changed a dose, a step of the program, a milestone reached.</summary>
    public sealed record Change(DateOnly Date, string Text);

    /// <summary>
    /// The most days the report lists (a line each), so that it stays one printed page: 5 since the last report, 3 when
    /// no report was opened yet (the program's record has the rest).
    /// </summary>
    public const int MostChanges = 5;

    public const int MostChangesSinceStart = 3;

    public DateOnly Today { get; private set; }

    public TodayPlan? Plan { get; private set; }

    public Adherence? Adherence { get; private set; }

    public IReadOnlyList<ExerciseLine> Exercises { get; private set; } = [];

    public IReadOnlyList<ChangeReading> Readings { get; private set; } = [];

    public (DateOnly Date, int Average, int Worst)? FirstCheckIn { get; private set; }

    public (DateOnly Date, int Average, int Worst)? LatestCheckIn { get; private set; }

    /// <summary>The activity score on the same activities, and each activity by name against its own first score.</summary>
    public PsfsComparison ActivityScore { get; private set; } = PsfsComparison.None;

    public int Workouts { get; private set; }

    /// <summary>What the patient wants to get back to, and their age band, as they said when the program started.</summary>
    public string? Goal { get; private set; }

    public AgeBand? AgeBand { get; private set; }

    /// <summary>The home tests in plain words (the first and latest chair stands, the latest step-downs of both legs).</summary>
    public IReadOnlyList<string> HomeTestSentences { get; private set; } = [];

    /// <summary>The patient's latest program's milestones: reached, the next with its open criteria, and the later ones.</summary>
    public MilestoneStanding? Milestones { get; private set; }

    /// <summary>
    /// The day "since the last report" starts: the last time a physiotherapist opened one of the patient's share links,
    /// or the day the latest program started when none was opened (<see cref="SinceLastView"/> false).
    /// </summary>
    public DateOnly? ChangesSince { get; private set; }

    public bool SinceLastView { get; private set; }

    /// <summary>Oldest first: dose changes, the program's steps and milestones reached since <see cref="ChangesSince"/>.</summary>
    public IReadOnlyList<Change> Changes { get; private set; } = [];

    /// <summary>Older days of the period left out of <see cref="Changes"/>; and the decisions that kept a dose.</summary>
    public int ChangesLeftOut { get; private set; }

    public int Holds { get; private set; }

    public static async Task<ProgressReport> BuildAsync(KneeRehabDbContext db, ContentLibrary content, TodayPlanner planner, TimeProvider clock, MilestoneRecord milestones, string userId)
    {
        var report = new ProgressReport();
        await report.LoadAsync(db, content, planner, clock, userId);
        await report.LoadChangesAsync(db, content, milestones, userId);
        return report;
    }

    private async Task LoadChangesAsync(KneeRehabDbContext db, ContentLibrary content, MilestoneRecord milestones, string userId)
    {
        var enrollment = await db.Enrollments.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.Id).FirstOrDefaultAsync();
        if (enrollment is null) return;
        Milestones = await milestones.StandingAsync(userId, Today);

        var lastView = await db.Set<ShareLinkView>().Where(v => db.ShareLinks.Any(l => l.Id == v.ShareLinkId && l.UserId == userId))
            .MaxAsync(v => (DateTime?)v.ViewedUtc);
        var zone = WorkoutDates.FindZone(await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleAsync());
        SinceLastView = lastView is not null;
        var since = lastView is { } viewed ? DateOnly.FromDateTime(WorkoutDates.InZone(viewed, zone)) : enrollment.StartedOn;
        ChangesSince = since;

        var program = await db.FindProgramAsync(content.Current, enrollment.ProgramSlug);
        var decisions = db.ProgramDecisions.AsNoTracking().Where(d => d.EnrollmentId == enrollment.Id && d.Date >= since);
        Holds = await decisions.CountAsync(d => d.Kind == DecisionKind.Hold);
        var changed = decisions.Where(d => d.Kind != DecisionKind.Hold);
        var changedCount = await changed.CountAsync();
        // A dose change in a few words ("Wall squat moves up a step (now 3×12 (level 2))"): the full reasons are on the record.
        var entries = (await changed.OrderByDescending(d => d.Id).Take(MostChanges * 20).ToListAsync())
            .Select(d => new Change(d.Date, DoseChange(content.Current.FindGuide(d.ExerciseSlug), d)))
            .ToList();
        var steps = await db.ProgramTransitions.AsNoTracking().Where(t => t.EnrollmentId == enrollment.Id && t.Date >= since)
            .OrderByDescending(t => t.Date).ThenByDescending(t => t.Id).Take(MostChanges).ToListAsync();
        entries.AddRange(steps.Where(t => t.Kind != TransitionKind.Started).Select(t => new Change(t.Date,
            $"{t.Kind.InWords()}{(program is not null && t.PhaseIndex < program.Meta.Phases.Count ? $" (phase {t.PhaseIndex + 1}, \"{program.Meta.Phases[t.PhaseIndex].Name}\")" : "")}")));
        var reached = await db.MilestonesReached.AsNoTracking().Where(m => m.EnrollmentId == enrollment.Id && m.ReachedOn >= since).ToListAsync();
        entries.AddRange(reached.Select(m => new Change(m.ReachedOn, $"Milestone reached: {m.Activity}")));

        // One line a day, the newest days; the days left out are counted.
        var days = entries.GroupBy(e => e.Date).OrderByDescending(g => g.Key).ToList();
        var shown = SinceLastView ? MostChanges : MostChangesSinceStart;
        Changes = [.. days.Take(shown).Reverse().Select(g => new Change(g.Key, string.Join("; ", g.Select(e => e.Text)) + "."))];
        ChangesLeftOut = Math.Max(0, days.Count - shown) + (changedCount > MostChanges * 20 ? 1 : 0);
    }

    private static string DoseChange(ExerciseGuide? guide, ProgramDecision decision)
    {
        var title = guide?.Meta.Title ?? decision.ExerciseSlug;
        if (decision.Kind == DecisionKind.Stop) return $"{title} {decision.Kind.InWords()}";
        var ladder = guide is null ? LadderKind.Reps : ProgramRecord.Ladder(guide).Kind;
        return $"{title} {decision.Kind.InWords()} (now {decision.Next.ToDose().Describe(ladder)})";
    }

    private async Task LoadAsync(KneeRehabDbContext db, ContentLibrary content, TodayPlanner planner, TimeProvider clock, string userId)
    {
        Plan = await planner.PlanAsync(userId);
        var about = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Goal, u.GoalDetail, u.AgeBand }).SingleAsync();
        (Goal, AgeBand) = (AboutMe.GoalText(about.Goal, about.GoalDetail), about.AgeBand);
        Today = Plan?.Today ?? await planner.TodayForAsync(userId);
        var since = Plan?.Enrollment.StartedOn ?? DateOnly.MinValue;

        // Counted in SQL and one seek per exercise for the dose it reached: no set of older workouts is loaded.
        var mine = db.WorkoutExercises.AsNoTracking().Where(e => e.UserId == userId && e.Date >= since);
        Workouts = await db.Workouts.CountAsync(w => w.UserId == userId && w.Date >= since);
        var sessions = await mine.GroupBy(e => e.ExerciseSlug)
            .Select(g => new { Slug = g.Key, Sessions = g.Select(e => e.WorkoutId).Distinct().Count() })
            .ToListAsync();
        var lines = new List<ExerciseLine>();
        foreach (var exercise in sessions)
        {
            var last = await mine.Where(e => e.ExerciseSlug == exercise.Slug)
                .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
                .Include(e => e.Sets)
                .FirstAsync();
            var guide = content.Current.FindGuide(exercise.Slug);
            var reached = $"{last.Sets.Count} × {(last.Sets.Count == 0 ? 0 : last.Sets.Max(s => s.Reps))}"
                + (last.Sets.Any(s => s.HoldSeconds > 0) ? $", {last.Sets.Max(s => s.HoldSeconds)} s hold" : "")
                + (last.Sets.Any(s => s.LoadKg > 0) ? $", {last.Sets.Max(s => s.LoadKg):0.#} kg" : "")
                + (last.Level is { } level && guide is not null && level <= guide.Meta.LevelSteps.Count ? $", {guide.Meta.LevelSteps[level - 1]}" : "");
            lines.Add(new ExerciseLine(guide?.Meta.Title ?? exercise.Slug, reached, exercise.Sessions));
        }
        Exercises = [.. lines.OrderBy(l => l.Title, StringComparer.OrdinalIgnoreCase)];

        // The first and latest check-ins only: the report's cost does not grow with years of weekly check-ins (the
        // activity ratings, a few every 4 weeks, are read as numbers).
        var ends = await OutcomeCheckIn.ReadEndsAsync(db, userId);
        if (ends is { First: { } first, Latest: { } latest })
        {
            FirstCheckIn = (first.Date, first.AveragePain, first.WorstPain);
            LatestCheckIn = (latest.Date, latest.AveragePain, latest.WorstPain);
        }
        ActivityScore = PsfsComparison.Of(await OutcomeCheckIn.ReadPsfsAsync(db, userId));
        Readings = ends.Readings(ActivityScore);

        // Three seeks: the first and latest chair stands, the latest step-downs of both legs.
        var tested = db.CheckIns.AsNoTracking().Where(c => c.UserId == userId);
        var results = new List<HomeTestResult>();
        foreach (var pick in new[]
        {
            tested.Where(c => c.ChairStands != null).OrderBy(c => c.Date),
            tested.Where(c => c.ChairStands != null).OrderByDescending(c => c.Date),
            tested.Where(c => c.StepDownsLeft != null && c.StepDownsRight != null).OrderByDescending(c => c.Date),
        })
        {
            if (await pick.Select(c => new HomeTestResult(c.Date, c.ChairStands, c.StepDownsLeft, c.StepDownsRight)).FirstOrDefaultAsync() is { } result
                && !results.Contains(result))
                results.Add(result);
        }
        var knee = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.AffectedKnee).SingleAsync();
        HomeTestSentences = HomeTests.Describe([.. results.OrderBy(r => r.Date)],
            knee switch { Side.Left => true, Side.Right => false, _ => null }, date => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));

        if (Plan is not null)
        {
            var planned = Plan.Program.PlannedDays(Plan.Enrollment.StartedOn, Today);
            var done = await db.Workouts.AsNoTracking().Where(w => w.UserId == userId && w.EnrollmentId == Plan.Enrollment.Id).Select(w => w.Date).ToListAsync();
            Adherence = Outcomes.Adherence.Calculate(planned, done, Plan.Enrollment.StartedOn, Today, Today);
        }
    }
}
