using KneeRehab.Web.Outcomes;

namespace KneeRehab.Tests.Outcomes;

/// <summary>The home tests in words: the chair stands over time, the painful leg's step-downs against the other's (FACTS 2.7).</summary>
public class HomeTestsTests
{
    [Theory]
    [InlineData(9, 10, 90)]
    [InlineData(8, 10, 80)]
    [InlineData(12, 10, 120)]
    [InlineData(0, 10, 0)]
    public void Symmetry_is_the_painful_legs_count_as_a_percentage_of_the_other(int affected, int other, int percent) =>
        Assert.Equal(percent, HomeTests.Symmetry(affected, other));

    [Fact]
    public void Symmetry_needs_both_counts_and_an_other_leg_that_did_some() =>
        Assert.Equal([null, null, null], new[] { HomeTests.Symmetry(null, 10), HomeTests.Symmetry(5, null), HomeTests.Symmetry(5, 0) });

    [Fact]
    public void Describe_gives_the_chair_stands_first_and_latest_and_the_latest_step_downs_with_the_painful_legs_symmetry()
    {
        HomeTestResult[] tests =
        [
            new(new DateOnly(2026, 10, 5), 9, 6, 10),
            new(new DateOnly(2026, 11, 2), null, null, null),
            new(new DateOnly(2026, 11, 30), 13, 8, 10),
        ];
        static string When(DateOnly d) => d.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(
            ["30-second chair stand: from 9 stands (5 Oct) to 13 (30 Nov).",
             "Step-downs in 30 seconds (30 Nov): 8 standing on the left leg, 10 on the right: your painful leg did 80% of the other's; before running or sport the usual aim is 90% or more."],
            HomeTests.Describe(tests, painfulLeftKnee: true, When));
        Assert.EndsWith("your painful leg did 125% of the other's: level with it (90% or more).", HomeTests.Describe(tests, painfulLeftKnee: false, When)[1]);
        Assert.EndsWith("10 on the right.", HomeTests.Describe(tests, painfulLeftKnee: null, When)[1]);
        Assert.Empty(HomeTests.Describe([], true, When));
    }
}
