using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeRehab.Web.Pages;

/// <summary>A plain page from content/pages (evidence, safety): adding a file adds a page.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public class ContentPageModel(ContentLibrary content) : PageModel
{
    public ContentPage Article { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (content.Current.FindPage(slug) is not { } page) return NotFound();
        Article = page;
        return Page();
    }
}
