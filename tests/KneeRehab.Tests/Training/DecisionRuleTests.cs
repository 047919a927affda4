using KneeRehab.Web.Training;
using static KneeRehab.Tests.Training.Scenario;

namespace KneeRehab.Tests.Training;

/// <summary>Each rule of FACTS 3.4 at its edges, and which rule wins when several match.</summary>
public class DecisionRuleTests
{
    // Rule 1: red flags

    [Theory]
    [InlineData(RedFlagUrgency.Emergency, "A_SEPTIC", "Stop and get emergency care now.")]
    [InlineData(RedFlagUrgency.Urgent, "B_LOCKING", "Stop and see a clinician within days.")]
    [InlineData(RedFlagUrgency.Prompt, "C_NIGHT_PAIN", "Pause and book a review with your GP or physiotherapist.")]
    public void A_red_flag_stops_with_its_code_and_a_message_for_its_urgency(RedFlagUrgency urgency, string code, string message)
    {
        var decision = Decide(A2, TwoGreens(A2), flags: [new RedFlag(code, urgency)]);

        Assert.Equal(new Decision(DecisionKind.Stop, null, ["RED_FLAG_" + code], message), decision);
    }

    [Fact]
    public void Several_red_flags_are_all_reported_most_urgent_first_and_the_most_urgent_sets_the_message()
    {
        RedFlag[] flags =
        [
            new("C_NIGHT_PAIN", RedFlagUrgency.Prompt),
            new("B_LOCKING", RedFlagUrgency.Urgent),
            new("A_DVT", RedFlagUrgency.Emergency),
            new("B_GIVING_WAY", RedFlagUrgency.Urgent),
            new("B_LOCKING", RedFlagUrgency.Urgent),
        ];

        var decision = Decide(A2, TwoGreens(A2), flags: flags);

        Assert.Equal(["RED_FLAG_A_DVT", "RED_FLAG_B_GIVING_WAY", "RED_FLAG_B_LOCKING", "RED_FLAG_C_NIGHT_PAIN"], decision.Reasons);
        Assert.Equal("Stop and get emergency care now.", decision.Message);
    }

    [Fact]
    public void A_red_flag_comes_before_the_pain_stop_and_applies_with_no_history_and_on_the_fixed_ladder()
    {
        var flag = new RedFlag("C_STIFFNESS", RedFlagUrgency.Prompt);

        var afterPain = Decide(A2, [Session(A2, daysAgo: 2, pain: 7), Session(A2, daysAgo: 4, pain: 7)], flags: [flag]);
        var noHistory = Decide(A2, [], flags: [flag]);
        var fixedLadder = Decide(new Dose(4, 1, HoldSeconds: 30), [], new ExerciseLadder(LadderKind.Fixed), flags: [flag]);

        Assert.Equal(["RED_FLAG_C_STIFFNESS"], afterPain.Reasons);
        Assert.Equal(DecisionKind.Stop, noHistory.Kind);
        Assert.Null(noHistory.Next);
        Assert.Equal(DecisionKind.Stop, fixedLadder.Kind);
        Assert.Null(fixedLadder.Next);
    }

    // Rule 2: stop and review

    [Theory]
    [InlineData(new[] { 7, 7 }, true)]
    [InlineData(new[] { 7, 2, 7 }, true)]
    [InlineData(new[] { 2, 7, 7 }, true)]
    [InlineData(new[] { 8, 9 }, true)]
    [InlineData(new[] { 7, 2, 2, 7 }, false)]
    [InlineData(new[] { 7 }, false)]
    [InlineData(new[] { 6, 6 }, false)]
    [InlineData(new[] { 7, 6, 6 }, false)]
    public void Pain_7_or_more_in_two_of_the_last_3_sessions_stops_for_a_review(int[] painsNewestFirst, bool stops)
    {
        var recent = painsNewestFirst.Select((pain, i) => Session(A2, daysAgo: 2 + 2 * i, pain: pain));

        var decision = Decide(A2, recent);

        if (stops)
        {
            Assert.Equal(DecisionKind.Stop, decision.Kind);
            Assert.Null(decision.Next);
            Assert.Equal(["STOP_REVIEW", "PAIN_AT_STOP_LEVEL_TWICE"], decision.Reasons);
            Assert.Equal(
                "Pain reached 7/10 or more in two of your last 3 workouts: pause and get assessed by your GP or physiotherapist before you carry on.",
                decision.Message);
        }
        else
        {
            Assert.NotEqual(DecisionKind.Stop, decision.Kind);
        }
    }

