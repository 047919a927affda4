namespace KneeRehab.Web.Data;

/// <summary>One training session a user logged: a date, notes, and the exercises done.</summary>
public sealed class Workout
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly Date { get; set; }

    public string? Notes { get; set; }

    /// <summary>0-10, filled in the morning after; null until then.</summary>
    public int? PainNextMorning { get; set; }

    /// <summary>From the form that created it: posting the same form twice finds this workout instead of adding another.</summary>
    public Guid IdempotencyKey { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The program this workout was done for, when it was logged from /today.</summary>
    public int? EnrollmentId { get; set; }

    /// <summary>"Bad-knee day": every exercise was done one step down the ladder; it still counts as done.</summary>
    public bool BadKneeDay { get; set; }

    public List<WorkoutExercise> Exercises { get; set; } = [];

    /// <summary>"2 exercises · 4 sets · 40 reps"</summary>
    public string Summary() => Summary(Exercises.Count, Exercises.Sum(e => e.Sets.Count), Exercises.Sum(e => e.Sets.Sum(s => s.Reps)));

    /// <summary>"3 exercises · 9 sets · 90 reps", from counts a query made without loading the sets.</summary>
    public static string Summary(int exercises, int sets, int reps) =>
        $"{Plural(exercises, "exercise")} · {Plural(sets, "set")} · {Plural(reps, "rep")}";

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
