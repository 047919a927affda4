namespace KneeRehab.Web.Outcomes;

/// <summary>One check-in's home tests; a skipped test is null.</summary>
public sealed record HomeTestResult(DateOnly Date, int? ChairStands, int? StepDownsLeft, int? StepDownsRight);

/// <summary>
/// Tests a patient does at home with a chair, a step and a phone's timer, every 4 weeks beside the activity score
/// (FACTS 2.6 and 2.7). The 30-second chair stand is the core test of the OARSI set for hip and knee osteoarthritis
/// (Dobson et al. 2013). Counting controlled step-downs on each leg is a licence-free performance test; counting
/// them for 30 seconds, like the chair stand, is this project's choice. Comparing the legs uses the limb symmetry
/// index (the painful leg's count as a percentage of the other's): 90% or more is the criterion most used before a
/// return to sport after a knee injury, and for kneecap pain it is the project's choice.
/// </summary>
public static class HomeTests
{
    public const int MinCount = 0;

    /// <summary>More than anyone does in 30 seconds: a higher number is a typing slip.</summary>
    public const int MaxCount = 60;

    public const int SymmetryCriterion = 90;

    /// <summary>The painful leg's count as a percentage of the other leg's, or null when a count is missing or the other leg did none.</summary>
    public static int? Symmetry(int? affected, int? other) =>
        affected is { } a && other is > 0 ? (int)Math.Round(100.0 * a / other.Value, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The home tests in plain words: the chair stands from the first to the latest, and the latest step-downs of
    /// both legs with the painful leg's symmetry (when the patient said which knee: <paramref name="painfulLeftKnee"/>).
    /// </summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<HomeTestResult> oldestFirst, bool? painfulLeftKnee, Func<DateOnly, string> when)
    {
        var sentences = new List<string>();
        var stands = oldestFirst.Where(t => t.ChairStands is not null).ToList();
        if (stands.Count == 1)
            sentences.Add($"30-second chair stand: {stands[0].ChairStands} stands ({when(stands[0].Date)}).");
        else if (stands.Count > 1)
            sentences.Add($"30-second chair stand: from {stands[0].ChairStands} stands ({when(stands[0].Date)}) to {stands[^1].ChairStands} ({when(stands[^1].Date)}).");
        if (oldestFirst.LastOrDefault(t => t.StepDownsLeft is not null && t.StepDownsRight is not null) is { } steps)
        {
            var text = $"Step-downs in 30 seconds ({when(steps.Date)}): {steps.StepDownsLeft} standing on the left leg, {steps.StepDownsRight} on the right";
            var symmetry = painfulLeftKnee switch
            {
                true => Symmetry(steps.StepDownsLeft, steps.StepDownsRight),
                false => Symmetry(steps.StepDownsRight, steps.StepDownsLeft),
                null => null,
            };
            sentences.Add(symmetry is { } percent ? $"{text}: {SymmetrySentence(percent)}" : $"{text}.");
        }
        return sentences;
    }

    /// <summary>What the two legs' counts say, in plain words.</summary>
    public static string SymmetrySentence(int symmetry) => symmetry >= SymmetryCriterion
        ? $"your painful leg did {symmetry}% of the other's: level with it (90% or more)."
        : $"your painful leg did {symmetry}% of the other's; before running or sport the usual aim is 90% or more.";
}
