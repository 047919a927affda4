using System.Globalization;
using KneeRehab.Web.Content;
using KneeRehab.Web.Training;

namespace KneeRehab.Web.Milestones;

/// <summary>One program workout as the milestone criteria see it: its highest pain during exercise and the next morning's pain.</summary>
public sealed record WorkoutPain(DateOnly Date, int? HighestPainDuring, int? PainNextMorning);

/// <summary>
/// Everything the criteria look at, read in a few bounded queries (<see cref="MilestoneRecord"/>): the program's last
/// workouts, two weeks of morning pain, the latest check-in's goal activity and step-down test, and where the program stands.
/// </summary>
public sealed record MilestoneEvidence
{
    public required DateOnly Today { get; init; }

    public required DateOnly ProgramStartedOn { get; init; }

    /// <summary>Newest first; at most <see cref="MilestoneLadder.WorkoutsLookedAt"/>.</summary>
    public required IReadOnlyList<WorkoutPain> RecentWorkouts { get; init; }

    public required int BaselineMorningPain { get; init; }

    /// <summary>Mean next-morning pain of the workouts of the last 7 days, and of the 7 days before; null when none was logged.</summary>
    public double? MorningPainThisWeek { get; init; }

    public double? MorningPainWeekBefore { get; init; }

    /// <summary>The first activity of the latest activity check-in: the one the check-in asks for as "the one you most want back".</summary>
    public (string Activity, int Score, DateOnly Date)? GoalActivity { get; init; }

    /// <summary>The latest step-down test: the painful leg's count as a percentage of the other's.</summary>
    public (int Percent, DateOnly Date)? StepDownSymmetry { get; init; }

    /// <summary>True when the patient has not said which knee hurts; false also when both do (nothing to compare).</summary>
    public bool PainfulKneeUnknown { get; init; }

    public bool BothKneesPainful { get; init; }

    /// <summary>The program's phase, from 1, and the names of its phases.</summary>
    public required int PhaseNumber { get; init; }

    public required IReadOnlyList<string> PhaseNames { get; init; }

    public required bool ProgramFinished { get; init; }

    /// <summary>Paused for a warning sign or stopped for a review: no rung opens until a clinician has seen the knee.</summary>
    public required bool OnHold { get; init; }
}

/// <summary>One criterion of a rung, evaluated: met or not, and what it needs in plain words with the patient's own figures.</summary>
public sealed record CriterionStanding(bool Met, string Text, string Source, bool ProjectChoice)
{
    /// <summary>The source as the pages cite it, saying that the figure is the project's choice unless the source says so already.</summary>
    public string Cited => ProjectChoice && !Source.Contains("choice", StringComparison.OrdinalIgnoreCase) ? $"{Source}; the figure is KneeRehab's choice" : Source;
}

/// <summary>A rung of the ladder for this patient: reached (and when) or not, with each criterion's standing.</summary>
public sealed record RungStanding(int Index, string Activity, DateOnly? ReachedOn, IReadOnlyList<CriterionStanding> Criteria)
{
    public bool Reached => ReachedOn is not null;

    /// <summary>Every criterion is met but the rung is not recorded yet: it opens with the next save (a workout, a morning pain, a check-in).</summary>
    public bool Ready => !Reached && Criteria.All(c => c.Met);

    public IEnumerable<CriterionStanding> Open => Criteria.Where(c => !c.Met);
}

/// <summary>Where a patient stands on their program's milestone ladder.</summary>
public sealed record MilestoneStanding(string ProgramTitle, string ProgramSlug, IReadOnlyList<RungStanding> Rungs, bool OnHold)
{
    public IReadOnlyList<RungStanding> Reached => [.. Rungs.Where(r => r.Reached)];

    /// <summary>The lowest rung not reached yet: the one to work towards.</summary>
    public RungStanding? Next => Rungs.FirstOrDefault(r => !r.Reached);

    public IReadOnlyList<RungStanding> Later => Next is { } next ? [.. Rungs.Where(r => !r.Reached && r.Index > next.Index)] : [];

    /// <summary>The answer to "when can I go back?" in one sentence.</summary>
    public string Summary
    {
        get
        {
            if (Next is not { } next) return Rungs.Count == 0 ? "This program has no milestones for your goal." : $"You have reached every milestone of {ProgramTitle}.";
            if (OnHold) return $"Your milestones wait while the program is on hold: see a clinician first. Next: {next.Activity}.";
            if (next.Ready) return $"Next: {next.Activity}. Every criterion is met: it opens with your next workout or check-in.";
            var open = next.Open.Count();
            return $"Next: {next.Activity}. {open} of its {next.Criteria.Count} criteria {(open == 1 ? "is" : "are")} still open.";
        }
    }
}

/// <summary>
/// Evaluates a program's milestone ladder (content: <c>milestones:</c>) against a patient's evidence. Pure: the
/// record (<see cref="MilestoneRecord"/>) decides at save time which rungs opened; pages use the same evaluation to
/// show the open criteria. Rungs are climbed in order, one at a time, as in the pain-monitoring model used with
/// adolescents with kneecap pain (Rathleff 2019: an activity goes up a level only while the current one is pain-free).
/// </summary>
public static class MilestoneLadder
{
    /// <summary>The most workouts a criterion may look at (content allows 1-10).</summary>
    public const int WorkoutsLookedAt = 10;

