using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeRehab.Web.Pages.Programs;

[OutputCache(PolicyName = ContentCache.Policy)]
public class DetailsModel(ContentLibrary content) : PageModel
{
    public TrainingProgram Program { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (content.Current.FindProgram(slug) is not { } program) return NotFound();
        Program = program;
        return Page();
    }
}
