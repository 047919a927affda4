using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeRehab.Web.Pages.Exercises;

/// <summary>The library: every guide as a card, filtered and searched through the query string (works without JavaScript).</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public class IndexModel(ContentLibrary content) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Equipment { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Position { get; set; }

    /// <summary>A string, not an int: a hand-edited <c>?level=abc</c> shows everything rather than an error page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public IReadOnlyList<ExerciseGuide> Guides { get; private set; } = [];

    public IReadOnlyList<string> EquipmentOptions { get; private set; } = [];

    public IReadOnlyList<string> PositionOptions { get; private set; } = [];

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || Equipment is { Length: > 0 } || Position is { Length: > 0 } || Level is { Length: > 0 };

    public void OnGet()
    {
        var snapshot = content.Current;
        EquipmentOptions = snapshot.Equipment;
        PositionOptions = snapshot.Positions;

        IEnumerable<ExerciseGuide> guides = snapshot.Guides;
        if (!string.IsNullOrWhiteSpace(Query)) guides = guides.Where(g => g.Matches(Query.Trim()));
        if (Equipment is { Length: > 0 }) guides = guides.Where(g => g.Meta.Equipment.Contains(Equipment));
        if (Position is { Length: > 0 }) guides = guides.Where(g => g.Meta.Position == Position);
        if (int.TryParse(Level, out var level)) guides = guides.Where(g => g.Meta.Level == level);
        Guides = [.. guides];
    }
}