    /// <summary>"running", "sport", ...: the goal as content names it in <c>for_goals</c>.</summary>
    public static string? GoalKey(Data.GoalActivity? goal) => goal switch
    {
        null => null,
        Data.GoalActivity.StairsAndWalking => "stairs-and-walking",
        { } known => known.ToString().ToLowerInvariant(),
    };

    /// <summary>The rungs for a patient with this goal, with their places in the ladder; every rung while the goal is not known.</summary>
    public static IEnumerable<(int Index, MilestoneRung Rung)> RungsFor(ProgramFrontMatter program, string? goal) =>
        program.Milestones.Select((rung, index) => (index, rung))
            .Where(r => goal is null || r.rung.ForGoals.Count == 0 || r.rung.ForGoals.Contains(goal));

    public static MilestoneStanding Evaluate(ProgramFrontMatter program, string? goal, MilestoneEvidence evidence, IReadOnlyDictionary<int, DateOnly> reached, ProgressionOptions options)
    {
        var rungs = new List<RungStanding>();
        // The rung before: its activity and the day it was reached (null while it is not: a later rung waits for it).
        var previous = (Activity: (string?)null, Date: (DateOnly?)evidence.ProgramStartedOn);
        foreach (var (index, rung) in RungsFor(program, goal).Concat(ReachedOutsideGoal(program, goal, reached)).OrderBy(r => r.Index))
        {
            var criteria = rung.Criteria.Select(c => Evaluate(c, evidence, previous, options)).ToList();
            var reachedOn = reached.TryGetValue(index, out var date) ? date : (DateOnly?)null;
            rungs.Add(new RungStanding(index, rung.Activity, reachedOn, criteria));
            previous = (rung.Activity, reachedOn);
        }
        return new MilestoneStanding(program.Title, program.Slug, rungs, evidence.OnHold);
    }

    /// <summary>A rung reached under an earlier goal stays on the record.</summary>
    private static IEnumerable<(int Index, MilestoneRung Rung)> ReachedOutsideGoal(ProgramFrontMatter program, string? goal, IReadOnlyDictionary<int, DateOnly> reached) =>
        reached.Keys.Where(i => i < program.Milestones.Count)
            .Select(i => (i, program.Milestones[i]))
            .Where(r => goal is not null && r.Item2.ForGoals.Count > 0 && !r.Item2.ForGoals.Contains(goal));

    /// <summary>
    /// The rungs that open now, in order: the next rung opens when every criterion is met, then the one after it is
    /// judged with the first counted as reached today (so "days since the previous" holds it back).
    /// </summary>
    public static IReadOnlyList<(int Index, string Activity)> NewlyReached(ProgramFrontMatter program, string? goal, MilestoneEvidence evidence, IReadOnlyDictionary<int, DateOnly> reached, ProgressionOptions options)
    {
        var opened = new List<(int, string)>();
        if (evidence.OnHold) return opened;
        var record = new Dictionary<int, DateOnly>(reached);
        while (Evaluate(program, goal, evidence, record, options).Next is { Ready: true } next)
        {
            record[next.Index] = evidence.Today;
            opened.Add((next.Index, next.Activity));
        }
        return opened;
    }

    private static CriterionStanding Evaluate(MilestoneCriterionSpec spec, MilestoneEvidence evidence, (string? Activity, DateOnly? Date) previous, ProgressionOptions options)
    {
        var (met, text) = spec.Kind switch
        {
            MilestoneCriterionSpec.PainDuringAtMost => PainDuring(evidence, (int)spec.Value, spec.Workouts),
            MilestoneCriterionSpec.MorningSettled => MorningSettled(evidence, spec.Workouts, options),
            MilestoneCriterionSpec.NoWeeklyRise => NoWeeklyRise(evidence, options),
            MilestoneCriterionSpec.GoalActivityAtLeast => GoalActivity(evidence, (int)spec.Value),
            MilestoneCriterionSpec.StepDownSymmetryAtLeast => StepDowns(evidence, (int)spec.Value),
            MilestoneCriterionSpec.DaysSincePrevious => DaysSince(evidence, (int)spec.Value, previous),
            MilestoneCriterionSpec.PhaseReached => Phase(evidence, (int)spec.Value),
            MilestoneCriterionSpec.ProgramFinished => evidence.ProgramFinished
                ? (true, "The program is finished.")
                : (false, "Finish the program: every phase done."),
            _ => throw new ArgumentException($"Unknown milestone criterion '{spec.Kind}'.", nameof(spec)),
        };
        return new CriterionStanding(met, text, spec.Source, spec.ProjectChoice);
    }

    private static string Workouts(int count) => count == 1 ? "1 workout" : $"{count} workouts";

