using KneeRehab.Web.Training;

namespace KneeRehab.Tests.Training;

/// <summary>One rung up and one rung down on each ladder, with the clamps at both ends (FACTS 3.5).</summary>
public class ExerciseLadderTests
{
    private static readonly ProgressionOptions Defaults = new();

    private static Dose? Up(ExerciseLadder ladder, Dose dose) => ladder.StepUp(dose, Defaults);

    private static Dose Down(ExerciseLadder ladder, Dose dose) => ladder.StepDown(dose, Defaults);

    // Ladder A: reps

    private static readonly ExerciseLadder Reps = new(LadderKind.Reps);

    [Theory]
    [InlineData(1, 8, 3, 2, 8, 3)]
    [InlineData(2, 8, 3, 2, 10, 3)]
    [InlineData(2, 10, 3, 3, 10, 3)]
    [InlineData(3, 10, 3, 3, 12, 3)]
    [InlineData(3, 12, 3, 3, 15, 3)]
    [InlineData(3, 15, 3, 3, 15, 5)]
    [InlineData(3, 15, 5, 3, 15, 10)]
    [InlineData(3, 15, 2, 3, 15, 5)]
    [InlineData(3, 15, 7, 3, 15, 10)]
    [InlineData(2, 10, 0, 3, 10, 0)]
    public void Reps_ladder_climbs_sets_and_reps_then_the_hold(int sets, int reps, int hold, int nextSets, int nextReps, int nextHold) =>
        Assert.Equal(new Dose(nextSets, nextReps, nextHold), Up(Reps, new Dose(sets, reps, hold)));

    [Theory]
    [InlineData(3, 15, 10, 3, 12, 10)]
    [InlineData(3, 15, 5, 3, 12, 5)]
    [InlineData(3, 15, 3, 3, 12, 3)]
    [InlineData(3, 12, 3, 3, 10, 3)]
    [InlineData(3, 10, 3, 2, 10, 3)]
    [InlineData(2, 10, 3, 2, 8, 3)]
    [InlineData(2, 8, 3, 1, 8, 3)]
    [InlineData(1, 8, 3, 1, 8, 3)]
    [InlineData(1, 8, 0, 1, 8, 0)]
    public void Reps_ladder_steps_down_to_the_rung_below_and_keeps_the_bottom_rung(int sets, int reps, int hold, int nextSets, int nextReps, int nextHold) =>
        Assert.Equal(new Dose(nextSets, nextReps, nextHold), Down(Reps, new Dose(sets, reps, hold)));

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public void Reps_ladder_tops_out_at_a_10_s_hold_or_higher(int hold) =>
        Assert.Null(Up(Reps, new Dose(3, 15, hold)));

    [Fact]
    public void Reps_ladder_without_a_hold_tops_out_at_3x15() =>
        Assert.Null(Up(Reps, new Dose(3, 15)));

    [Theory]
    [InlineData(25, 3, 15, 3, 20)]
    [InlineData(25, 3, 20, 3, 25)]
    [InlineData(20, 3, 15, 3, 20)]
    [InlineData(22, 3, 15, 3, 20)]
    public void A_rep_goal_above_15_adds_3x20_and_3x25(int repGoal, int sets, int reps, int nextSets, int nextReps) =>
        Assert.Equal(new Dose(nextSets, nextReps), Up(Reps with { RepGoal = repGoal }, new Dose(sets, reps)));

    [Theory]
    [InlineData(25, 3, 25)]
    [InlineData(20, 3, 20)]
    [InlineData(22, 3, 20)]
    [InlineData(12, 3, 12)]
    [InlineData(10, 3, 10)]
    public void The_rep_goal_is_the_top_of_the_reps_ladder(int repGoal, int topSets, int topReps) =>
        Assert.Null(Up(Reps with { RepGoal = repGoal }, new Dose(topSets, topReps)));

