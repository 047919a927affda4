using KneeRehab.Web.Training;
using static KneeRehab.Tests.Training.Scenario;

namespace KneeRehab.Tests.Training;

/// <summary>Green, amber, red and pending at the edges of every threshold (FACTS 3.3).</summary>
public class ClassificationTests
{
    private static SessionAssessment Assess(LoggedSession session, int baseline = Baseline) => Engine().Assess(session, baseline, Now);

    [Theory]
    [InlineData(0, SessionClass.Green, new string[0])]
    [InlineData(3, SessionClass.Green, new string[0])]
    [InlineData(4, SessionClass.Amber, new[] { "AMBER_PAIN" })]
    [InlineData(5, SessionClass.Amber, new[] { "AMBER_PAIN" })]
    [InlineData(6, SessionClass.Red, new[] { "RED_PAIN_DURING" })]
    [InlineData(7, SessionClass.Red, new[] { "RED_PAIN_DURING" })]
    [InlineData(8, SessionClass.Red, new[] { "RED_PAIN_DURING" })]
    [InlineData(10, SessionClass.Red, new[] { "RED_PAIN_DURING" })]
    public void Pain_during_bands_are_3_green_4_to_5_amber_6_and_up_red(int pain, SessionClass expected, string[] reasons)
    {
        var assessment = Assess(Session(A2, pain: pain));

        Assert.Equal(expected, assessment.Class);
        Assert.Equal(reasons, assessment.Reasons);
        Assert.Equal(expected, Engine().Classify(Session(A2, pain: pain), Baseline, Now));
    }

    [Theory]
    [InlineData(2, 2, SessionClass.Green, new string[0])]
    [InlineData(2, 3, SessionClass.Green, new string[0])]
    [InlineData(2, 4, SessionClass.Amber, new[] { "NOT_SETTLED" })]
    [InlineData(2, 5, SessionClass.Red, new[] { "RED_NEXT_DAY" })]
    [InlineData(2, 6, SessionClass.Red, new[] { "RED_NEXT_DAY" })]
    [InlineData(0, 1, SessionClass.Green, new string[0])]
    [InlineData(0, 2, SessionClass.Amber, new[] { "NOT_SETTLED" })]
    [InlineData(0, 3, SessionClass.Red, new[] { "RED_NEXT_DAY" })]
    [InlineData(5, 6, SessionClass.Green, new string[0])]
    [InlineData(5, 7, SessionClass.Amber, new[] { "NOT_SETTLED" })]
    [InlineData(5, 8, SessionClass.Red, new[] { "RED_NEXT_DAY" })]
    [InlineData(5, 0, SessionClass.Green, new string[0])]
    public void Next_morning_is_settled_up_to_baseline_plus_1_amber_at_plus_2_red_from_plus_3(
        int baseline, int morning, SessionClass expected, string[] reasons)
    {
        var assessment = Assess(Session(A2, morning: morning), baseline);

        Assert.Equal(expected, assessment.Class);
        Assert.Equal(reasons, assessment.Reasons);
    }

    [Theory]
    [InlineData(6, 2, false)]
    [InlineData(7, 2, false)]
    [InlineData(8, 2, true)]
    [InlineData(10, 2, true)]
    [InlineData(2, 5, false)]
    [InlineData(2, 6, true)]
    [InlineData(2, 10, true)]
    [InlineData(6, 5, false)]
    public void Red_is_severe_from_pain_8_during_or_next_morning_baseline_plus_4(int pain, int morning, bool severe)
    {
        var assessment = Assess(Session(A2, pain: pain, morning: morning));

        Assert.Equal(SessionClass.Red, assessment.Class);
        Assert.Equal(severe, assessment.Severe);
    }

    [Fact]
    public void Pain_and_next_morning_both_red_give_both_reasons()
    {
        var assessment = Assess(Session(A2, pain: 6, morning: 5));

        Assert.Equal(["RED_PAIN_DURING", "RED_NEXT_DAY"], assessment.Reasons);
    }

    [Theory]
    [InlineData(new[] { 10, 10, 10 }, SessionClass.Green)]
    [InlineData(new[] { 12, 10, 8 }, SessionClass.Green)]
    [InlineData(new[] { 10, 10, 9 }, SessionClass.Amber)]
    [InlineData(new[] { 8, 8, 8 }, SessionClass.Amber)]
    [InlineData(new[] { 10, 10 }, SessionClass.Amber)]
    [InlineData(new int[0], SessionClass.Amber)]
    public void Any_rep_short_of_the_prescription_is_amber(int[] reps, SessionClass expected)
    {
        var assessment = Assess(Session(A2, reps: reps));

        Assert.Equal(expected, assessment.Class);
        Assert.Equal(expected == SessionClass.Amber ? ["INCOMPLETE"] : [], assessment.Reasons);
    }

