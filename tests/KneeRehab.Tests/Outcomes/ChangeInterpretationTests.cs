using System.Globalization;
using KneeRehab.Web.Outcomes;

namespace KneeRehab.Tests.Outcomes;

/// <summary>Meaningful change against normal variation at every threshold's edge (FACTS 2.1, 2.6).</summary>
public class ChangeInterpretationTests
{
    // Pain: 2 points, or 30% of the starting pain (Farrar 2001); lower is better.

    [Theory]
    [InlineData(6, 4, ChangeVerdict.Better)]        // 2 points exactly (and 33%)
    [InlineData(9, 7, ChangeVerdict.Better)]        // 2 points exactly, only 22%
    [InlineData(7, 9, ChangeVerdict.Worse)]         // 2 points up
    [InlineData(9, 7.1, ChangeVerdict.NoMeaningfulChange)]  // 1.9 points, 21%
    [InlineData(7.1, 9, ChangeVerdict.NoMeaningfulChange)]  // 1.9 points up, 27%
    [InlineData(10, 0, ChangeVerdict.Better)]
    [InlineData(0, 10, ChangeVerdict.Worse)]
    public void Pain_change_of_2_points_is_meaningful(double before, double after, ChangeVerdict verdict) =>
        Assert.Equal(verdict, ChangeInterpretation.Pain(before, after).Verdict);

    [Theory]
    [InlineData(5, 3.5, ChangeVerdict.Better)]      // 1.5 points = 30% exactly
    [InlineData(6, 4.2, ChangeVerdict.Better)]      // 1.8 points = 30% exactly, not exact in binary
    [InlineData(3, 2.1, ChangeVerdict.NoMeaningfulChange)] // 30% but under 1 point
    [InlineData(1, 1.3, ChangeVerdict.NoMeaningfulChange)] // 30% up but under 1 point
    [InlineData(2, 3, ChangeVerdict.Worse)]         // 1 point = 50%
    [InlineData(3, 2, ChangeVerdict.Better)]        // 1 point = 33%
    [InlineData(5, 6.5, ChangeVerdict.Worse)]       // 30% up
    [InlineData(5, 3.55, ChangeVerdict.NoMeaningfulChange)] // 29%
    [InlineData(6, 4.26, ChangeVerdict.NoMeaningfulChange)] // 29%
    [InlineData(5, 6.45, ChangeVerdict.NoMeaningfulChange)] // 29% up
    [InlineData(3, 2.5, ChangeVerdict.NoMeaningfulChange)]  // 17%
    public void Pain_change_of_30_percent_of_the_starting_pain_is_meaningful(double before, double after, ChangeVerdict verdict) =>
        Assert.Equal(verdict, ChangeInterpretation.Pain(before, after).Verdict);

    [Theory]
    [InlineData(0, 1, ChangeVerdict.NoMeaningfulChange)]
    [InlineData(0, 1.9, ChangeVerdict.NoMeaningfulChange)]
    [InlineData(0, 2, ChangeVerdict.Worse)]
    [InlineData(0, 0, ChangeVerdict.NoMeaningfulChange)]
    public void From_no_pain_only_the_2_point_rule_applies(double before, double after, ChangeVerdict verdict) =>
        Assert.Equal(verdict, ChangeInterpretation.Pain(before, after).Verdict);

    // These decimals come out just short of the threshold in binary floating point (8.2 - 6.2 < 2).
    [Theory]
    [InlineData(8.2, 6.2, ChangeVerdict.Better)]     // 2 points, 24%
    [InlineData(6.7, 8.7, ChangeVerdict.Worse)]      // 2 points up, 29.9%
    [InlineData(3.5, 2.45, ChangeVerdict.Better)]    // 30%
    [InlineData(4, 3, ChangeVerdict.NoMeaningfulChange)] // 1 point, only 25%
    public void Decimal_inputs_exactly_at_a_threshold_count_as_meaningful(double before, double after, ChangeVerdict verdict) =>
        Assert.Equal(verdict, ChangeInterpretation.Pain(before, after).Verdict);

    [Theory]
    [InlineData(6, 4, "Your average pain went from 6 to 4: a meaningful improvement.")]
    [InlineData(4, 6, "Your average pain went from 4 to 6: a meaningful worsening.")]
    [InlineData(3, 2.5, "Your average pain went from 3 to 2.5: within normal variation, not yet a clear change.")]
    [InlineData(2.5, 3, "Your average pain went from 2.5 to 3: within normal variation, not yet a clear change.")]
    [InlineData(3, 3, "Your average pain stayed at 3: no change.")]
    [InlineData(4.25, 2.125, "Your average pain went from 4.25 to 2.13: a meaningful improvement.")]
    public void Pain_sentence_says_the_change_in_plain_words(double before, double after, string sentence) =>
        Assert.Equal(sentence, ChangeInterpretation.Pain(before, after).Sentence);

    [Theory]
    [InlineData(6, 4, -2)]
    [InlineData(4, 6, 2)]
    [InlineData(3, 2.5, -0.5)]
    [InlineData(3, 3, 0)]
    public void Change_is_after_minus_before(double before, double after, double change) =>
        Assert.Equal(change, ChangeInterpretation.Pain(before, after).Change, 10);