    [Fact]
    public void With_a_rep_goal_of_25_the_hold_rungs_come_after_3x25()
    {
        var ladder = Reps with { RepGoal = 25 };

        Assert.Equal(new Dose(3, 25, 5), Up(ladder, new Dose(3, 25, 3)));
        Assert.Equal(new Dose(3, 20, 3), Down(ladder, new Dose(3, 25, 3)));
    }

    [Theory]
    [InlineData(3, 11, 3, 12, 2, 10)]
    [InlineData(4, 8, 3, 12, 2, 10)]
    [InlineData(1, 9, 2, 8, 1, 8)]
    [InlineData(2, 9, 2, 10, 1, 8)]
    [InlineData(2, 15, 3, 12, 2, 10)]
    [InlineData(4, 5, 3, 10, 2, 8)]
    public void Reps_ladder_maps_an_off_ladder_dose_to_the_highest_rung_of_no_more_volume(
        int sets, int reps, int upSets, int upReps, int downSets, int downReps)
    {
        var dose = new Dose(sets, reps, 3);

        Assert.Equal(new Dose(upSets, upReps, 3), Up(Reps, dose));
        Assert.Equal(new Dose(downSets, downReps, 3), Down(Reps, dose));
    }

    [Fact]
    public void Reps_ladder_below_the_lowest_rung_steps_up_to_it_and_never_down_to_more()
    {
        var belowBottom = new Dose(1, 5);

        Assert.Equal(new Dose(1, 8), Up(Reps, belowBottom));
        Assert.Equal(belowBottom, Down(Reps, belowBottom));
    }

    [Fact]
    public void Reps_ladder_above_its_top_never_progresses_to_less()
    {
        var aboveTop = new Dose(3, 20, 3);

        Assert.Null(Up(Reps, aboveTop));
        Assert.Equal(new Dose(3, 12, 3), Down(Reps, aboveTop));
    }

    [Fact]
    public void Reps_ladder_keeps_load_and_level()
    {
        var dose = new Dose(2, 10, 3, LoadKg: 1.5, Level: 2);

        Assert.Equal(new Dose(3, 10, 3, LoadKg: 1.5, Level: 2), Up(Reps, dose));
        Assert.Equal(new Dose(2, 8, 3, LoadKg: 1.5, Level: 2), Down(Reps, dose));
    }

    // Ladder B: load

    private static ExerciseLadder Load(double increment) => new(LadderKind.Load, LoadIncrementKg: increment);

    [Theory]
    [InlineData(3, 8, 20, 3, 10, 20)]
    [InlineData(3, 10, 20, 3, 12, 20)]
    [InlineData(2, 10, 20, 2, 12, 20)]
    [InlineData(3, 9, 20, 3, 10, 20)]
    [InlineData(3, 11, 20, 3, 12, 20)]
    [InlineData(3, 6, 20, 3, 8, 20)]
    [InlineData(3, 12, 20, 3, 8, 21)]
    [InlineData(3, 15, 20, 3, 8, 21)]
    [InlineData(2, 12, 20, 2, 8, 21)]
    public void Load_ladder_climbs_8_10_12_reps_then_adds_load_at_the_current_sets(
        int sets, int reps, double load, int nextSets, int nextReps, double nextLoad) =>
        Assert.Equal(new Dose(nextSets, nextReps, LoadKg: nextLoad), Up(Load(1), new Dose(sets, reps, LoadKg: load)));

    [Theory]
    [InlineData(40, 2.5, 42.5)]   // T6: 42 rounds up to 42.5
    [InlineData(20, 1, 21)]       // exactly on an increment: no extra increment from rounding error
    [InlineData(60, 1, 63)]
    [InlineData(100, 2.5, 105)]
    [InlineData(60, 2.5, 65)]     // 63 rounds up to 65, not to the nearer 62.5
    [InlineData(100, 2, 106)]
    [InlineData(42.5, 2.5, 45)]   // 44.625 rounds up to 45
    [InlineData(31, 2.5, 32.5)]   // 5% rounds up to 35 (+12.9%): capped at 10% (34.1), rounded down
    [InlineData(10, 2.5, 12.5)]   // one increment is 25%: at least one increment
    [InlineData(20, 5, 25)]
    [InlineData(4, 1, 5)]
    [InlineData(0, 2.5, 2.5)]     // body weight: the first increment
    [InlineData(0, 1, 1)]
    public void Load_ladder_adds_5_percent_rounded_up_capped_at_10_percent_and_at_least_one_increment(double load, double increment, double next)
    {
        var progressed = Up(Load(increment), new Dose(3, 12, LoadKg: load));

        Assert.Equal(new Dose(3, 8, LoadKg: next), progressed);
    }

