using System.Globalization;
using KneeRehab.Web.Training;

namespace KneeRehab.Tests.Training;

public class DoseTests
{
    [Theory]
    [InlineData(3, 10, 0, 0, 1, LadderKind.Reps, "3×10")]
    [InlineData(3, 15, 5, 0, 1, LadderKind.Reps, "3×15 with a 5 s hold")]
    [InlineData(3, 8, 0, 42.5, 1, LadderKind.Load, "3×8 at 42.5 kg")]
    [InlineData(3, 8, 0, 40, 1, LadderKind.Load, "3×8 at 40 kg")]
    [InlineData(3, 8, 0, 1.25, 1, LadderKind.Load, "3×8 at 1.25 kg")]
    [InlineData(3, 8, 0, 0, 2, LadderKind.Range, "3×8 (level 2)")]
    [InlineData(3, 8, 0, 0, 1, LadderKind.Range, "3×8 (level 1)")]
    [InlineData(3, 8, 0, 0, 2, LadderKind.Reps, "3×8")]
    [InlineData(3, 8, 3, 42.5, 2, LadderKind.Range, "3×8 with a 3 s hold at 42.5 kg (level 2)")]
    [InlineData(4, 1, 30, 0, 1, LadderKind.Fixed, "4×1 with a 30 s hold")]
    public void Describe_reads_as_a_patient_would_say_it(int sets, int reps, int hold, double load, int level, LadderKind ladder, string text) =>
        Assert.Equal(text, new Dose(sets, reps, hold, load, level).Describe(ladder));

    [Fact]
    public void Describe_uses_a_decimal_point_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("3×8 at 42.5 kg", new Dose(3, 8, LoadKg: 42.5).Describe(LadderKind.Load));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(3, 15, 10, 100, 1, 1, 8, 0, 0, 2)]     // level first
    [InlineData(3, 15, 10, 40, 1, 1, 8, 0, 40.5, 1)]   // then load
    [InlineData(3, 12, 10, 0, 1, 3, 15, 0, 0, 1)]      // then volume
    [InlineData(3, 8, 0, 0, 1, 2, 12, 10, 0, 1)]       // the same volume: the hold decides
    [InlineData(3, 15, 3, 0, 1, 3, 15, 5, 0, 1)]
    public void A_dose_is_lower_by_level_then_load_then_volume_then_hold(
        int sets, int reps, int hold, double load, int level, int otherSets, int otherReps, int otherHold, double otherLoad, int otherLevel)
    {
        var lower = new Dose(sets, reps, hold, load, level);
        var higher = new Dose(otherSets, otherReps, otherHold, otherLoad, otherLevel);

        Assert.True(lower.IsLowerThan(higher));
        Assert.False(higher.IsLowerThan(lower));
    }

    [Fact]
    public void An_equal_dose_is_not_lower()
    {
        var dose = new Dose(3, 10, 3, 20, 2);

        Assert.False(dose.IsLowerThan(dose with { }));
    }
}