    private static (bool, string) PainDuring(MilestoneEvidence evidence, int max, int workouts)
    {
        var streak = evidence.RecentWorkouts.TakeWhile(w => w.HighestPainDuring is { } pain && pain <= max).Count();
        if (streak >= workouts) return (true, $"Pain during exercise at {max}/10 or less in your last {Workouts(workouts)}.");
        var last = evidence.RecentWorkouts.FirstOrDefault(w => w.HighestPainDuring is not null);
        var why = streak == 0 && last?.HighestPainDuring is { } pain ? $" Your last workout reached {pain}/10." : "";
        return (false, $"Pain during exercise at {max}/10 or less in {Workouts(workouts)} in a row: {streak} so far.{why}");
    }

    private static (bool, string) MorningSettled(MilestoneEvidence evidence, int workouts, ProgressionOptions options)
    {
        var settledAt = evidence.BaselineMorningPain + options.SettledRise;
        var streak = evidence.RecentWorkouts.TakeWhile(w => w.PainNextMorning is { } pain && pain <= settledAt).Count();
        var usual = $"your usual {evidence.BaselineMorningPain}/10 (or 1 point above)";
        if (streak >= workouts) return (true, $"Your knee back to {usual} the morning after your last {Workouts(workouts)}.");
        var pending = evidence.RecentWorkouts is [{ PainNextMorning: null }, ..] ? " The morning after your last workout is still to be logged." : "";
        return (false, $"Your knee back to {usual} the morning after {Workouts(workouts)} in a row: {streak} so far.{pending}");
    }

    private static (bool, string) NoWeeklyRise(MilestoneEvidence evidence, ProgressionOptions options)
    {
        if (evidence.MorningPainThisWeek is not { } now)
            return (false, "Morning pain not rising from week to week: log how your knee is the morning after your workouts this week.");
        if (evidence.MorningPainWeekBefore is not { } before)
            return (true, $"Morning pain not rising from week to week: {Mean(now)}/10 on average this week, with no earlier week to compare.");
        // The engine's weekly-rise rule, with its tolerance for decimals (ProgressionEngine.RoseByWeeklyRise).
        return now - before >= options.WeeklyRise - 1e-9
            ? (false, $"Morning pain not rising from week to week: it rose from {Mean(before)} to {Mean(now)}/10 on average this week.")
            : (true, $"Morning pain not rising from week to week: {Mean(now)}/10 on average this week, {Mean(before)}/10 the week before.");
    }

    private static string Mean(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static (bool, string) GoalActivity(MilestoneEvidence evidence, int atLeast)
    {
        if (evidence.GoalActivity is not var (activity, score, date))
            return (false, $"Your goal activity rated {atLeast}/10 or more: rate it first on your 4-weekly check-in (the activity you most want back).");
        var on = date.ToString("d MMM", CultureInfo.InvariantCulture);
        return score >= atLeast
            ? (true, $"Your goal activity, \"{activity}\", rated {score}/10 on {on} (needs {atLeast}).")
            : (false, $"Your goal activity, \"{activity}\", rated {atLeast}/10 or more: {score}/10 on {on}.");
    }

    private static (bool, string) StepDowns(MilestoneEvidence evidence, int atLeast)
    {
        if (evidence.BothKneesPainful) return (true, "Step-downs: both knees hurt, so the legs are not compared.");
        if (evidence.PainfulKneeUnknown)
            return (false, $"Step-downs on the painful leg at {atLeast}% of the other: say which knee hurts in Account, then do the step-down test on your check-in.");
        if (evidence.StepDownSymmetry is not var (percent, date))
            return (false, $"Step-downs on the painful leg at {atLeast}% of the other or more: do the step-down test on your 4-weekly check-in.");
        var on = date.ToString("d MMM", CultureInfo.InvariantCulture);
        return percent >= atLeast
            ? (true, $"Step-downs on the painful leg at {percent}% of the other on {on} (needs {atLeast}%).")
            : (false, $"Step-downs on the painful leg at {atLeast}% of the other or more: {percent}% on {on}.");
    }

    private static (bool, string) DaysSince(MilestoneEvidence evidence, int days, (string? Activity, DateOnly? Date) previous)
    {
        if (previous.Date is not { } from) return (false, $"At least {days} days after \"{previous.Activity}\" opens.");
        var since = previous.Activity is null ? "since the program started" : $"at the step before (\"{previous.Activity}\")";
        var passed = evidence.Today.DayNumber - from.DayNumber;
        return passed >= days
            ? (true, $"At least {days} days {since}.")
            : (false, $"At least {days} days {since}: {days - passed} more to go.");
    }

    private static (bool, string) Phase(MilestoneEvidence evidence, int phase)
    {
        var name = phase <= evidence.PhaseNames.Count ? $" (\"{evidence.PhaseNames[phase - 1]}\")" : "";
        return evidence.ProgramFinished || evidence.PhaseNumber >= phase
            ? (true, $"Phase {phase} of the program{name} reached.")
            : (false, $"Reach phase {phase} of the program{name}: you are in phase {evidence.PhaseNumber}.");
    }
}
