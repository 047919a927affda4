namespace KneeRehab.Web.Content;

/// <summary>A validated exercise guide with its body rendered to HTML once, at load time.</summary>
public sealed record ExerciseGuide(GuideFrontMatter Meta, string BodyHtml)
{
    public string Slug => Meta.Slug;

    /// <summary>The body headings a guide must have, in this order (content/README.md).</summary>
    public static readonly IReadOnlyList<string> RequiredSections = ["Steps", "Cues", "Common mistakes", "When to progress", "Easier version"];

    /// <summary>Search over what a patient would type: the title, other names and the summary.</summary>
    public bool Matches(string query) =>
        Meta.Title.Contains(query, StringComparison.OrdinalIgnoreCase)
        || Meta.Summary.Contains(query, StringComparison.OrdinalIgnoreCase)
        || Meta.Aliases.Any(a => a.Contains(query, StringComparison.OrdinalIgnoreCase));

    /// <summary>"2 × 10", with "each leg" for one-leg exercises.</summary>
    public string SetsAndReps => $"{Meta.Dose.Sets} × {Meta.Dose.Reps}{(Meta.IsOneLeg ? " each leg" : "")}";
}
