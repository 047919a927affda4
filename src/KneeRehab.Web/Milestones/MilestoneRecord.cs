using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Outcomes;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Milestones;

/// <summary>
/// Records the milestones a patient reaches, once, in the save that met their last criterion: a workout, an edit, a
/// next-morning pain (all through <see cref="Programs.ProgramRecord"/>) or a check-in. Pages read the record and
/// evaluate the open criteria of the next rung with the same <see cref="MilestoneLadder"/>; they never write.
/// The evidence is a few bounded queries (the last 10 workouts, two weeks of mornings, the latest check-ins), so the
/// cost does not grow with a patient's years of data.
/// </summary>
public sealed class MilestoneRecord(KneeRehabDbContext db, ContentLibrary content, ProgressionEngine engine)
{
    /// <summary>Records the rungs that open now for <paramref name="enrollment"/>, as of <paramref name="today"/>.</summary>
    public async Task UpdateAsync(ProgramEnrollment enrollment, DateOnly today)
    {
        if (enrollment.Status == ProgramStatus.Ended || await db.FindProgramAsync(content.Current, enrollment.ProgramSlug) is not { } program || program.Meta.Milestones.Count == 0) return;
        var reached = await ReachedAsync(enrollment.Id);
        var goal = await GoalAsync(enrollment.UserId);
        var evidence = await EvidenceAsync(enrollment, program, today);
        foreach (var (index, activity) in MilestoneLadder.NewlyReached(program.Meta, goal, evidence, reached, engine.Options))
            db.MilestonesReached.Add(new MilestoneReached { EnrollmentId = enrollment.Id, Rung = index, Activity = activity, ReachedOn = today });
        await db.SaveChangesAsync();
    }

    /// <summary>After a check-in: the patient's latest program, unless it was ended.</summary>
    public async Task UpdateLatestAsync(string userId, DateOnly today)
    {
        if (await LatestAsync(userId, tracked: true) is { } enrollment)
        {
            await PatientLock.TakeAsync(db, userId);
            await UpdateAsync(enrollment, today);
        }
    }

    /// <summary>Where the patient stands on their latest program's ladder; null without a program that has milestones.</summary>
    public async Task<MilestoneStanding?> StandingAsync(string userId, DateOnly today) =>
        await LatestAsync(userId, tracked: false) is { } enrollment ? await StandingAsync(enrollment, today) : null;

    public async Task<MilestoneStanding?> StandingAsync(ProgramEnrollment enrollment, DateOnly today)
    {
        if (await db.FindProgramAsync(content.Current, enrollment.ProgramSlug) is not { } program || program.Meta.Milestones.Count == 0) return null;
        var evidence = await EvidenceAsync(enrollment, program, today);
        return MilestoneLadder.Evaluate(program.Meta, await GoalAsync(enrollment.UserId), evidence, await ReachedAsync(enrollment.Id), engine.Options);
    }

    /// <summary>The standing with the patient's goal in words, for Pages/Shared/_Milestones.cshtml; null without milestones.</summary>
    public async Task<MilestonePanel?> PanelAsync(ProgramEnrollment enrollment, DateOnly today, bool compact)
    {
        if (await StandingAsync(enrollment, today) is not { } standing) return null;
        var about = await db.Users.Where(u => u.Id == enrollment.UserId).Select(u => new { u.Goal, u.GoalDetail }).SingleAsync();
        return new MilestonePanel(standing, AboutMe.GoalText(about.Goal, about.GoalDetail), compact);
    }

    /// <summary>The panel of the patient's latest program (unless ended).</summary>
    public async Task<MilestonePanel?> PanelAsync(string userId, DateOnly today, bool compact) =>
        await LatestAsync(userId, tracked: false) is { } enrollment ? await PanelAsync(enrollment, today, compact) : null;

