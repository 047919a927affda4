using KneeRehab.Web.Outcomes;

namespace KneeRehab.Tests.Outcomes;

public class GlobalRatingOfChangeTests
{
    [Theory]
    [InlineData(-3, "Very much worse")]
    [InlineData(-2, "Much worse")]
    [InlineData(-1, "A little worse")]
    [InlineData(0, "About the same")]
    [InlineData(1, "A little better")]
    [InlineData(2, "Much better")]
    [InlineData(3, "Very much better")]
    public void Each_value_has_its_label(int value, string label)
    {
        var rating = new GlobalRatingOfChange(value);

        Assert.Equal(value, rating.Value);
        Assert.Equal(label, rating.Label);
        Assert.True(GlobalRatingOfChange.IsValid(value));
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Values_outside_minus_3_to_plus_3_are_rejected(int value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GlobalRatingOfChange(value));

        Assert.Equal("value", error.ParamName);
        Assert.False(GlobalRatingOfChange.IsValid(value));
    }

    [Fact]
    public void The_scale_lists_all_seven_answers_worst_first() =>
        Assert.Equal(
            ["Very much worse", "Much worse", "A little worse", "About the same", "A little better", "Much better", "Very much better"],
            GlobalRatingOfChange.Scale.Select(r => r.Label));

    [Fact]
    public void The_scale_values_run_from_minus_3_to_plus_3() =>
        Assert.Equal([-3, -2, -1, 0, 1, 2, 3], GlobalRatingOfChange.Scale.Select(r => r.Value));

    [Fact]
    public void Ratings_with_the_same_value_are_equal()
    {
        Assert.Equal(new GlobalRatingOfChange(2), new GlobalRatingOfChange(2));
        Assert.NotEqual(new GlobalRatingOfChange(2), new GlobalRatingOfChange(1));
    }

    [Fact]
    public void The_question_compares_with_the_start() =>
        Assert.Equal("Compared with when you started, how is your knee now?", GlobalRatingOfChange.Question);
}
