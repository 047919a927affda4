using KneeRehab.Web.Outcomes;

namespace KneeRehab.Tests.Outcomes;

/// <summary>PSFS scoring: the mean of 3-5 activities rated 0-10 (Stratford 1995).</summary>
public class PsfsTests
{
    private static PsfsActivity[] Activities(params int[] scores) =>
        [.. scores.Select((score, i) => new PsfsActivity($"Activity {i + 1}", score))];

    [Theory]
    [InlineData(new[] { 2, 4, 9 }, 5.0)]
    [InlineData(new[] { 3, 4, 5, 7 }, 4.75)]
    [InlineData(new[] { 1, 2, 3, 4, 6 }, 3.2)]
    [InlineData(new[] { 0, 0, 0 }, 0.0)]
    [InlineData(new[] { 10, 10, 10, 10, 10 }, 10.0)]
    [InlineData(new[] { 4, 5, 5 }, 14.0 / 3)]
    public void Score_is_the_mean_of_the_activities(int[] scores, double mean) =>
        Assert.Equal(mean, Psfs.Score(Activities(scores)), 10);

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Three_to_five_activities_are_accepted(int count) =>
        Assert.Equal(6.0, Psfs.Score(Activities([.. Enumerable.Repeat(6, count)])));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(7)]
    public void Fewer_than_three_or_more_than_five_activities_are_rejected(int count)
    {
        var error = Assert.Throws<ArgumentException>(() => Psfs.Score(Activities([.. Enumerable.Repeat(6, count)])));

        Assert.Equal("activities", error.ParamName);
        Assert.StartsWith("Name between 3 and 5 activities", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void A_score_outside_0_to_10_is_rejected_with_the_activity_named(int score)
    {
        PsfsActivity[] activities = [new("Stairs", 5), new("Kneeling", score), new("Running", 5)];

        var error = Assert.Throws<ArgumentException>(() => Psfs.Score(activities));

        Assert.StartsWith("Rate \"Kneeling\" from 0 (unable to do it) to 10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void An_activity_without_a_name_is_rejected(string name)
    {
        PsfsActivity[] activities = [new("Stairs", 5), new(name, 5), new("Running", 5)];

        var error = Assert.Throws<ArgumentException>(() => Psfs.Score(activities));

        Assert.StartsWith("Every activity needs a name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_name_is_rejected_like_an_empty_one()
    {
        PsfsActivity[] activities = [new("Stairs", 5), new(null!, 5), new("Running", 5)];

        Assert.Throws<ArgumentException>(() => Psfs.Score(activities));
    }

    [Fact]
    public void A_null_list_is_rejected() =>
        Assert.Throws<ArgumentNullException>(() => Psfs.Score(null!));
}
