using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Outcomes;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Programs;

/// <summary>
/// The moment a program is finished: what the patient achieved (each exercise's dose at the start and at the
/// end, pain and PSFS first and latest, adherence), what to keep doing, and what to do next. Read from the record.
/// </summary>
public class FinishedModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, MilestoneRecord milestones, TimeProvider clock) : PageModel
{
    public sealed record ExerciseChange(string Slug, string Title, string Start, string Now, bool Kept);

    public TrainingProgram Program { get; private set; } = null!;

    public ProgramEnrollment Enrollment { get; private set; } = null!;

    public IReadOnlyList<ExerciseChange> Exercises { get; private set; } = [];

    public OutcomeCheckIn? FirstCheckIn { get; private set; }

    public OutcomeCheckIn? LatestCheckIn { get; private set; }

    public Outcomes.PsfsComparison ActivityScore { get; private set; } = Outcomes.PsfsComparison.None;


    public double? FirstPsfs { get; private set; }

    public double? LatestPsfs { get; private set; }

    public Adherence? Adherence { get; private set; }

    /// <summary>The milestones reached in this program, and those still open.</summary>
    public MilestonePanel? Milestones { get; private set; }

    /// <summary>What to do next: the programs offered after this one, or for the patient's goal.</summary>
    public IReadOnlyList<ProgramSuggestions.Suggestion> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var userId = users.GetUserId(User)!;
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.UserId == userId && e.Status == ProgramStatus.Finished);
        if (enrollment is null || await db.FindProgramAsync(content.Current, enrollment.ProgramSlug) is not { } program) return NotFound();
        Enrollment = enrollment;
        Program = program;
        var finishedOn = enrollment.EndedOn ?? enrollment.StartedOn;

        var decisions = await db.ProgramDecisions.AsNoTracking().Where(d => d.EnrollmentId == id).OrderBy(d => d.Id).ToListAsync();
        var firstPrescribed = await db.WorkoutExercises.AsNoTracking()
            .Where(e => e.UserId == userId && e.Workout!.EnrollmentId == id)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new { e.ExerciseSlug, e.Prescribed })
            .ToListAsync();
        firstPrescribed.RemoveAll(e => e.Prescribed is null);
        // The last phase as the patient did it: with any swap their physiotherapist made in it.
        var last = program.Meta.Phases.Count - 1;
        var swaps = await ProgramRecord.SwapsInAsync(db, id, last);
        var lastPhase = ProgramRecord.ExercisesOf(program.Meta.Phases[last], last, swaps, content.Current).Select(e => e.Slug).ToHashSet();
        Exercises = [.. decisions.Select(d => d.ExerciseSlug).Distinct().Select(slug =>
        {
            var guide = content.Current.FindGuide(slug);
            var kind = guide is null ? LadderKind.Reps : ProgramRecord.Ladder(guide).Kind;
            var start = firstPrescribed.FirstOrDefault(e => e.ExerciseSlug == slug)?.Prescribed?.ToDose().Describe(kind) ?? "–";
            var now = decisions.Last(d => d.ExerciseSlug == slug).Next.ToDose().Describe(kind);
            return new ExerciseChange(slug, guide?.Meta.Title ?? slug, start, now, lastPhase.Contains(slug));
        })];

        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.UserId == userId && c.Date >= enrollment.StartedOn && c.Date <= finishedOn)
            .OrderBy(c => c.Date).Include(c => c.Psfs).ToListAsync();
        FirstCheckIn = checkIns.FirstOrDefault();
        LatestCheckIn = checkIns.Count > 1 ? checkIns[^1] : null;
        // The activity score on the same activities only, and each activity against its own first score.
        ActivityScore = Outcomes.PsfsComparison.Of([.. checkIns.Where(c => c.Psfs.Count > 0).Select(c => c.AsPsfsCheckIn())]);
        FirstPsfs = ActivityScore.From?.Score;
        LatestPsfs = ActivityScore.Latest?.Score;

        var done = await db.Workouts.AsNoTracking().Where(w => w.UserId == userId && w.EnrollmentId == id).Select(w => w.Date).ToListAsync();
        Adherence = Outcomes.Adherence.Calculate(program.PlannedDays(enrollment.StartedOn, finishedOn), done, enrollment.StartedOn, finishedOn, finishedOn);

        var today = await db.TodayForAsync(clock, userId);
        Milestones = await milestones.PanelAsync(enrollment, today, compact: false);
        var goal = await db.Users.Where(u => u.Id == userId).Select(u => u.Goal).SingleAsync();
        Suggestions = ProgramSuggestions.For(content.Current, program.Slug, MilestoneLadder.GoalKey(goal));
        return Page();
    }
}