    [Theory]
    [InlineData(new[] { 7, 1, 8 }, true)]
    [InlineData(new[] { 1, 7, 7 }, true)]
    [InlineData(new[] { 7, 1, 1, 7 }, false)]
    [InlineData(new[] { 6, 6, 6 }, false)]
    public void In_a_program_pain_7_counts_across_all_exercises_of_the_last_3_workouts(int[] workoutPeaksNewestFirst, bool stops)
    {
        // This exercise itself never hurt: another exercise of the same workouts did.
        var recent = workoutPeaksNewestFirst.Select((_, i) => Session(A2, daysAgo: 2 + 2 * i, pain: 1));

        var decision = Engine().Decide(Input(A2, recent) with { WorkoutPeakPains = workoutPeaksNewestFirst });

        Assert.Equal(stops, decision.Kind == DecisionKind.Stop);
        if (stops) Assert.Equal(["STOP_REVIEW", "PAIN_AT_STOP_LEVEL_TWICE"], decision.Reasons);
    }

    [Theory]
    [InlineData(new[] { 3.2, 2.2, 1.2 }, true)]
    [InlineData(new[] { 3.3, 2.3, 1.3 }, true)]   // 2.3 - 1.3 is 0.9999999999999998 in binary floating point
    [InlineData(new[] { 5.0, 3.0, 1.0, 1.0 }, true)]
    [InlineData(new[] { 3.1, 2.2, 1.2 }, false)]
    [InlineData(new[] { 3.2, 2.2, 1.3 }, false)]
    [InlineData(new[] { 3.2, 2.2 }, false)]
    [InlineData(new[] { 3.2, 3.2, 1.2 }, false)]
    [InlineData(new[] { 1.2, 2.2, 3.2 }, false)]
    public void Morning_pain_rising_by_1_for_two_weeks_in_a_row_stops_for_a_review(double[] weeklyNewestFirst, bool stops)
    {
        var decision = Decide(A2, TwoGreens(A2), weekly: weeklyNewestFirst);

        if (stops)
        {
            Assert.Equal(DecisionKind.Stop, decision.Kind);
            Assert.Null(decision.Next);
            Assert.Equal(["STOP_REVIEW", "MORNING_PAIN_RISING_2_WEEKS"], decision.Reasons);
            Assert.StartsWith("Your morning pain has gone up two weeks in a row: pause and get assessed", decision.Message);
        }
        else
        {
            Assert.NotEqual(DecisionKind.Stop, decision.Kind);
        }
    }

    [Fact]
    public void Two_red_sessions_in_a_row_after_a_regression_stop_for_a_review()
    {
        LoggedSession[] recent = [Session(A1, daysAgo: 2, pain: 6), Session(A2, daysAgo: 4, pain: 6)];

        var decision = Decide(A1, recent);

        Assert.Equal(DecisionKind.Stop, decision.Kind);
        Assert.Null(decision.Next);
        Assert.Equal(["STOP_REVIEW", "RED_AFTER_REGRESSION"], decision.Reasons);
        Assert.Contains("pause and get assessed", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_red_sessions_at_the_same_dose_regress_instead_of_stopping()
    {
        LoggedSession[] recent = [Session(A2, daysAgo: 2, pain: 6), Session(A2, daysAgo: 4, pain: 6)];

        var decision = Decide(A2, recent);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1, decision.Next);
    }

    [Fact]
    public void A_red_session_after_a_regression_that_followed_an_amber_one_regresses_instead_of_stopping()
    {
        LoggedSession[] recent = [Session(A1, daysAgo: 2, pain: 6), Session(A2, daysAgo: 4, pain: 5)];

        var decision = Decide(A1, recent);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A2x8, decision.Next);
    }

    [Fact]
    public void Several_stop_triggers_are_all_reported()
    {
        LoggedSession[] recent = [Session(A1, daysAgo: 2, pain: 7), Session(A2, daysAgo: 4, pain: 7)];

        var decision = Decide(A1, recent, weekly: [4.0, 3.0, 2.0]);

        Assert.Equal(["STOP_REVIEW", "PAIN_AT_STOP_LEVEL_TWICE", "MORNING_PAIN_RISING_2_WEEKS", "RED_AFTER_REGRESSION"], decision.Reasons);
    }

    // Rule 3: a red session steps down

