using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Training;
using static KneeRehab.Web.Content.MilestoneCriterionSpec;

namespace KneeRehab.Tests.Milestones;

/// <summary>Each milestone criterion met and open, in the words the patient reads, and the ladder climbed one rung at a time.</summary>
public class MilestoneLadderTests
{
    private static readonly DateOnly Day = new(2026, 5, 4);
    private static readonly ProgressionOptions Options = new();

    private static MilestoneCriterionSpec Criterion(string kind, double value = 0, int workouts = 0, bool choice = false) =>
        new() { Kind = kind, Value = value, Workouts = workouts, Source = "test source", ProjectChoice = choice };

    private static ProgramFrontMatter Program(params MilestoneRung[] rungs) => new()
    {
        Slug = "test",
        Title = "Test program",
        Summary = "s",
        Audience = [],
        Weeks = 6,
        WorkoutsPerWeek = 3,
        Phases = [Phase("Start"), Phase("Build"), Phase("Finish")],
        Sources = [],
        Milestones = rungs,
    };

    private static ProgramPhase Phase(string name) => new()
    {
        Name = name, FirstWeek = 1, LastWeek = 2, Exercises = [], Exit = new PhaseExit { MinSets = 3, MinReps = 10, Description = "d" },
    };

    private static MilestoneRung Rung(string activity, IReadOnlyList<string>? goals = null, params MilestoneCriterionSpec[] criteria) =>
        new() { Activity = activity, ForGoals = goals ?? [], Criteria = criteria };

    private static MilestoneEvidence Evidence(params WorkoutPain[] newestFirst) => new()
    {
        Today = Day,
        ProgramStartedOn = Day.AddDays(-20),
        RecentWorkouts = newestFirst,
        BaselineMorningPain = 2,
        PhaseNumber = 1,
        PhaseNames = ["Start", "Build", "Finish"],
        ProgramFinished = false,
        OnHold = false,
    };

    private static CriterionStanding Judge(MilestoneCriterionSpec criterion, MilestoneEvidence evidence, IReadOnlyDictionary<int, DateOnly>? reached = null) =>
        MilestoneLadder.Evaluate(Program(Rung("Walk", null, criterion)), null, evidence, reached ?? new Dictionary<int, DateOnly>(), Options).Rungs[0].Criteria[0];

    private static WorkoutPain W(int daysAgo, int? pain, int? morning = 2) => new(Day.AddDays(-daysAgo), pain, morning);

    [Fact]
    public void Pain_during_counts_the_latest_workouts_in_a_row_at_or_below_the_threshold()
    {
        var rule = Criterion(PainDuringAtMost, 3, 3);

        Assert.Equal(new CriterionStanding(true, "Pain during exercise at 3/10 or less in your last 3 workouts.", "test source", false),
            Judge(rule, Evidence(W(0, 3), W(2, 1), W(4, 0), W(6, 8))));
        Assert.Equal("Pain during exercise at 3/10 or less in 3 workouts in a row: 2 so far.",
            Judge(rule, Evidence(W(0, 2), W(2, 1), W(4, 4))).Text);
        var hurt = Judge(rule, Evidence(W(0, 5), W(2, 1), W(4, 1)));
        Assert.False(hurt.Met);
        Assert.Equal("Pain during exercise at 3/10 or less in 3 workouts in a row: 0 so far. Your last workout reached 5/10.", hurt.Text);
    }

    [Fact]
    public void Morning_settled_needs_each_next_morning_logged_and_back_to_the_usual_pain_or_one_above()
    {
        var rule = Criterion(MorningSettled, workouts: 2);

        Assert.True(Judge(rule, Evidence(W(0, 1, morning: 3), W(2, 1, morning: 2))).Met);
        Assert.Equal("Your knee back to your usual 2/10 (or 1 point above) the morning after 2 workouts in a row: 0 so far. The morning after your last workout is still to be logged.",
            Judge(rule, Evidence(W(0, 1, morning: null), W(2, 1, morning: 2))).Text);
        Assert.Equal("Your knee back to your usual 2/10 (or 1 point above) the morning after 2 workouts in a row: 1 so far.",
            Judge(rule, Evidence(W(0, 1, morning: 2), W(2, 1, morning: 4))).Text);
    }

    [Fact]
    public void No_weekly_rise_uses_the_engines_rise_of_one_point_and_needs_a_morning_this_week()
    {
        var rule = Criterion(NoWeeklyRise);
        MilestoneEvidence Weeks(double? now, double? before) => Evidence() with { MorningPainThisWeek = now, MorningPainWeekBefore = before };

        Assert.Equal("Morning pain not rising from week to week: it rose from 2 to 3/10 on average this week.", Judge(rule, Weeks(3.0, 2.0)).Text);
        Assert.False(Judge(rule, Weeks(3.0, 2.0)).Met);
        Assert.True(Judge(rule, Weeks(2.9, 2.0)).Met);
        Assert.True(Judge(rule, Weeks(2.0, null)).Met);
        Assert.False(Judge(rule, Weeks(null, 2.0)).Met);
    }

    [Fact]
    public void The_goal_activity_is_the_first_activity_of_the_latest_check_in()
    {
        var rule = Criterion(GoalActivityAtLeast, 8, choice: true);

        Assert.Equal(new CriterionStanding(false, "Your goal activity, \"football\", rated 8/10 or more: 6/10 on 1 May.", "test source", true),
            Judge(rule, Evidence() with { GoalActivity = ("football", 6, new DateOnly(2026, 5, 1)) }));
        Assert.True(Judge(rule, Evidence() with { GoalActivity = ("football", 8, new DateOnly(2026, 5, 1)) }).Met);
        Assert.Contains("rate it first on your 4-weekly check-in", Judge(rule, Evidence()).Text);
    }