    /// <summary>The latest program, whatever its state, unless the patient ended it (then there is nothing to climb).</summary>
    private async Task<ProgramEnrollment?> LatestAsync(string userId, bool tracked)
    {
        var mine = db.Enrollments.Where(e => e.UserId == userId);
        var latest = await (tracked ? mine : mine.AsNoTracking()).OrderByDescending(e => e.Id).FirstOrDefaultAsync();
        return latest is { Status: not ProgramStatus.Ended } ? latest : null;
    }

    private async Task<Dictionary<int, DateOnly>> ReachedAsync(int enrollmentId) =>
        await db.MilestonesReached.AsNoTracking().Where(m => m.EnrollmentId == enrollmentId).ToDictionaryAsync(m => m.Rung, m => m.ReachedOn);

    private async Task<string?> GoalAsync(string userId) =>
        MilestoneLadder.GoalKey(await db.Users.Where(u => u.Id == userId).Select(u => u.Goal).SingleOrDefaultAsync());

    private async Task<MilestoneEvidence> EvidenceAsync(ProgramEnrollment enrollment, TrainingProgram program, DateOnly today)
    {
        var workouts = db.Workouts.AsNoTracking().Where(w => w.EnrollmentId == enrollment.Id && w.UserId == enrollment.UserId && w.Date <= today);
        var recent = await workouts
            .OrderByDescending(w => w.Date).ThenByDescending(w => w.CreatedUtc).ThenByDescending(w => w.Id)
            .Take(MilestoneLadder.WorkoutsLookedAt)
            .Select(w => new WorkoutPain(w.Date, w.Exercises.Max(e => e.PainDuring), w.PainNextMorning))
            .ToListAsync();
        var twoWeeksAgo = today.AddDays(-14);
        var weekAgo = today.AddDays(-7);
        var mornings = await workouts.Where(w => w.Date > twoWeeksAgo && w.PainNextMorning != null)
            .Select(w => new { w.Date, Pain = w.PainNextMorning!.Value }).ToListAsync();

        var checkIns = db.CheckIns.AsNoTracking().Where(c => c.UserId == enrollment.UserId && c.Date <= today);
        var goal = await checkIns.Where(c => c.Psfs.Any())
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)
            .Select(c => new { c.Date, First = c.Psfs.OrderBy(p => p.Id).Select(p => new { p.Activity, p.Score }).First() })
            .FirstOrDefaultAsync();
        var steps = await checkIns.Where(c => c.StepDownsLeft != null && c.StepDownsRight != null)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)
            .Select(c => new { c.Date, Left = c.StepDownsLeft, Right = c.StepDownsRight })
            .FirstOrDefaultAsync();
        var knee = await db.Users.Where(u => u.Id == enrollment.UserId).Select(u => u.AffectedKnee).SingleOrDefaultAsync();
        var symmetry = steps is null ? null : knee switch
        {
            Side.Left => HomeTests.Symmetry(steps.Left, steps.Right),
            Side.Right => HomeTests.Symmetry(steps.Right, steps.Left),
            _ => null,
        };

        return new MilestoneEvidence
        {
            Today = today,
            ProgramStartedOn = enrollment.StartedOn,
            RecentWorkouts = recent,
            BaselineMorningPain = enrollment.BaselineMorningPain,
            MorningPainThisWeek = Mean(mornings.Where(m => m.Date > weekAgo).Select(m => m.Pain)),
            MorningPainWeekBefore = Mean(mornings.Where(m => m.Date <= weekAgo).Select(m => m.Pain)),
            GoalActivity = goal is null ? null : (goal.First.Activity, goal.First.Score, goal.Date),
            StepDownSymmetry = symmetry is { } percent ? (percent, steps!.Date) : null,
            PainfulKneeUnknown = knee is null,
            BothKneesPainful = knee == Side.Both,
            PhaseNumber = enrollment.PhaseIndex + 1,
            PhaseNames = [.. program.Meta.Phases.Select(p => p.Name)],
            ProgramFinished = enrollment.Status == ProgramStatus.Finished,
            OnHold = enrollment.Status is ProgramStatus.Paused or ProgramStatus.StoppedForReview,
        };
    }

    private static double? Mean(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