    [Fact]
    public void Sentence_uses_a_decimal_point_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(
                "Your average pain went from 3 to 2.5: within normal variation, not yet a clear change.",
                ChangeInterpretation.Pain(3, 2.5).Sentence);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(-0.1, 5)]
    [InlineData(5, -0.1)]
    [InlineData(10.1, 5)]
    [InlineData(5, 10.1)]
    [InlineData(double.NaN, 5)]
    [InlineData(5, double.NaN)]
    [InlineData(double.PositiveInfinity, 5)]
    public void Values_outside_0_to_10_are_rejected(double before, double after)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeInterpretation.Pain(before, after));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeInterpretation.Psfs(before, after));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeInterpretation.PsfsActivity("Stairs", before, after));
    }

    [Fact]
    public void The_ends_of_the_scale_are_accepted()
    {
        Assert.Equal(-10, ChangeInterpretation.Pain(10, 0).Change);
        Assert.Equal(10, ChangeInterpretation.Psfs(0, 10).Change);
        Assert.Equal(10, ChangeInterpretation.PsfsActivity("Stairs", 0, 10).Change);
    }

    // PSFS mean: 2 points (Stratford 1995); higher is better.

    [Theory]
    [InlineData(4, 6, ChangeVerdict.Better)]        // 2.0
    [InlineData(4, 5.9, ChangeVerdict.NoMeaningfulChange)]  // 1.9
    [InlineData(6, 4, ChangeVerdict.Worse)]
    [InlineData(6, 4.1, ChangeVerdict.NoMeaningfulChange)]
    [InlineData(2.1, 4.1, ChangeVerdict.Better)]    // 2.0, just under in binary
    [InlineData(5.6, 3.6, ChangeVerdict.Worse)]     // 2.0, just under in binary
    [InlineData(1, 1.5, ChangeVerdict.NoMeaningfulChange)]  // 50% is no rule for the PSFS
    [InlineData(5, 5, ChangeVerdict.NoMeaningfulChange)]
    public void Psfs_mean_change_of_2_points_is_meaningful(double before, double after, ChangeVerdict verdict) =>
        Assert.Equal(verdict, ChangeInterpretation.Psfs(before, after).Verdict);

    [Theory]
    [InlineData(4, 6, "Your activity score went from 4 to 6: a meaningful improvement.")]
    [InlineData(6, 4, "Your activity score went from 6 to 4: a meaningful worsening.")]
    [InlineData(4, 5.9, "Your activity score went from 4 to 5.9: within normal variation, not yet a clear change.")]
    [InlineData(4.75, 4.75, "Your activity score stayed at 4.75: no change.")]
    public void Psfs_sentence_says_the_change_in_plain_words(double before, double after, string sentence) =>
        Assert.Equal(sentence, ChangeInterpretation.Psfs(before, after).Sentence);

    [Fact]
    public void Psfs_change_is_after_minus_before() =>
        Assert.Equal(1.9, ChangeInterpretation.Psfs(4, 5.9).Change, 10);

    // One PSFS activity: 3 points (Stratford 1995).

    [Theory]
    [InlineData(3, 6, ChangeVerdict.Better)]
    [InlineData(3, 5, ChangeVerdict.NoMeaningfulChange)]    // 2 points: enough for the mean, not for one activity
    [InlineData(3, 5.9, ChangeVerdict.NoMeaningfulChange)]
    [InlineData(6, 3, ChangeVerdict.Worse)]
    [InlineData(6, 4, ChangeVerdict.NoMeaningfulChange)]
    [InlineData(0, 10, ChangeVerdict.Better)]
    [InlineData(3.1, 6.1, ChangeVerdict.Better)]    // 3.0, just under in binary
    public void Psfs_activity_change_of_3_points_is_meaningful(double before, double after, ChangeVerdict verdict) =>
        Assert.Equal(verdict, ChangeInterpretation.PsfsActivity("Stairs", before, after).Verdict);

    [Fact]
    public void Psfs_activity_sentence_names_the_activity()
    {
        Assert.Equal(
            "Your score for \"climbing stairs\" went from 3 to 6: a meaningful improvement.",
            ChangeInterpretation.PsfsActivity(" climbing stairs ", 3, 6).Sentence);
        Assert.Equal(
            "Your score for \"kneeling\" went from 3 to 5: within normal variation, not yet a clear change.",
            ChangeInterpretation.PsfsActivity("kneeling", 3, 5).Sentence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Psfs_activity_needs_a_name(string name) =>
        Assert.Throws<ArgumentException>(() => ChangeInterpretation.PsfsActivity(name, 3, 6));

    [Fact]
    public void Thresholds_are_those_of_the_fact_sheet()
    {
        Assert.Equal(2.0, ChangeInterpretation.PainMeaningfulPoints);
        Assert.Equal(0.30, ChangeInterpretation.PainMeaningfulFraction);
        Assert.Equal(2.0, ChangeInterpretation.PsfsMeanMeaningfulPoints);
        Assert.Equal(3.0, ChangeInterpretation.PsfsActivityMeaningfulPoints);
    }
}