    [Fact]
    public void Load_increase_percentages_come_from_the_options()
    {
        var options = new ProgressionOptions { LoadIncreasePercent = 10, MaxLoadIncreasePercent = 20 };

        Assert.Equal(44, Load(1).StepUp(new Dose(3, 12, LoadKg: 40), options)!.LoadKg);
        // 50 × 1.1 is 55.00000000000001 in binary floating point: it must still be 55, not 55.5.
        Assert.Equal(55, Load(0.5).StepUp(new Dose(3, 12, LoadKg: 50), options)!.LoadKg);
        Assert.Equal(36, Load(1).StepDown(new Dose(3, 12, LoadKg: 40), new ProgressionOptions { LoadDecreasePercent = 10 }).LoadKg);
        Assert.Equal(32, Load(1).StepDown(new Dose(3, 12, LoadKg: 40), new ProgressionOptions { LoadDecreasePercent = 20 }).LoadKg);
    }

    [Theory]
    [InlineData(3, 10, 40, 2.5, 3, 10, 35)]      // 36 rounds down to 35; reps stay
    [InlineData(3, 12, 50, 2.5, 3, 12, 45)]      // exactly on an increment
    [InlineData(3, 8, 42.5, 2.5, 3, 8, 37.5)]    // 38.25 rounds down
    [InlineData(3, 8, 20, 1, 3, 8, 18)]
    [InlineData(3, 8, 2.5, 2.5, 3, 8, 0)]        // 2.25 is below one increment: body weight
    [InlineData(3, 8, 2, 2.5, 3, 8, 0)]
    [InlineData(3, 12, 0, 2.5, 3, 10, 0)]        // body weight: the previous rep step
    [InlineData(3, 10, 0, 2.5, 3, 8, 0)]
    [InlineData(3, 11, 0, 2.5, 3, 8, 0)]
    [InlineData(3, 15, 0, 2.5, 3, 10, 0)]
    [InlineData(3, 8, 0, 2.5, 2, 8, 0)]          // at 8 reps: one set fewer
    [InlineData(2, 8, 0, 2.5, 1, 8, 0)]
    [InlineData(1, 8, 0, 2.5, 1, 8, 0)]          // the bottom
    [InlineData(1, 6, 0, 2.5, 1, 6, 0)]
    public void Load_ladder_steps_down_by_10_percent_then_reps_then_sets(
        int sets, int reps, double load, double increment, int nextSets, int nextReps, double nextLoad) =>
        Assert.Equal(new Dose(nextSets, nextReps, LoadKg: nextLoad), Down(Load(increment), new Dose(sets, reps, LoadKg: load)));

    [Fact]
    public void Load_ladder_keeps_hold_and_level()
    {
        var dose = new Dose(3, 12, HoldSeconds: 3, LoadKg: 40, Level: 2);

        Assert.Equal(new Dose(3, 8, HoldSeconds: 3, LoadKg: 42.5, Level: 2), Up(Load(2.5), dose));
        Assert.Equal(new Dose(3, 12, HoldSeconds: 3, LoadKg: 35, Level: 2), Down(Load(2.5), dose));
    }

    // Ladder A with an ankle weight (FACTS 3.5, A7)

    private static readonly ExerciseLadder AnkleWeight = new(LadderKind.Reps, LoadIncrementKg: 0.5, LoadedAtTop: true);

