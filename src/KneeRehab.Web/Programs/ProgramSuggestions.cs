using KneeRehab.Web.Content;

namespace KneeRehab.Web.Programs;

/// <summary>
/// The programs offered to a patient next, from the content (<c>suggested_after</c>, <c>suggested_for_goals</c>):
/// the return-to-running program after the runner's knee program, or first for a patient whose goal is running.
/// </summary>
public static class ProgramSuggestions
{
    public sealed record Suggestion(TrainingProgram Program, string Why);

    /// <param name="finished">The slug of the program just finished, if any.</param>
    /// <param name="goal">The patient's goal as content names it (<see cref="Milestones.MilestoneLadder.GoalKey"/>).</param>
    public static IReadOnlyList<Suggestion> For(ContentSnapshot content, string? finished, string? goal) =>
        [.. content.Programs
            .Where(p => p.Slug != finished)
            .Select(p => p.Meta.SuggestedAfter.Contains(finished ?? "") && content.FindProgram(finished!) is { } done
                ? new Suggestion(p, $"the next step after {done.Meta.Title}")
                : goal is not null && p.Meta.SuggestedForGoals.Contains(goal) ? new Suggestion(p, $"for your goal: {goal.Replace('-', ' ')}") : null)
            .OfType<Suggestion>()];
}
