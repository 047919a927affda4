namespace KneeRehab.Web.Outcomes;

/// <summary>
/// The Global Rating of Change: one 7-point item, -3 (very much worse) to +3 (very much better). A generic item
/// with no licence question (FACTS 2.6). Only valid values can be constructed, and <c>with</c> cannot change one.
/// </summary>
public sealed record GlobalRatingOfChange
{
    public const int Min = -3;
    public const int Max = 3;
    public const string Question = "Compared with when you started, how is your knee now?";

    private static readonly string[] Labels =
    [
        "Very much worse",
        "Much worse",
        "A little worse",
        "About the same",
        "A little better",
        "Much better",
        "Very much better",
    ];

    public GlobalRatingOfChange(int value)
    {
        if (!IsValid(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Pick one answer from {Min} to +{Max}.");
        Value = value;
    }

    public int Value { get; }

    public string Label => Labels[Value - Min];

    /// <summary>Every answer, worst first, in the order the form lists them.</summary>
    public static IReadOnlyList<GlobalRatingOfChange> Scale { get; } =
        [.. Enumerable.Range(Min, Max - Min + 1).Select(v => new GlobalRatingOfChange(v))];

    public static bool IsValid(int value) => value is >= Min and <= Max;
}