    [Fact]
    public void With_an_ankle_weight_the_top_of_ladder_A_adds_the_weight_step_and_goes_back_to_3x10()
    {
        Assert.Equal(new Dose(3, 10, LoadKg: 0.5), Up(AnkleWeight, new Dose(3, 15)));
        Assert.Equal(new Dose(3, 12, LoadKg: 0.5), Up(AnkleWeight, new Dose(3, 10, LoadKg: 0.5)));
        Assert.Equal(new Dose(3, 10, LoadKg: 1.0), Up(AnkleWeight, new Dose(3, 15, LoadKg: 0.5)));
        Assert.Null(Up(Reps, new Dose(3, 15)));
    }

    // Ladder C: range

    private static readonly ExerciseLadder Range = new(LadderKind.Range, LevelCount: 3);

    [Theory]
    [InlineData(3, 8, 1, 3, 10, 1)]
    [InlineData(3, 10, 1, 3, 12, 1)]
    [InlineData(3, 12, 1, 3, 8, 2)]
    [InlineData(2, 12, 2, 3, 12, 2)]
    [InlineData(2, 10, 1, 3, 10, 1)]
    [InlineData(1, 8, 1, 2, 8, 1)]
    [InlineData(3, 11, 2, 3, 12, 2)]
    [InlineData(3, 6, 2, 3, 8, 2)]
    [InlineData(3, 15, 1, 3, 8, 2)]
    public void Range_ladder_adds_sets_up_to_3_then_climbs_8_10_12_reps_then_the_next_level_from_8(int sets, int reps, int level, int nextSets, int nextReps, int nextLevel) =>
        Assert.Equal(new Dose(nextSets, nextReps, Level: nextLevel), Up(Range, new Dose(sets, reps, Level: level)));

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Range_ladder_tops_out_at_3x12_on_the_top_level(int level) =>
        Assert.Null(Up(Range, new Dose(3, 12, Level: level)));

    [Fact]
    public void Range_ladder_with_one_level_tops_out_at_12_reps()
    {
        Assert.Null(Up(new ExerciseLadder(LadderKind.Range), new Dose(3, 12)));
        Assert.Equal(new Dose(3, 12), Up(new ExerciseLadder(LadderKind.Range), new Dose(3, 10)));
    }

    [Theory]
    [InlineData(3, 12, 2, 3, 12, 1)]
    [InlineData(3, 10, 2, 3, 10, 1)]
    [InlineData(3, 8, 2, 3, 8, 1)]
    [InlineData(3, 8, 3, 3, 8, 2)]
    [InlineData(3, 12, 1, 3, 10, 1)]
    [InlineData(3, 11, 1, 3, 8, 1)]
    [InlineData(3, 10, 1, 3, 8, 1)]
    [InlineData(3, 8, 1, 2, 8, 1)]
    [InlineData(2, 8, 1, 1, 8, 1)]
    [InlineData(1, 8, 1, 1, 8, 1)]
    public void Range_ladder_steps_down_depth_or_height_first_then_reps_then_sets(int sets, int reps, int level, int nextSets, int nextReps, int nextLevel) =>
        Assert.Equal(new Dose(nextSets, nextReps, Level: nextLevel), Down(Range, new Dose(sets, reps, Level: level)));

    // Ladder D: fixed

    [Fact]
    public void Fixed_ladder_never_moves()
    {
        var fixedLadder = new ExerciseLadder(LadderKind.Fixed);
        var stretch = new Dose(4, 1, HoldSeconds: 30);

        Assert.Null(Up(fixedLadder, stretch));
        Assert.Equal(stretch, Down(fixedLadder, stretch));
    }

    [Fact]
    public void Ladder_defaults_are_one_level_rep_goal_15_and_1_kg_increments()
    {
        var ladder = new ExerciseLadder(LadderKind.Reps);

        Assert.Equal(1, ladder.LevelCount);
        Assert.Equal(15, ladder.RepGoal);
        Assert.Equal(1.0, ladder.LoadIncrementKg);
    }
}
