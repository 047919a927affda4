namespace KneeRehab.Web.Content;

/// <summary>
/// The YAML front matter of an exercise guide (<c>content/exercises/&lt;slug&gt;.md</c>).
/// Field names in YAML are the snake_case of these properties; <c>required</c> marks the fields a file
/// must have. content/README.md documents the allowed values.
/// </summary>
public sealed record GuideFrontMatter
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required int Level { get; init; }
    public required string Position { get; init; }
    public required string Laterality { get; init; }
    public required IReadOnlyList<string> Equipment { get; init; }
    public required IReadOnlyList<string> Targets { get; init; }
    public required string Ladder { get; init; }
    public required GuideDose Dose { get; init; }
    public int? RepGoal { get; init; }

    /// <summary>The smallest load step available for this exercise (a leg press's plate, a dumbbell step); load ladders round to it.</summary>
    public double? LoadIncrementKg { get; init; }

    /// <summary>True when the starting load is the one the patient logs in their first workout of it (a weight they could lift about 15 times), not a number in the program.</summary>
    public bool StartingLoadEntered { get; init; }

    public IReadOnlyList<string> LevelSteps { get; init; } = [];
    public required IReadOnlyList<string> Progression { get; init; }
    public required IReadOnlyList<string> Regression { get; init; }
    public required IReadOnlyList<string> Cautions { get; init; }
    public required GuideEvidence Evidence { get; init; }
    public bool ProjectAddition { get; init; }
    public required IReadOnlyList<GuideSource> Sources { get; init; }

    public static readonly IReadOnlySet<string> Positions = new HashSet<string> { "lying", "side-lying", "sitting", "standing", "kneeling" };
    public static readonly IReadOnlySet<string> Lateralities = new HashSet<string> { "both-legs", "one-leg" };

    /// <summary>How the progression engine moves the dose: the fact sheet's ladders A-D.</summary>
    public static readonly IReadOnlySet<string> Ladders = new HashSet<string> { "reps", "load", "range", "intervals", "fixed" };

    public bool IsOneLeg => Laterality == "one-leg";

    /// <summary>True for the ladders that climb through <see cref="LevelSteps"/>: depth, step height, decline, or a walk-run pattern.</summary>
    public bool HasLevels => Ladder is "range" or "intervals";
}

public sealed record GuideDose
{
    public required int Sets { get; init; }
    public required int Reps { get; init; }
    public int HoldSeconds { get; init; }
    public required int RestSeconds { get; init; }
    public required int PerWeek { get; init; }

    /// <summary>Where the numbers come from: a source, or the project's own choice.</summary>
    public required string Basis { get; init; }

    public string Frequency => PerWeek switch
    {
        14 => "twice a day",
        > 7 => $"{PerWeek} times a week (some days twice)",
        7 => "every day",
        1 => "once a week",
        _ => $"{PerWeek} times a week",
    };
}

public sealed record GuideEvidence
{
    public required string Level { get; init; }
    public required string Note { get; init; }

    public static readonly IReadOnlySet<string> Levels = new HashSet<string> { "high", "moderate", "low", "expert-opinion" };
}

public sealed record GuideSource
{
    public required string Kind { get; init; }
    public required string Ref { get; init; }
    public string? Note { get; init; }

    public string KindLabel => Kind switch
    {
        "seed" => "Source article",
        "paper" => "Research",
        "guideline" => "Guideline",
        "clinician" => "Physiotherapist",
        _ => "KneeRehab",
    };

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string> { "seed", "paper", "guideline", "editorial", "clinician" };
}
