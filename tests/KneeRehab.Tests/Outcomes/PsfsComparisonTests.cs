using KneeRehab.Web.Outcomes;

namespace KneeRehab.Tests.Outcomes;

/// <summary>The activity score compared only on the same activities; each activity against its own first score (FACTS 2.6, 2.7).</summary>
public class PsfsComparisonTests
{
    private static PsfsCheckIn On(int day, params (string Name, int Score)[] activities) =>
        new(new DateOnly(2026, 3, 1).AddDays(day), [.. activities.Select(a => new PsfsActivity(a.Name, a.Score))]);

    [Fact]
    public void The_same_activities_throughout_compare_the_mean_from_the_first_check_in_and_each_activity_with_its_first_score()
    {
        var comparison = PsfsComparison.Of([
            On(0, ("Stairs", 3), ("Running", 2), ("Squatting", 4)),
            On(28, ("Stairs", 4), ("Running", 3), ("Squatting", 4)),
            On(56, ("stairs", 6), ("Running", 4), ("Squatting", 5)),
        ]);

        Assert.Null(comparison.ActivitiesChangedOn);
        Assert.Null(comparison.ChangedActivitiesSentence);
        // Mean 3 → 5: 2 points, a meaningful improvement.
        Assert.Equal(ChangeVerdict.Better, comparison.Mean!.Verdict);
        Assert.Equal(2, comparison.Mean.Change, precision: 9);
        // Stairs 3 → 6 (3 points: meaningful for one activity); running 2 → 4 and squatting 4 → 5 are not.
        Assert.Equal([ChangeVerdict.Better, ChangeVerdict.NoMeaningfulChange, ChangeVerdict.NoMeaningfulChange], comparison.Activities.Select(r => r.Verdict));
        Assert.Equal([3, 2, 1], comparison.Activities.Select(r => (int)r.Change));
        Assert.Equal("Your score for \"stairs\" went from 3 to 6: a meaningful improvement.", comparison.Activities[0].Sentence);
    }

    [Fact]
    public void A_changed_activity_starts_a_new_line_for_the_mean_said_in_words_and_a_new_activity_has_no_change_yet()
    {
        var comparison = PsfsComparison.Of([
            On(0, ("Stairs", 1), ("Running", 1), ("Squatting", 1)),
            On(28, ("Stairs", 5), ("Kneeling", 2), ("Squatting", 3)),
            On(56, ("Stairs", 6), ("Kneeling", 3), ("Squatting", 4)),
        ]);

        // Mean from day 28 (10/3) to day 56 (13/3): 1 point, not the 1 → 4.3 a mix of activities would show.
        Assert.Equal(new DateOnly(2026, 3, 29), comparison.ActivitiesChangedOn);
        Assert.Equal(1, comparison.Mean!.Change, precision: 9);
        Assert.Equal(ChangeVerdict.NoMeaningfulChange, comparison.Mean.Verdict);
        Assert.Equal("Your activities changed on 29 March 2026, so your activity score is compared from that check-in on, and each activity with its own first score.",
            comparison.ChangedActivitiesSentence);
        // Each activity from its own first score: stairs 1 → 6 and squatting 1 → 4 since day 0, kneeling 2 → 3 since day 28.
        Assert.Equal([5, 1, 3], comparison.Activities.Select(r => (int)r.Change));
    }

    [Fact]
    public void One_check_in_or_a_new_set_at_the_latest_compares_no_mean()
    {
        Assert.Same(PsfsComparison.None, PsfsComparison.Of([]));
        var single = PsfsComparison.Of([On(0, ("Stairs", 3), ("Running", 2), ("Squatting", 4))]);
        Assert.Null(single.Mean);
        Assert.Empty(single.Activities);

        var changedLast = PsfsComparison.Of([
            On(0, ("Stairs", 3), ("Running", 2), ("Squatting", 4)),
            On(28, ("Stairs", 7), ("Cycling", 2), ("Squatting", 4)),
        ]);
        Assert.Null(changedLast.Mean);
        Assert.Equal(new DateOnly(2026, 3, 29), changedLast.ActivitiesChangedOn);
        Assert.Equal([ChangeVerdict.Better, ChangeVerdict.NoMeaningfulChange], changedLast.Activities.Select(r => r.Verdict));
    }
}
