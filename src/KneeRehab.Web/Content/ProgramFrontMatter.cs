namespace KneeRehab.Web.Content;

/// <summary>
/// The YAML front matter of a program (<c>content/programs/&lt;slug&gt;.md</c>): weeks split into
/// phases, each with its exercises, their starting dose and the criterion for moving on.
/// </summary>
public sealed record ProgramFrontMatter
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Audience { get; init; }
    public required int Weeks { get; init; }
    public required int WorkoutsPerWeek { get; init; }
    public required IReadOnlyList<ProgramPhase> Phases { get; init; }
    public required IReadOnlyList<GuideSource> Sources { get; init; }
}

public sealed record ProgramPhase
{
    public required string Name { get; init; }
    public required int FirstWeek { get; init; }
    public required int LastWeek { get; init; }
    public required IReadOnlyList<ProgramExercise> Exercises { get; init; }
    public required PhaseExit Exit { get; init; }

    public int MinimumWeeks => LastWeek - FirstWeek + 1;
}

/// <summary>An exercise of a phase and the dose it starts at when the phase begins.</summary>
public sealed record ProgramExercise
{
    public required string Slug { get; init; }
    public required int Sets { get; init; }
    public required int Reps { get; init; }
    public int HoldSeconds { get; init; }
    public double LoadKg { get; init; }
    public int Level { get; init; } = 1;
}

/// <summary>When a phase is done: the last <see cref="GreenWorkouts"/> workouts of every exercise green, at least at this dose.</summary>
public sealed record PhaseExit
{
    public int GreenWorkouts { get; init; } = 2;
    public required int MinSets { get; init; }
    public required int MinReps { get; init; }
    public required string Description { get; init; }
}
