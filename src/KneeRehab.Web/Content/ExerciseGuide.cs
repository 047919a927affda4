namespace KneeRehab.Web.Content;

/// <summary>
/// A validated exercise guide with its body rendered to HTML once, at load time, section by section so
/// that the guide page can put what a patient needs mid-exercise first.
/// </summary>
public sealed record ExerciseGuide(GuideFrontMatter Meta, IReadOnlyList<GuideSection> Sections)
{
    public string Slug => Meta.Slug;

    /// <summary>The whole body in the order it was written.</summary>
    public string BodyHtml => string.Concat(Sections.Select(s => s.Html));

    /// <summary>The index of a required section; the loader checked that each is there, in order.</summary>
    public int SectionIndex(string heading) => Sections.Select(s => s.Heading).ToList().IndexOf(heading);

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
