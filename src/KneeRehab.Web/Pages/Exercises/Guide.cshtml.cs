using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Pages.Exercises;

public class GuideModel(ContentLibrary content) : PageModel
{
    public ExerciseGuide Guide { get; private set; } = null!;

    public IReadOnlyList<ExerciseGuide> Harder { get; private set; } = [];

    public IReadOnlyList<ExerciseGuide> Easier { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        var snapshot = content.Current;
        if (snapshot.FindGuide(slug) is not { } guide) return NotFound();

        Guide = guide;
        // Links were checked at load time, so every slug resolves.
        Harder = [.. guide.Meta.Progression.Select(s => snapshot.FindGuide(s)!)];
        Easier = [.. guide.Meta.Regression.Select(s => snapshot.FindGuide(s)!)];
        return Page();
    }
}
