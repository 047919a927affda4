using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeRehab.Web.Pages.Programs;

[OutputCache(PolicyName = ContentCache.Policy)]
public class IndexModel(ContentLibrary content) : PageModel
{
    private readonly ContentSnapshot _library = content.Current;

    public IReadOnlyList<TrainingProgram> Programs => _library.Programs;

    /// <summary>A program's title from its slug ("the runner's knee program comes first").</summary>
    public string Title(string slug) => _library.FindProgram(slug)?.Meta.Title ?? slug;
}
