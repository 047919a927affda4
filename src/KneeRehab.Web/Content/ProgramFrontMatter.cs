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

    /// <summary>The return-to-activity ladder (Milestones/): activities, lowest first, each opened by criteria, not by a date.</summary>
    public IReadOnlyList<MilestoneRung> Milestones { get; init; } = [];

    /// <summary>Programs after whose finish this one is offered (the runner's knee program leads to return to running).</summary>
    public IReadOnlyList<string> SuggestedAfter { get; init; } = [];

    /// <summary>Goals (running, sport, stairs-and-walking, work, other) for which this program is offered first.</summary>
    public IReadOnlyList<string> SuggestedForGoals { get; init; } = [];
}

/// <summary>
/// One rung of a program's milestone ladder: an activity the patient goes back to ("jog 2 min, walk 2 min, 5 times"),
/// open once every criterion is met. <see cref="ForGoals"/> limits a rung to patients with those goals
/// (a match is for a sport, not for stairs); empty is everyone.
/// </summary>
public sealed record MilestoneRung
{
    public required string Activity { get; init; }
    public IReadOnlyList<string> ForGoals { get; init; } = [];
    public required IReadOnlyList<MilestoneCriterionSpec> Criteria { get; init; }
}

/// <summary>
/// A criterion as written in content: its <see cref="Kind"/> (one of <see cref="Kinds"/>), the figure it needs,
/// over how many workouts, and where it comes from. <see cref="ProjectChoice"/> marks a threshold the project chose
/// where the sources give none; the pages say so.
/// </summary>
public sealed record MilestoneCriterionSpec
{
    public required string Kind { get; init; }
    public double Value { get; init; }
    public int Workouts { get; init; }
    public required string Source { get; init; }
    public bool ProjectChoice { get; init; }

    public const string PainDuringAtMost = "pain_during_at_most";
    public const string MorningSettled = "morning_settled";
    public const string NoWeeklyRise = "no_weekly_rise";
    public const string GoalActivityAtLeast = "goal_activity_at_least";
    public const string StepDownSymmetryAtLeast = "step_down_symmetry_at_least";
    public const string DaysSincePrevious = "days_since_previous";
    public const string PhaseReached = "phase_reached";
    public const string ProgramFinished = "program_finished";

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>
    {
        PainDuringAtMost, MorningSettled, NoWeeklyRise, GoalActivityAtLeast, StepDownSymmetryAtLeast, DaysSincePrevious, PhaseReached, ProgramFinished,
    };
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
