namespace KneeRehab.Web.Content;

/// <summary>
/// Everything in the content folder, validated and rendered. Immutable: a reload builds a new snapshot
/// and swaps it in whole, so a request never sees half of an edit.
/// </summary>
public sealed class ContentSnapshot
{
    private readonly Dictionary<string, ExerciseGuide> _guides;
    private readonly Dictionary<string, ContentPage> _pages;
    private readonly Dictionary<string, TrainingProgram> _programs;

    public ContentSnapshot(IEnumerable<ExerciseGuide> guides, IEnumerable<ContentPage> pages, IEnumerable<TrainingProgram>? programs = null)
    {
        Programs = [.. (programs ?? []).OrderBy(p => p.Meta.Weeks).ThenBy(p => p.Meta.Title, StringComparer.OrdinalIgnoreCase)];
        _programs = Programs.ToDictionary(p => p.Slug);
        Guides = [.. guides.OrderBy(g => g.Meta.Level).ThenBy(g => g.Meta.Title, StringComparer.OrdinalIgnoreCase)];
        _guides = Guides.ToDictionary(g => g.Slug);
        _pages = pages.ToDictionary(p => p.Meta.Slug);
        Equipment = [.. Guides.SelectMany(g => g.Meta.Equipment).Distinct().Order(StringComparer.Ordinal)];
        Positions = [.. Guides.Select(g => g.Meta.Position).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Easiest first: by level, then title.</summary>
    public IReadOnlyList<ExerciseGuide> Guides { get; }

    public IReadOnlyList<string> Equipment { get; }

    public IReadOnlyList<string> Positions { get; }

    public IReadOnlyList<TrainingProgram> Programs { get; }

    public ExerciseGuide? FindGuide(string slug) => _guides.GetValueOrDefault(slug);

    public TrainingProgram? FindProgram(string slug) => _programs.GetValueOrDefault(slug);

    public ContentPage? FindPage(string slug) => _pages.GetValueOrDefault(slug);
}