    [Theory]
    [InlineData(6, 2, 1, false, new[] { "RED_PAIN_DURING" })]
    [InlineData(7, 2, 1, false, new[] { "RED_PAIN_DURING" })]
    [InlineData(8, 2, 2, true, new[] { "RED_PAIN_DURING", "RED_SEVERE" })]
    [InlineData(10, 2, 2, true, new[] { "RED_PAIN_DURING", "RED_SEVERE" })]
    [InlineData(2, 5, 1, false, new[] { "RED_NEXT_DAY" })]
    [InlineData(2, 6, 2, true, new[] { "RED_NEXT_DAY", "RED_SEVERE" })]
    [InlineData(6, 6, 2, true, new[] { "RED_PAIN_DURING", "RED_NEXT_DAY", "RED_SEVERE" })]
    public void A_red_session_steps_down_one_rung_or_two_with_a_rest_day_when_severe(
        int pain, int morning, int rungs, bool restDay, string[] reasons)
    {
        var decision = Decide(A2, [Session(A2, pain: pain, morning: morning)]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(rungs == 1 ? A1 : A2x8, decision.Next);
        Assert.Equal(restDay, decision.RestDay);
        Assert.Equal(reasons, decision.Reasons);
    }

    [Fact]
    public void A_severe_next_morning_is_explained_by_the_morning_even_when_pain_during_was_also_red() =>
        Assert.Equal(
            "Your knee was 6/10 the next morning, far more than your usual 2/10: rest tomorrow, then step back to 2×8 with a 3 s hold.",
            Decide(A2, [Session(A2, pain: 6, morning: 6)]).Message);

    [Fact]
    public void A_red_session_is_acted_on_before_its_next_morning_is_known()
    {
        var decision = Decide(A2, [Session(A2, pain: 6, morning: null, loggedHoursAgo: 1)]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1, decision.Next);
    }

    [Fact]
    public void At_the_bottom_rung_a_red_session_keeps_the_bottom_rung_and_says_so()
    {
        var decision = Decide(A1x8, [Session(A1x8, pain: 6)]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1x8, decision.Next);
        Assert.Equal(["RED_PAIN_DURING", "BOTTOM_OF_LADDER"], decision.Reasons);
        Assert.Equal(
            "Pain reached 6/10 during this exercise, which is more than it should: stay at 1×8 with a 3 s hold, the easiest step of this exercise.",
            decision.Message);
    }

    [Fact]
    public void Two_rungs_down_from_one_above_the_bottom_stops_at_the_bottom()
    {
        var decision = Decide(A2x8, [Session(A2x8, pain: 9)]);

        Assert.Equal(A1x8, decision.Next);
        Assert.Equal(["RED_PAIN_DURING", "RED_SEVERE"], decision.Reasons);
        Assert.True(decision.RestDay);
    }

    [Fact]
    public void A_red_session_whose_step_down_was_already_applied_holds_instead_of_stepping_down_again()
    {
        // The decision after this session already moved the prescription from 3x10 to 2x10.
        var decision = Decide(A1, [Session(A2, pain: 6)]);

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(A1, decision.Next);
        Assert.Equal(["RED_PAIN_DURING", "ALREADY_STEPPED_DOWN"], decision.Reasons);
        Assert.Equal("You have already stepped back to 2×10 with a 3 s hold after last time: stay there for now.", decision.Message);
    }

    [Fact]
    public void A_red_session_steps_down_from_the_current_dose_when_that_was_raised_since()
    {
        var decision = Decide(A3, [Session(A2, pain: 6)]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A2, decision.Next);
    }

    [Fact]
    public void A_red_session_comes_before_the_weekly_rise_and_the_gap()
    {
        var decision = Decide(A2, [Session(A2, daysAgo: 20, pain: 6)], weekly: [4.0, 2.0]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1, decision.Next);
        Assert.Equal(["RED_PAIN_DURING"], decision.Reasons);
    }

    [Fact]
    public void Only_the_newest_session_being_red_steps_down()
    {
        // An older red session followed by a green one: the knee has recovered.
        var decision = Decide(A2, [Session(A2, daysAgo: 2), Session(A2, daysAgo: 4, pain: 6)]);

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(["ONE_GREEN"], decision.Reasons);
    }

    // Rule 4: the weekly rise holds progress

    [Theory]
    [InlineData(3.0, 2.0, true)]
    [InlineData(4.1, 3.1, true)]   // 0.9999999999999996 in binary floating point
    [InlineData(2.0, 0.0, true)]
    [InlineData(2.9, 2.0, false)]
    [InlineData(2.0, 3.0, false)]
    public void A_weekly_morning_pain_rise_of_1_or_more_holds_what_would_progress(double thisWeek, double lastWeek, bool holds)
    {
        var decision = Decide(A2, TwoGreens(A2), weekly: [thisWeek, lastWeek]);

        Assert.Equal(holds ? DecisionKind.Hold : DecisionKind.Progress, decision.Kind);
        Assert.Equal(holds ? ["WEEKLY_RISE"] : ["GREEN_X2"], decision.Reasons);
    }

    [Fact]
    public void One_week_of_morning_pain_is_not_a_rise() =>
        Assert.Equal(DecisionKind.Progress, Decide(A2, TwoGreens(A2), weekly: [9.0]).Kind);

    [Fact]
    public void The_weekly_rise_message_says_from_what_to_what_and_where_to_stay() =>
        Assert.Equal(
            "Your morning pain has crept up this week (from 2.0 to 3.2): no step up this week. Stay at 3×10 with a 3 s hold.",
            Decide(A2, [Session(A2, morning: null, loggedHoursAgo: 3)], weekly: [3.2, 2.0]).Message);

    [Fact]
    public void The_weekly_rise_holds_progress_but_not_the_step_down_after_a_gap()
    {
        var decision = Decide(A4, TwoGreens(A4, newestDaysAgo: 20), weekly: [3.2, 2.0]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A3, decision.Next);
        Assert.Equal(["GAP_14D"], decision.Reasons);
    }

    [Fact]
    public void The_weekly_rise_holds_progress_but_not_the_step_down_after_failed_sessions()
    {
        var recent = Enumerable.Range(0, 3).Select(i => Session(A2, daysAgo: 2 + 2 * i, reps: [10, 7, 4]));

        var decision = Decide(A2, recent, weekly: [3.2, 2.0]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(["FAIL_TO_COMPLETE"], decision.Reasons);
    }

    // Rule 5: the gap

    [Theory]
    [InlineData(14, DecisionKind.Progress)]
    [InlineData(15, DecisionKind.Regress)]
    public void More_than_14_days_since_the_last_session_resumes_one_rung_lower(int daysAgo, DecisionKind expected)
    {
        var decision = Decide(A2, TwoGreens(A2, newestDaysAgo: daysAgo));

        Assert.Equal(expected, decision.Kind);
        Assert.Equal(expected == DecisionKind.Regress ? A1 : A3, decision.Next);
        Assert.Equal(expected == DecisionKind.Regress ? ["GAP_14D"] : ["GREEN_X2"], decision.Reasons);
    }

    [Fact]
    public void The_gap_counts_calendar_days_from_the_date_of_now()
    {
        var lastDay = new DateOnly(2026, 3, 1);
        var session = Session(A2) with { Date = lastDay, LoggedUtc = new DateTime(2026, 3, 1, 23, 0, 0, DateTimeKind.Utc) };

        var fifteenthDayEarly = Engine().Decide(Input(A2, [session], now: new DateTime(2026, 3, 16, 0, 30, 0, DateTimeKind.Utc)));
        var fourteenthDayLate = Engine().Decide(Input(A2, [session], now: new DateTime(2026, 3, 15, 23, 59, 0, DateTimeKind.Utc)));

        Assert.Equal(["GAP_14D"], fifteenthDayEarly.Reasons);
        Assert.Equal(DecisionKind.Hold, fourteenthDayLate.Kind);
    }

    [Fact]
    public void A_gap_whose_step_down_was_already_applied_holds()
    {
        var decision = Decide(A3, TwoGreens(A4, newestDaysAgo: 20));

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(A3, decision.Next);
        Assert.Equal(["GAP_14D", "ALREADY_STEPPED_DOWN"], decision.Reasons);
    }

    [Fact]
    public void A_gap_at_the_bottom_rung_keeps_the_bottom_rung()
    {
        var decision = Decide(A1x8, [Session(A1x8, daysAgo: 30)]);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1x8, decision.Next);
        Assert.Equal(["GAP_14D", "BOTTOM_OF_LADDER"], decision.Reasons);
        Assert.Equal("It has been 30 days since you last did this exercise: start again at 1×8 with a 3 s hold, the easiest step.", decision.Message);
    }

    // Rule 6: progress

    [Fact]
    public void Two_greens_at_a_different_prescription_do_not_progress()
    {
        // Both greens were at 2x10; 3x10 is prescribed now (the step up already happened).
        var decision = Decide(A2, TwoGreens(A1));

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(A2, decision.Next);
        Assert.Equal(["NEW_DOSE"], decision.Reasons);
        Assert.Equal("Next time 3×10 with a 3 s hold: it moves on after 2 sessions at this dose with little pain.", decision.Message);
    }

    [Fact]
    public void A_green_at_the_current_dose_after_a_green_at_another_dose_is_one_green()
    {
        var decision = Decide(A2, [Session(A2, daysAgo: 2), Session(A1, daysAgo: 4)]);

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(["ONE_GREEN"], decision.Reasons);
        Assert.Equal("Good session: do 3×10 with a 3 s hold once more like that and it moves on.", decision.Message);
    }

    [Fact]
    public void A_green_after_an_amber_is_one_green()
    {
        var decision = Decide(A2, [Session(A2, daysAgo: 2), Session(A2, daysAgo: 4, pain: 4)]);

        Assert.Equal(["ONE_GREEN"], decision.Reasons);
    }

    [Fact]
    public void A_single_green_session_is_one_green() =>
        Assert.Equal(["ONE_GREEN"], Decide(A2, [Session(A2)]).Reasons);

    [Fact]
    public void An_amber_after_a_green_holds_with_the_amber_reason() =>
        Assert.Equal(["NOT_SETTLED"], Decide(A2, [Session(A2, daysAgo: 2, morning: 4), Session(A2, daysAgo: 4)]).Reasons);

    [Fact]
    public void A_pending_session_after_a_green_holds_until_the_morning_is_known()
    {
        var decision = Decide(A2, [Session(A2, daysAgo: 1, morning: null, loggedHoursAgo: 20), Session(A2, daysAgo: 3)]);

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(["PENDING_NEXT_MORNING"], decision.Reasons);
        Assert.Equal("Tell us how the knee felt the next morning before it moves on; until then, stay at 3×10 with a 3 s hold.", decision.Message);
    }

    [Fact]
    public void Three_greens_progress_like_two() =>
        Assert.Equal(A3, Decide(A2, [.. TwoGreens(A2), Session(A2, daysAgo: 6)]).Next);

    [Fact]
    public void Two_greens_at_the_top_rung_hold_with_top_of_ladder()
    {
        var top = new Dose(3, 15, HoldSeconds: 10);

        var decision = Decide(top, TwoGreens(top));

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(top, decision.Next);
        Assert.Equal(["GREEN_X2", "TOP_OF_LADDER"], decision.Reasons);
        Assert.Equal(
            "You did 3×15 with a 10 s hold twice with little pain and your knee settled by the morning. That is the top of this exercise's ladder: stay there, or ask your physiotherapist about a harder exercise.",
            decision.Message);
    }

    [Fact]
    public void The_green_streak_comes_from_the_options()
    {
        var options = new ProgressionOptions { GreenStreak = 3 };

        var afterTwo = Decide(A2, TwoGreens(A2), options: options);
        var afterThree = Decide(A2, [.. TwoGreens(A2), Session(A2, daysAgo: 6)], options: options);

        Assert.Equal(DecisionKind.Hold, afterTwo.Kind);
        Assert.Equal(DecisionKind.Progress, afterThree.Kind);
        Assert.StartsWith("You did 3×10 with a 3 s hold 3 times with little pain", afterThree.Message);
    }

    // Rule 7: failure to tolerate

    [Theory]
    [InlineData(10, 10, 4, 10, 10, 4, false)]
    [InlineData(10, 10, 3, 10, 10, 3, true)]
    [InlineData(10, 10, 3, 10, 10, 4, false)]
    public void Three_sessions_below_80_percent_completion_step_down(int a1, int a2, int a3, int b1, int b2, int b3, bool stepsDown)
    {
        // Sessions alternate between the two patterns, newest first: a, b, a.
        LoggedSession[] recent =
        [
            Session(A2, daysAgo: 2, reps: [a1, a2, a3]),
            Session(A2, daysAgo: 4, reps: [b1, b2, b3]),
            Session(A2, daysAgo: 6, reps: [a1, a2, a3]),
        ];

        var decision = Decide(A2, recent);

        Assert.Equal(stepsDown ? DecisionKind.Regress : DecisionKind.Hold, decision.Kind);
        Assert.Equal(stepsDown ? A1 : A2, decision.Next);
    }

    [Theory]
    [InlineData(80, DecisionKind.Hold)]
    [InlineData(79, DecisionKind.Regress)]
    public void Completion_exactly_0_8_is_not_a_failure_but_0_79_is(int repsOfHundred, DecisionKind expected)
    {
        var load = new ExerciseLadder(LadderKind.Load, LoadIncrementKg: 2.5);
        var current = new Dose(4, 25, LoadKg: 20);
        int[] reps = [25, 25, 25, repsOfHundred - 75];
        var recent = Enumerable.Range(0, 3).Select(i => Session(current, daysAgo: 2 + 2 * i, reps: reps));

        var decision = Decide(current, recent, load);

        Assert.Equal(repsOfHundred / 100.0, Session(current, reps: reps).Completion, 12);
        Assert.Equal(expected, decision.Kind);
        Assert.Equal(expected == DecisionKind.Regress ? ["FAIL_TO_COMPLETE"] : ["INCOMPLETE"], decision.Reasons);
        Assert.Equal(expected == DecisionKind.Regress ? current with { LoadKg = 17.5 } : current, decision.Next);
    }

    [Fact]
    public void Three_sessions_with_poor_form_step_down()
    {
        var recent = Enumerable.Range(0, 3).Select(i => Session(A2, daysAgo: 2 + 2 * i, formOk: false));

        var decision = Decide(A2, recent);

        Assert.Equal(DecisionKind.Regress, decision.Kind);
        Assert.Equal(A1, decision.Next);
        Assert.Equal(["FAIL_TO_COMPLETE"], decision.Reasons);
    }

    [Fact]
    public void Poor_form_and_missed_reps_mixed_over_three_sessions_step_down()
    {
        LoggedSession[] recent =
        [
            Session(A2, daysAgo: 2, formOk: false),
            Session(A2, daysAgo: 4, reps: [10, 10, 3]),
            Session(A2, daysAgo: 6, formOk: false),
        ];

        Assert.Equal(DecisionKind.Regress, Decide(A2, recent).Kind);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    public void One_session_that_did_not_fail_among_the_last_three_is_enough_to_hold(int greenAt)
    {
        var recent = Enumerable.Range(0, 3)
            .Select(i => i == greenAt ? Session(A2, daysAgo: 2 + 2 * i) : Session(A2, daysAgo: 2 + 2 * i, formOk: false));

        Assert.Equal(DecisionKind.Hold, Decide(A2, recent).Kind);
    }

    [Fact]
    public void Only_amber_sessions_count_as_failed()
    {
        // The oldest of the three also missed reps, but it was red (it was stepped down for already), not amber.
        LoggedSession[] afterRed = [Session(A2, daysAgo: 2, formOk: false), Session(A2, daysAgo: 4, formOk: false), Session(A2, daysAgo: 6, pain: 6, formOk: false)];
        // The newest still waits for its next morning.
        LoggedSession[] pending = [Session(A2, daysAgo: 1, morning: null, loggedHoursAgo: 20, formOk: false), Session(A2, daysAgo: 3, formOk: false), Session(A2, daysAgo: 5, formOk: false)];

        Assert.Equal(["FORM"], Decide(A2, afterRed).Reasons);
        Assert.Equal(["PENDING_NEXT_MORNING", "FORM"], Decide(A2, pending).Reasons);
    }

    [Fact]
    public void Two_failed_sessions_are_not_yet_a_failure_to_tolerate()
    {
        var recent = Enumerable.Range(0, 2).Select(i => Session(A2, daysAgo: 2 + 2 * i, reps: [10, 10, 3]));

        var decision = Decide(A2, recent);

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(["INCOMPLETE"], decision.Reasons);
        Assert.Equal("You did 23 of the 30 reps. Stay at 3×10 with a 3 s hold until you can do them all.", decision.Message);
    }

    [Fact]
    public void Three_amber_sessions_for_pain_alone_hold_rather_than_step_down()
    {
        var recent = Enumerable.Range(0, 3).Select(i => Session(A2, daysAgo: 2 + 2 * i, pain: 5));

        var decision = Decide(A2, recent);

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(["AMBER_PAIN"], decision.Reasons);
    }

    [Fact]
    public void A_failure_step_down_that_was_already_applied_holds()
    {
        var recent = Enumerable.Range(0, 3).Select(i => Session(A2, daysAgo: 2 + 2 * i, formOk: false));

        var decision = Decide(A1, recent);

        Assert.Equal(DecisionKind.Hold, decision.Kind);
        Assert.Equal(A1, decision.Next);
        Assert.Equal(["FAIL_TO_COMPLETE", "ALREADY_STEPPED_DOWN"], decision.Reasons);
    }

    // Rule 8: hold, and why

    [Fact]
    public void No_history_holds_at_the_current_dose()
    {
        var decision = Decide(A1, []);

        Assert.Equal(new Decision(DecisionKind.Hold, A1, ["NO_HISTORY"], "Start at 2×10 with a 3 s hold."), decision);
    }

    [Theory]
    [InlineData(2, 2, true, true, "NEXT_MORNING_MISSING", "We don't know how your knee felt the morning after last time, so it can't move on yet: stay at 3×10 with a 3 s hold.")]
    [InlineData(2, 4, true, true, "NOT_SETTLED", "Your knee was 4/10 the next morning, above your usual 2/10. Stay at 3×10 with a 3 s hold until it settles by the next morning.")]
    [InlineData(2, 2, false, true, "FORM", "The movement did not feel right last time. Stay at 3×10 with a 3 s hold until it feels controlled.")]
    [InlineData(2, 2, true, false, "HOLD_SHORT", "Your shortest hold was 2 s of the 3 s. Stay at 3×10 with a 3 s hold until you can hold every rep.")]
    public void A_hold_explains_what_kept_the_last_session_from_green(int pain, int morning, bool formOk, bool holdMet, string reason, string message)
    {
        var session = reason == "NEXT_MORNING_MISSING"
            ? Session(A2, morning: null, loggedHoursAgo: 48)
            : Session(A2, pain: pain, morning: morning, formOk: formOk, shortestHold: holdMet ? null : 2);

        var decision = Decide(A2, [session]);

        Assert.Equal(new Decision(DecisionKind.Hold, A2, [reason], message), decision);
    }

    [Fact]
    public void A_hold_without_a_logged_hold_asks_for_it() =>
        Assert.Equal(
            new Decision(DecisionKind.Hold, A2, ["HOLD_MISSING"], "Log how long you held each rep so that it can move on; until then, stay at 3×10 with a 3 s hold."),
            Decide(A2, [Session(A2, holdLogged: false)]));

    [Fact]
    public void A_hold_lists_every_reason_and_explains_the_first()
    {
        var decision = Decide(A2, [Session(A2, pain: 4, morning: 4, formOk: false)]);

        Assert.Equal(["AMBER_PAIN", "NOT_SETTLED", "FORM"], decision.Reasons);
        Assert.StartsWith("Your knee hurt 4/10 during this exercise.", decision.Message);
    }

    [Fact]
    public void The_newest_session_is_found_by_date_even_when_the_list_is_not_newest_first()
    {
        // Oldest first by mistake: the red session is the newest and must be the one acted on.
        LoggedSession[] oldestFirst = [Session(A2, daysAgo: 6), Session(A2, daysAgo: 4), Session(A2, daysAgo: 2, pain: 6)];

        Assert.Equal(["RED_PAIN_DURING"], Decide(A2, oldestFirst).Reasons);
    }

    [Fact]
    public void Two_sessions_on_the_same_day_are_ordered_by_when_they_were_logged()
    {
        var morningSession = Session(A2, daysAgo: 2, pain: 6) with { LoggedUtc = Now.AddDays(-2).AddHours(-6) };
        var eveningSession = Session(A2, daysAgo: 2) with { LoggedUtc = Now.AddDays(-2) };

        Assert.Equal(["ONE_GREEN"], Decide(A2, [morningSession, eveningSession]).Reasons);
        Assert.Equal(["RED_PAIN_DURING"], Decide(A2, [eveningSession with { LoggedUtc = Now.AddDays(-2).AddHours(-7) }, morningSession]).Reasons);
    }

    // The fixed ladder (D)

    private static readonly ExerciseLadder Fixed = new(LadderKind.Fixed);
    private static readonly Dose Stretch = new(4, 1, HoldSeconds: 30);

    [Fact]
    public void The_fixed_ladder_never_progresses()
    {
        var decision = Decide(Stretch, [.. TwoGreens(Stretch), Session(Stretch, daysAgo: 6)], Fixed);

        Assert.Equal(new Decision(DecisionKind.Hold, Stretch, ["FIXED_DOSE"], "Keep this exercise at 4×1 with a 30 s hold."), decision);
    }

    [Theory]
    [InlineData(6, 2, new[] { "RED_SKIP_48H", "RED_PAIN_DURING" }, "Pain reached 6/10 during this exercise, which is more than it should: skip this exercise for the next 2 days, then carry on at 4×1 with a 30 s hold.")]
    [InlineData(9, 2, new[] { "RED_SKIP_48H", "RED_PAIN_DURING" }, "Pain reached 9/10 during this exercise, which is more than it should: skip this exercise for the next 2 days, then carry on at 4×1 with a 30 s hold.")]
    [InlineData(2, 5, new[] { "RED_SKIP_48H", "RED_NEXT_DAY" }, "Your knee was 5/10 the next morning, more than your usual 2/10: skip this exercise for the next 2 days, then carry on at 4×1 with a 30 s hold.")]
    public void A_red_session_on_the_fixed_ladder_rests_48_hours_at_the_same_dose(int pain, int morning, string[] reasons, string message)
    {
        var decision = Decide(Stretch, [Session(Stretch, pain: pain, morning: morning)], Fixed);

        Assert.Equal(new Decision(DecisionKind.Hold, Stretch, reasons, message, RestDay: true), decision);
    }

    [Fact]
    public void The_fixed_ladder_ignores_gaps_and_failed_sessions()
    {
        var afterGap = Decide(Stretch, [Session(Stretch, daysAgo: 30)], Fixed);
        var afterFailures = Decide(Stretch, Enumerable.Range(0, 3).Select(i => Session(Stretch, daysAgo: 2 + 2 * i, formOk: false)), Fixed);

        Assert.Equal(["FIXED_DOSE"], afterGap.Reasons);
        Assert.Equal(Stretch, afterGap.Next);
        Assert.Equal(["FIXED_DOSE"], afterFailures.Reasons);
        Assert.Equal(Stretch, afterFailures.Next);
    }

    [Fact]
    public void The_fixed_ladder_still_stops_for_pain_7_twice()
    {
        var decision = Decide(Stretch, [Session(Stretch, daysAgo: 2, pain: 7), Session(Stretch, daysAgo: 4, pain: 7)], Fixed);

        Assert.Equal(DecisionKind.Stop, decision.Kind);
        Assert.Equal(["STOP_REVIEW", "PAIN_AT_STOP_LEVEL_TWICE"], decision.Reasons);
    }

    [Fact]
    public void The_fixed_ladder_with_no_history_holds_with_no_history() =>
        Assert.Equal(["NO_HISTORY"], Decide(Stretch, [], Fixed).Reasons);

    // The other ladders through the engine

    [Fact]
    public void The_load_ladder_adds_reps_before_load()
    {
        var ladder = new ExerciseLadder(LadderKind.Load, LoadIncrementKg: 2.5);
        var current = new Dose(3, 8, LoadKg: 20);

        var decision = Decide(current, TwoGreens(current), ladder);

        Assert.Equal(new Dose(3, 10, LoadKg: 20), decision.Next);
        Assert.Equal(["GREEN_X2"], decision.Reasons);
    }

    [Fact]
    public void The_load_ladder_steps_down_by_load()
    {
        var ladder = new ExerciseLadder(LadderKind.Load, LoadIncrementKg: 2.5);
        var current = new Dose(3, 10, LoadKg: 40);

        var decision = Decide(current, [Session(current, pain: 6)], ladder);

        Assert.Equal(new Dose(3, 10, LoadKg: 35), decision.Next);
        Assert.Equal("Pain reached 6/10 during this exercise, which is more than it should: step back to 3×10 at 35 kg.", decision.Message);
    }

    [Fact]
    public void The_range_ladder_moves_to_the_next_level_after_3x12()
    {
        var ladder = new ExerciseLadder(LadderKind.Range, LevelCount: 3);
        var current = new Dose(3, 12, Level: 1);

        var decision = Decide(current, TwoGreens(current), ladder);

        Assert.Equal(new Dose(3, 8, Level: 2), decision.Next);
        Assert.Equal(
            "You did 3×12 (level 1) twice with little pain and your knee settled by the morning: next time 3×8 (level 2).",
            decision.Message);
    }

    [Fact]
    public void The_intervals_ladder_moves_to_the_next_walk_run_pattern_at_the_same_repeats_and_stops_at_the_last()
    {
        var ladder = new ExerciseLadder(LadderKind.Intervals, LevelCount: 3);
        var current = new Dose(1, 6, Level: 1);

        var decision = Decide(current, TwoGreens(current), ladder);

        Assert.Equal(new Dose(1, 6, Level: 2), decision.Next);
        Assert.Equal(
            "You did 1×6 (level 1) twice with little pain and your knee settled by the morning: next time 1×6 (level 2).",
            decision.Message);
        var top = new Dose(1, 6, Level: 3);
        Assert.Null(ladder.StepUp(top, new ProgressionOptions()));
    }

    [Fact]
    public void The_intervals_ladder_steps_back_a_pattern_then_takes_away_repeats_never_below_one()
    {
        var ladder = new ExerciseLadder(LadderKind.Intervals, LevelCount: 3);
        var options = new ProgressionOptions();

        var decision = Decide(new Dose(1, 6, Level: 2), [Session(new Dose(1, 6, Level: 2), pain: 6)], ladder);

        Assert.Equal(new Dose(1, 6, Level: 1), decision.Next);
        Assert.Equal(new Dose(1, 5, Level: 1), ladder.StepDown(new Dose(1, 6, Level: 1), options));
        Assert.Equal(new Dose(1, 1, Level: 1), ladder.StepDown(new Dose(1, 1, Level: 1), options));
    }
}
