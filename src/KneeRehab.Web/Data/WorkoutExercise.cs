namespace KneeRehab.Web.Data;

/// <summary>A prescribed dose, stored with the exercise it was prescribed for.</summary>
public sealed record Prescription(int Sets, int Reps, int HoldSeconds, double LoadKg, int Level);

public enum Side
{
    Both,
    Left,
    Right,
}

/// <summary>One exercise in a workout, with its sets.</summary>
public sealed class WorkoutExercise
{
    public int Id { get; set; }

    public int WorkoutId { get; set; }

    public Workout? Workout { get; set; }

    /// <summary>Copied from the workout so that "this user's latest sets of one exercise" is one index seek.</summary>
    public required string UserId { get; set; }

    /// <summary>Copied from the workout, for the same index.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The order in the workout, from 0.</summary>
    public int Position { get; set; }

    public required string ExerciseSlug { get; set; }

    public Side Side { get; set; }

    /// <summary>
    /// Worst pain during this exercise, 0-10. Empty only for the other leg of a one-leg exercise, when the
    /// affected knee's side was logged with its pain in the same workout (see <c>WorkoutInput.PainIsOptional</c>).
    /// </summary>
    public int? PainDuring { get; set; }

    /// <summary>The user's "it felt right": controlled, no knee caving in, felt in the right place.</summary>
    public bool FormOk { get; set; }

    public string? Note { get; set; }

    /// <summary>For range exercises (depth, step height, decline): the level done, 1 = the guide's first step.</summary>
    public int? Level { get; set; }

    /// <summary>
    /// What the program prescribed for this exercise, when it was logged against a plan. Kept beside
    /// what was actually done, so an override is on record and the engine judges what was really done.
    /// </summary>
    public Prescription? Prescribed { get; set; }

    public List<LoggedSet> Sets { get; set; } = [];

    public int TotalReps => Sets.Sum(s => s.Reps);

    /// <summary>
    /// What changed since the previous time this exercise was done on this side, in a few words:
    /// "+2 reps, +1 set", "same", or "first time".
    /// </summary>
    public string ChangeSince(WorkoutExercise? previous)
    {
        if (previous is null) return "first time";

        var changes = new List<string>();
        AddChange(changes, Sets.Count - previous.Sets.Count, "set");
        AddChange(changes, TotalReps - previous.TotalReps, "rep");
        AddChange(changes, MaxHold - previous.MaxHold, "s hold", plural: false);
        var load = Math.Round(MaxLoadKg - previous.MaxLoadKg, 2);
        if (load != 0) changes.Add($"{(load > 0 ? "+" : "−")}{Math.Abs(load):0.##} kg");
        return changes.Count == 0 ? "same" : string.Join(", ", changes);
    }

    private int MaxHold => Sets.Count == 0 ? 0 : Sets.Max(s => s.HoldSeconds ?? 0);

    private double MaxLoadKg => Sets.Count == 0 ? 0 : Sets.Max(s => s.LoadKg ?? 0);

    private static void AddChange(List<string> changes, int delta, string noun, bool plural = true)
    {
        if (delta == 0) return;
        var suffix = plural && Math.Abs(delta) != 1 ? "s" : "";
        changes.Add($"{(delta > 0 ? "+" : "−")}{Math.Abs(delta)} {noun}{suffix}");
    }
}
