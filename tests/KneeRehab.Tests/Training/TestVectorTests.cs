using KneeRehab.Web.Training;
using static KneeRehab.Tests.Training.Scenario;

namespace KneeRehab.Tests.Training;

/// <summary>The fact sheet's test vectors T1-T11 (FACTS 3.6), baseline morning pain 2, one test each.</summary>
public class TestVectorTests
{
    [Fact]
    public void T1_two_green_workouts_at_3x10_progress_to_3x12()
    {
        LoggedSession[] recent = [Session(A2, daysAgo: 2, pain: 3, morning: 3), Session(A2, daysAgo: 4, pain: 2, morning: 2)];

        var decision = Decide(A2, recent);

        Assert.Equal(DecisionKind.Progress, decision.Kind);
        Assert.Equal(new Dose(3, 12, HoldSeconds: 3), decision.Next);
        Assert.Equal(["GREEN_X2"], decision.Reasons);
        Assert.False(decision.RestDay);
        Assert.Equal(
            "You did 3×10 with a 3 s hold twice with little pain and your knee settled by the morning: next time 3×12 with a 3 s hold.",
            decision.Message);
    }

    [Fact]
    public void T2_pain_5_during_with_a_settled_morning_holds_as_amber()
    {
        var session = Session(A2, pain: 5, morning: 2);

        var decision = Decide(A2, [session]);

        Assert.Equal(SessionClass.Amber, Engine().Classify(session, Baseline, Now));
        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(A2, decision.Next);
        Assert.Equal(["AMBER_PAIN"], decision.Reasons);
        Assert.Equal(
            "Your knee hurt 5/10 during this exercise. Stay at 3×10 with a 3 s hold until it is 3 or less and settled by the next morning.",
            decision.Message);
    }

    [Fact]
    public void T3_pain_6_during_regresses_one_rung()
    {
        var decision = Decide(A2, [Session(A2, pain: 6, morning: 2)]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1, decision.Next);
        Assert.Equal(["RED_PAIN_DURING"], decision.Reasons);
        Assert.False(decision.RestDay);
        Assert.Equal(
            "Pain reached 6/10 during this exercise, which is more than it should: step back to 2×10 with a 3 s hold.",
            decision.Message);
    }

    [Fact]
    public void T4_next_morning_pain_5_against_baseline_2_regresses_one_rung()
    {
        var decision = Decide(A2, [Session(A2, pain: 3, morning: 5)]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1, decision.Next);
        Assert.Equal(["RED_NEXT_DAY"], decision.Reasons);
        Assert.False(decision.RestDay);
        Assert.Equal(
            "Your knee was 5/10 the next morning, more than your usual 2/10: step back to 2×10 with a 3 s hold.",
            decision.Message);
    }

    [Fact]
    public void T5_pain_8_during_regresses_two_rungs_with_a_rest_day()
    {
        var decision = Decide(A2, [Session(A2, pain: 8, morning: 2)]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A2x8, decision.Next);
        Assert.Equal(["RED_PAIN_DURING", "RED_SEVERE"], decision.Reasons);
        Assert.True(decision.RestDay);
        Assert.Equal(
            "Pain reached 8/10 during this exercise, which is far more than it should: rest tomorrow, then step back to 2×8 with a 3 s hold.",
            decision.Message);
    }

    [Fact]
    public void T6_leg_press_3x12_at_40kg_green_twice_with_2_5kg_plates_progresses_to_3x8_at_42_5kg()
    {
        var legPress = new ExerciseLadder(LadderKind.Load, LoadIncrementKg: 2.5);
        var current = new Dose(3, 12, LoadKg: 40);

        var decision = Decide(current, TwoGreens(current), legPress);

        Assert.Equal(DecisionKind.Progress, decision.Kind);
        Assert.Equal(new Dose(3, 8, LoadKg: 42.5), decision.Next);
        Assert.Equal(["GREEN_X2", "LOAD_PLUS_5PCT"], decision.Reasons);
        Assert.Equal(
            "You did 3×12 at 40 kg twice with little pain and your knee settled by the morning: next time 3×8 at 42.5 kg.",
            decision.Message);
    }

    [Fact]
    public void T7_three_workouts_at_70_percent_completion_with_low_settled_pain_regress_one_rung()
    {
        int[] seventyPercent = [10, 7, 4];
        LoggedSession[] recent =
        [
            Session(A2, daysAgo: 2, reps: seventyPercent),
            Session(A2, daysAgo: 4, reps: seventyPercent),
            Session(A2, daysAgo: 6, reps: seventyPercent),
        ];

        var decision = Decide(A2, recent);

        Assert.Equal(0.7, recent[0].Completion, 10);
        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1, decision.Next);
        Assert.Equal(["FAIL_TO_COMPLETE"], decision.Reasons);
        Assert.Equal(
            "The last 3 times the sets were hard to finish or to do with good control: step back to 2×10 with a 3 s hold and build up again.",
            decision.Message);
    }

    [Fact]
    public void T8_swollen_painful_calf_stops_with_RED_FLAG_A_DVT_and_no_dose()
    {
        // Two green sessions: without the flag this would progress.
        var decision = Decide(A2, TwoGreens(A2), flags: [new RedFlag("A_DVT", RedFlagUrgency.Emergency)]);

        Assert.Equal(DecisionKind.Stop, decision.Kind);
        Assert.Null(decision.Next);
        Assert.Equal(["RED_FLAG_A_DVT"], decision.Reasons);
        Assert.Equal("Stop and get emergency care now.", decision.Message);
    }

    [Theory]
    [InlineData(LadderKind.Reps)]
    [InlineData(LadderKind.Load)]
    [InlineData(LadderKind.Range)]
    public void T9_weekly_morning_pain_rising_from_2_0_to_3_2_holds_every_exercise(LadderKind kind)
    {
        var ladder = new ExerciseLadder(kind, LevelCount: 3);
        var current = new Dose(3, 10, LoadKg: kind == LadderKind.Load ? 20 : 0);

        // Two green sessions: without the rise each of these ladders would progress.
        var decision = Decide(current, TwoGreens(current), ladder, weekly: [3.2, 2.0]);

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(current, decision.Next);
        Assert.Equal(["WEEKLY_RISE"], decision.Reasons);
        Assert.StartsWith("Your morning pain has crept up this week (from 2.0 to 3.2): no step up this week.", decision.Message);
    }

    [Fact]
    public void T10_last_workout_20_days_ago_at_A4_resumes_at_A3()
    {
        // Two green sessions at A4: without the gap this would progress.
        var decision = Decide(A4, TwoGreens(A4, newestDaysAgo: 20));

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A3, decision.Next);
        Assert.Equal(["GAP_14D"], decision.Reasons);
        Assert.Equal(
            "It has been 20 days since you last did this exercise: start again a little lower, at 3×12 with a 3 s hold.",
            decision.Message);
    }

    [Fact]
    public void T11_next_morning_pain_missing_after_36h_otherwise_green_is_amber_and_holds()
    {
        var missing = Session(A2, daysAgo: 2, morning: null, loggedHoursAgo: 40);
        // A green session before it: had the missing morning counted as green, this would progress.
        LoggedSession[] recent = [missing, Session(A2, daysAgo: 4)];

        var decision = Decide(A2, recent);

        Assert.Equal(SessionClass.Amber, Engine().Classify(missing, Baseline, Now));
        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(A2, decision.Next);
        Assert.Equal(["NEXT_MORNING_MISSING"], decision.Reasons);
    }
}
