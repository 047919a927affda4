using KneeRehab.Web.Training;

namespace KneeRehab.Tests.Training;

/// <summary>When a program phase ends (FACTS 4.3).</summary>
public class PhaseEvaluatorTests
{
    private static readonly PhaseExitRule Exit = new();
    private static readonly Dose ThreeByTen = new(3, 10, HoldSeconds: 3);

    private static ClassifiedSession Green(Dose? dose = null) => new(dose ?? ThreeByTen, SessionClass.Green);

    private static ClassifiedSession Amber() => new(ThreeByTen, SessionClass.Amber);

    private static PhaseExercise Exercise(params ClassifiedSession[] newestFirst) => new(LadderKind.Reps, newestFirst);

    private static readonly PhaseExercise Met = Exercise(Green(), Green());
    private static readonly PhaseExercise NotMet = Exercise(Green(), Amber());

    private static PhaseOutcome Evaluate(int weeks, int repeated, params PhaseExercise[] exercises) =>
        PhaseEvaluator.Evaluate(new PhaseProgress(MinimumWeeks: 2, WeeksInPhase: weeks, Exit, repeated, exercises));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Advance_when_every_exercise_meets_the_criterion_and_the_minimum_weeks_have_passed(int weeks) =>
        Assert.Equal(PhaseOutcome.Advance, Evaluate(weeks, 0, Met, Met, Exercise(Green(), Green(), Amber())));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Stay_while_the_minimum_weeks_have_not_passed_even_with_the_criterion_met(int weeks)
    {
        Assert.Equal(PhaseOutcome.Stay, Evaluate(weeks, 0, Met));
        Assert.Equal(PhaseOutcome.Stay, Evaluate(weeks, 0, NotMet));
        Assert.Equal(PhaseOutcome.Stay, Evaluate(weeks, 2, NotMet));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Repeat_when_the_weeks_are_over_and_one_exercise_misses_the_criterion(int repeated) =>
        Assert.Equal(PhaseOutcome.Repeat, Evaluate(2, repeated, Met, NotMet));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Review_instead_of_a_third_repeat(int repeated) =>
        Assert.Equal(PhaseOutcome.Review, Evaluate(2, repeated, Met, NotMet));

    [Fact]
    public void A_met_criterion_advances_even_after_two_repeats() =>
        Assert.Equal(PhaseOutcome.Advance, Evaluate(2, 2, Met));

    [Theory]
    [InlineData(SessionClass.Amber)]
    [InlineData(SessionClass.Red)]
    [InlineData(SessionClass.Pending)]
    public void Only_green_sessions_count(SessionClass other)
    {
        Assert.False(PhaseEvaluator.MeetsExit(Exercise(new(ThreeByTen, other), Green()), Exit));
        Assert.False(PhaseEvaluator.MeetsExit(Exercise(Green(), new(ThreeByTen, other)), Exit));
    }

    [Fact]
    public void One_green_session_is_not_enough()
    {
        Assert.False(PhaseEvaluator.MeetsExit(Exercise(Green()), Exit));
        Assert.False(PhaseEvaluator.MeetsExit(Exercise(), Exit));
    }

    [Fact]
    public void Only_the_last_sessions_count()
    {
        Assert.True(PhaseEvaluator.MeetsExit(Exercise(Green(), Green(), Amber(), Amber()), Exit));
        Assert.False(PhaseEvaluator.MeetsExit(Exercise(Amber(), Green(), Green()), Exit));
    }

    [Theory]
    [InlineData(3, 10, true)]
    [InlineData(3, 15, true)]
    [InlineData(4, 10, true)]
    [InlineData(2, 10, false)]
    [InlineData(2, 15, true)]   // 30 good-form reps in a workout, as 3×10 (FACTS 3.5: "≥ A2")
    [InlineData(3, 8, false)]
    public void Both_green_sessions_need_at_least_the_minimum_volume(int sets, int reps, bool meets)
    {
        var dose = new Dose(sets, reps);

        Assert.Equal(meets, PhaseEvaluator.MeetsExit(Exercise(Green(dose), Green(dose)), Exit));
        Assert.False(PhaseEvaluator.MeetsExit(Exercise(Green(dose), Green(new Dose(2, 8))), Exit));
        Assert.False(PhaseEvaluator.MeetsExit(Exercise(Green(new Dose(2, 8)), Green(dose)), Exit));
    }

    [Theory]
    [InlineData(3, 8, 2)]
    [InlineData(2, 8, 3)]
    public void A_deeper_level_counts_at_the_fewer_reps_it_starts_again_at(int sets, int reps, int level)
    {
        var deeper = new Dose(sets, reps, Level: level);

        Assert.True(PhaseEvaluator.MeetsExit(Exercise(Green(deeper), Green(deeper)), Exit));
    }

    [Fact]
    public void A_load_counts_at_the_fewer_reps_it_starts_again_at()
    {
        var loaded = new Dose(3, 8, LoadKg: 0.5);

        Assert.True(PhaseEvaluator.MeetsExit(Exercise(Green(loaded), Green(loaded)), Exit));
    }

    [Fact]
    public void The_rule_sets_the_number_of_greens_and_the_minimum()
    {
        var rule = new PhaseExitRule(GreenWorkouts: 3, MinSets: 2, MinReps: 8);
        var low = new Dose(2, 8);

        Assert.False(PhaseEvaluator.MeetsExit(Exercise(Green(low), Green(low)), rule));
        Assert.True(PhaseEvaluator.MeetsExit(Exercise(Green(low), Green(low), Green(low)), rule));
    }

    [Fact]
    public void A_fixed_dose_stretch_needs_the_green_sessions_but_not_the_minimum_sets_and_reps()
    {
        var stretch = new Dose(4, 1, HoldSeconds: 30);

        Assert.True(PhaseEvaluator.MeetsExit(new PhaseExercise(LadderKind.Fixed, [Green(stretch), Green(stretch)]), Exit));
        Assert.False(PhaseEvaluator.MeetsExit(new PhaseExercise(LadderKind.Fixed, [Green(stretch), new(stretch, SessionClass.Amber)]), Exit));
        Assert.False(PhaseEvaluator.MeetsExit(new PhaseExercise(LadderKind.Reps, [Green(stretch), Green(stretch)]), Exit));
    }

    [Fact]
    public void The_exit_rule_defaults_to_two_greens_at_3x10()
    {
        Assert.Equal(2, Exit.GreenWorkouts);
        Assert.Equal(3, Exit.MinSets);
        Assert.Equal(10, Exit.MinReps);
    }

    [Fact]
    public void A_phase_without_exercises_or_needing_no_greens_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Evaluate(2, 0));
        Assert.Throws<ArgumentException>(() =>
            PhaseEvaluator.Evaluate(new PhaseProgress(2, 2, new PhaseExitRule(GreenWorkouts: 0), 0, [Met])));
    }
}
