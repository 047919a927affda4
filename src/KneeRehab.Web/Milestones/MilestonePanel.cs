namespace KneeRehab.Web.Milestones;

/// <summary>
/// What Pages/Shared/_Milestones.cshtml shows: a patient's standing, the goal in words ("football") for the heading,
/// and whether it is the short form (/today: the next rung and its open criteria) or the whole ladder.
/// </summary>
public sealed record MilestonePanel(MilestoneStanding Standing, string? Goal, bool Compact)
{
    /// <summary>The footballer's question, answered: "When can I go back to football?"</summary>
    public string Question => Goal is null ? "Your milestones: when can I go back?" : $"When can I go back to {Lower(Goal)}?";

    private static string Lower(string goal) => goal.Length > 1 && char.IsUpper(goal[0]) && !char.IsUpper(goal[1]) ? char.ToLowerInvariant(goal[0]) + goal[1..] : goal;
}