    [Theory]
    [InlineData(new[] { 10, 10, 10 }, 1.0)]
    [InlineData(new[] { 10, 10, 4 }, 0.8)]
    [InlineData(new[] { 10, 7, 4 }, 0.7)]
    [InlineData(new[] { 15, 15 }, 1.0)]
    [InlineData(new int[0], 0.0)]
    public void Completion_is_the_sum_of_reps_over_sets_times_reps(int[] reps, double completion) =>
        Assert.Equal(completion, Session(A2, reps: reps).Completion, 12);

    [Theory]
    [InlineData(35, SessionClass.Pending, "PENDING_NEXT_MORNING")]
    [InlineData(35.99, SessionClass.Pending, "PENDING_NEXT_MORNING")]
    [InlineData(36, SessionClass.Amber, "NEXT_MORNING_MISSING")]
    [InlineData(37, SessionClass.Amber, "NEXT_MORNING_MISSING")]
    [InlineData(24 * 10, SessionClass.Amber, "NEXT_MORNING_MISSING")]
    public void Without_next_morning_pain_a_session_is_pending_for_36_hours_then_amber(double hoursAgo, SessionClass expected, string reason)
    {
        var assessment = Assess(Session(A2, morning: null, loggedHoursAgo: hoursAgo));

        Assert.Equal(expected, assessment.Class);
        Assert.Equal([reason], assessment.Reasons);
    }

    [Fact]
    public void A_session_logged_after_now_is_still_pending() =>
        Assert.Equal(SessionClass.Pending, Assess(Session(A2, morning: null, loggedHoursAgo: -1)).Class);

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void Red_pain_during_is_red_at_once_without_waiting_for_the_morning(int pain) =>
        Assert.Equal(SessionClass.Red, Assess(Session(A2, pain: pain, morning: null, loggedHoursAgo: 1)).Class);

    [Fact]
    public void A_pending_session_keeps_what_is_already_known_against_it()
    {
        var assessment = Assess(Session(A2, pain: 5, morning: null, loggedHoursAgo: 3));

        Assert.Equal(SessionClass.Pending, assessment.Class);
        Assert.Equal(["PENDING_NEXT_MORNING", "AMBER_PAIN"], assessment.Reasons);
    }

    [Fact]
    public void Poor_form_is_amber() =>
        Assert.Equal(["FORM"], Assess(Session(A2, formOk: false)).Reasons);

    [Theory]
    [InlineData(3, 3, true, new string[0])]
    [InlineData(3, 4, true, new string[0])]
    [InlineData(3, 2, true, new[] { "HOLD_SHORT" })]
    [InlineData(3, 0, true, new[] { "HOLD_SHORT" })]
    [InlineData(3, 0, false, new[] { "HOLD_MISSING" })]
    [InlineData(0, 0, false, new string[0])]
    [InlineData(10, 9, true, new[] { "HOLD_SHORT" })]
    public void A_hold_shorter_than_prescribed_or_not_logged_is_amber(int prescribedHold, int shortest, bool logged, string[] reasons)
    {
        var assessment = Assess(Session(A2 with { HoldSeconds = prescribedHold }, shortestHold: shortest, holdLogged: logged));

        Assert.Equal(reasons.Length == 0 ? SessionClass.Green : SessionClass.Amber, assessment.Class);
        Assert.Equal(reasons, assessment.Reasons);
    }

    [Fact]
    public void Every_amber_reason_is_reported_most_important_first()
    {
        var assessment = Assess(Session(A2, pain: 4, morning: 4, reps: [10, 10, 5], shortestHold: 2, formOk: false));

        Assert.Equal(SessionClass.Amber, assessment.Class);
        Assert.Equal(["AMBER_PAIN", "NOT_SETTLED", "INCOMPLETE", "HOLD_SHORT", "FORM"], assessment.Reasons);
    }

    [Fact]
    public void Red_ignores_the_amber_details()
    {
        var assessment = Assess(Session(A2, pain: 6, reps: [1], formOk: false));

        Assert.Equal(["RED_PAIN_DURING"], assessment.Reasons);
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var strict = Engine(new ProgressionOptions { GreenPainMax = 2, AmberPainMax = 4, SettledRise = 0, RedNextMorningRise = 2, PendingHours = 12 });

        Assert.Equal(SessionClass.Amber, strict.Classify(Session(A2, pain: 3), Baseline, Now));
        Assert.Equal(SessionClass.Red, strict.Classify(Session(A2, pain: 5), Baseline, Now));
        Assert.Equal(SessionClass.Amber, strict.Classify(Session(A2, morning: 3), Baseline, Now));
        Assert.Equal(SessionClass.Red, strict.Classify(Session(A2, morning: 4), Baseline, Now));
        Assert.Equal(SessionClass.Amber, strict.Classify(Session(A2, morning: null, loggedHoursAgo: 13), Baseline, Now));
        Assert.Equal(SessionClass.Pending, strict.Classify(Session(A2, morning: null, loggedHoursAgo: 11), Baseline, Now));
    }
}
