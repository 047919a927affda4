using KneeRehab.Web.Data;

namespace KneeRehab.Tests.Data;

public class WorkoutTests
{
    private static WorkoutExercise Entry(params (int Reps, int? Hold, double? Load)[] sets) => new()
    {
        UserId = "u",
        ExerciseSlug = "ball-bridge",
        Sets = [.. sets.Select((s, i) => new LoggedSet { Number = i + 1, Reps = s.Reps, HoldSeconds = s.Hold, LoadKg = s.Load })],
    };

    [Fact]
    public void Change_since_nothing_is_first_time() =>
        Assert.Equal("first time", Entry((10, null, null)).ChangeSince(null));

    [Fact]
    public void Same_sets_are_same() =>
        Assert.Equal("same", Entry((10, 3, null), (10, 3, null)).ChangeSince(Entry((10, 3, null), (10, 3, null))));

    [Fact]
    public void More_reps_and_a_set_are_counted() =>
        Assert.Equal("+1 set, +12 reps", Entry((10, null, null), (10, null, null), (12, null, null)).ChangeSince(Entry((10, null, null), (10, null, null))));

    [Fact]
    public void Fewer_reps_longer_hold_and_more_load_read_naturally() =>
        Assert.Equal("−1 rep, +2 s hold, +2.5 kg", Entry((9, 5, 42.5)).ChangeSince(Entry((10, 3, 40))));

    [Fact]
    public void Summary_counts_exercises_sets_and_reps()
    {
        var workout = new Workout { UserId = "u", Exercises = [Entry((10, null, null), (10, null, null)), Entry((1, null, null))] };

        Assert.Equal("2 exercises · 3 sets · 21 reps", workout.Summary());
        Assert.Equal("0 exercises · 0 sets · 0 reps", new Workout { UserId = "u" }.Summary());
    }

    [Theory]
    [InlineData(WeightUnit.Kilograms, 42.5, 42.5)]
    [InlineData(WeightUnit.Pounds, 100, 45.36)]
    [InlineData(WeightUnit.Pounds, 2.5, 1.13)]
    public void Loads_are_stored_in_kilograms(WeightUnit unit, double typed, double kg)
    {
        Assert.Equal(kg, unit.ToKilograms(typed), 2);
        Assert.Equal(typed, unit.FromKilograms(unit.ToKilograms(typed)), 1);
    }
}
