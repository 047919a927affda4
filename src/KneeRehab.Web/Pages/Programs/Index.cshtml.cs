using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Pages.Programs;

public class IndexModel(ContentLibrary content) : PageModel
{
    public IReadOnlyList<TrainingProgram> Programs { get; } = content.Current.Programs;
}
