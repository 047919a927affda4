using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeRehab.Web.Pages.Programs;

[OutputCache(PolicyName = ContentCache.Policy)]
public class IndexModel(ContentLibrary content) : PageModel
{
    public IReadOnlyList<TrainingProgram> Programs { get; } = content.Current.Programs;
}