    [Fact]
    public void Step_down_symmetry_compares_the_painful_leg_and_says_what_is_missing()
    {
        var rule = Criterion(StepDownSymmetryAtLeast, 90);

        Assert.Equal("Step-downs on the painful leg at 90% of the other or more: 85% on 1 May.",
            Judge(rule, Evidence() with { StepDownSymmetry = (85, new DateOnly(2026, 5, 1)) }).Text);
        Assert.True(Judge(rule, Evidence() with { StepDownSymmetry = (90, new DateOnly(2026, 5, 1)) }).Met);
        Assert.Contains("say which knee hurts", Judge(rule, Evidence() with { PainfulKneeUnknown = true }).Text);
        Assert.True(Judge(rule, Evidence() with { BothKneesPainful = true }).Met);
        Assert.False(Judge(rule, Evidence()).Met);
    }

    [Fact]
    public void Phase_and_finish_criteria_follow_the_program()
    {
        Assert.Equal("Reach phase 2 of the program (\"Build\"): you are in phase 1.", Judge(Criterion(PhaseReached, 2), Evidence()).Text);
        Assert.True(Judge(Criterion(PhaseReached, 2), Evidence() with { PhaseNumber = 3 }).Met);
        Assert.False(Judge(Criterion(ProgramFinished), Evidence() with { PhaseNumber = 3 }).Met);
        Assert.True(Judge(Criterion(ProgramFinished), Evidence() with { ProgramFinished = true }).Met);
    }

    [Fact]
    public void The_ladder_opens_one_rung_at_a_time_and_days_since_the_previous_hold_the_next_back()
    {
        var program = Program(
            Rung("Walk 30 minutes", null, Criterion(PainDuringAtMost, 3, 2)),
            Rung("Jog and walk", null, Criterion(PainDuringAtMost, 3, 2), Criterion(DaysSincePrevious, 7)),
            Rung("Run 20 minutes", null, Criterion(DaysSincePrevious, 7)));
        var evidence = Evidence(W(0, 1), W(2, 1));

        var opened = MilestoneLadder.NewlyReached(program, null, evidence, new Dictionary<int, DateOnly>(), Options);
        Assert.Equal([(0, "Walk 30 minutes")], opened);

        // A week later the next rung opens, and only that one.
        var reached = new Dictionary<int, DateOnly> { [0] = Day };
        var standing = MilestoneLadder.Evaluate(program, null, evidence, reached, Options);
        Assert.Equal("Jog and walk", standing.Next!.Activity);
        Assert.Equal("At least 7 days at the step before (\"Walk 30 minutes\"): 7 more to go.", standing.Next.Open.Single().Text);
        Assert.Equal("Next: Jog and walk. 1 of its 2 criteria is still open.", standing.Summary);
        Assert.Equal("At least 7 days after \"Jog and walk\" opens.", standing.Later.Single().Criteria.Single().Text);
        Assert.Equal("test source", standing.Next.Criteria[0].Cited);
        Assert.Equal("test source; the figure is KneeRehab's choice", (standing.Next.Criteria[0] with { ProjectChoice = true }).Cited);
        Assert.Equal("KneeRehab (project choice)", (standing.Next.Criteria[0] with { ProjectChoice = true, Source = "KneeRehab (project choice)" }).Cited);
        var weekLater = evidence with { Today = Day.AddDays(7) };
        Assert.Equal([(1, "Jog and walk")], MilestoneLadder.NewlyReached(program, null, weekLater, reached, Options));

        // On hold for a warning sign: nothing opens, and the summary says to see a clinician.
        var onHold = weekLater with { OnHold = true };
        Assert.Empty(MilestoneLadder.NewlyReached(program, null, onHold, reached, Options));
        Assert.StartsWith("Your milestones wait while the program is on hold", MilestoneLadder.Evaluate(program, null, onHold, reached, Options).Summary);
    }

    [Fact]
    public void Rungs_for_other_goals_are_left_out_but_a_rung_reached_under_an_earlier_goal_stays()
    {
        var program = Program(
            Rung("Walk", null, Criterion(PainDuringAtMost, 3, 1)),
            Rung("Stairs", ["stairs-and-walking"], Criterion(PainDuringAtMost, 3, 1)),
            Rung("Match", ["sport"], Criterion(ProgramFinished)));

        Assert.Equal(["Walk", "Match"], MilestoneLadder.Evaluate(program, "sport", Evidence(), new Dictionary<int, DateOnly>(), Options).Rungs.Select(r => r.Activity));
        Assert.Equal(["Walk", "Stairs", "Match"], MilestoneLadder.Evaluate(program, null, Evidence(), new Dictionary<int, DateOnly>(), Options).Rungs.Select(r => r.Activity));
        var reachedStairs = new Dictionary<int, DateOnly> { [0] = Day, [1] = Day };
        var standing = MilestoneLadder.Evaluate(program, "sport", Evidence(), reachedStairs, Options);
        Assert.Equal(["Walk", "Stairs", "Match"], standing.Rungs.Select(r => r.Activity));
        Assert.Equal("Match", standing.Next!.Activity);
        Assert.Equal("sport", MilestoneLadder.GoalKey(GoalActivity.Sport));
        Assert.Equal("stairs-and-walking", MilestoneLadder.GoalKey(GoalActivity.StairsAndWalking));
    }
}
