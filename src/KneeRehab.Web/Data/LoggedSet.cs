namespace KneeRehab.Web.Data;

/// <summary>One set of one exercise.</summary>
public sealed class LoggedSet
{
    public int Id { get; set; }

    public int WorkoutExerciseId { get; set; }

    /// <summary>1, 2, 3... within the exercise.</summary>
    public int Number { get; set; }

    public int Reps { get; set; }

    public int? HoldSeconds { get; set; }

    /// <summary>Kilograms; 0 or null is body weight.</summary>
    public double? LoadKg { get; set; }
}
