using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeRehab.Web.Pages.Exercises;

[OutputCache(PolicyName = ContentCache.Policy)]
public class GuideModel(ContentLibrary content) : PageModel
{
    public ExerciseGuide Guide { get; private set; } = null!;

    public IReadOnlyList<ExerciseGuide> Harder { get; private set; } = [];

    public IReadOnlyList<ExerciseGuide> Easier { get; private set; } = [];

    /// <summary>The body up to and including "Steps": what the first screen of a phone shows.</summary>
    public IReadOnlyList<GuideSection> HowTo { get; private set; } = [];

    /// <summary>After "Steps", up to and including "Common mistakes": still about doing it right.</summary>
    public IReadOnlyList<GuideSection> Technique { get; private set; } = [];

    /// <summary>The rest of the body ("When to progress", "Easier version" and any further sections), after when to stop and the dose.</summary>
    public IReadOnlyList<GuideSection> Later { get; private set; } = [];

    /// <summary>The id of the "Steps" heading, which the page's own navigation links to.</summary>
    public string StepsId { get; private set; } = "";

    public IActionResult OnGet(string slug)
    {
        var snapshot = content.Current;
        if (snapshot.FindGuide(slug) is not { } guide) return NotFound();

        Guide = guide;
        // Links were checked at load time, so every slug resolves.
        Harder = [.. guide.Meta.Progression.Select(s => snapshot.FindGuide(s)!)];
        Easier = [.. guide.Meta.Regression.Select(s => snapshot.FindGuide(s)!)];

        // A patient reads a guide mid-exercise: how to do it first, then when to stop, and the evidence
        // last. The file keeps the order the physiotherapist wrote; the loader checked these sections
        // are there and in this order.
        var steps = guide.SectionIndex("Steps");
        var mistakes = guide.SectionIndex("Common mistakes");
        HowTo = [.. guide.Sections.Take(steps + 1)];
        Technique = [.. guide.Sections.Take(mistakes + 1).Skip(steps + 1)];
        Later = [.. guide.Sections.Skip(mistakes + 1)];
        StepsId = guide.Sections[steps].Id!;
        return Page();
    }
}
