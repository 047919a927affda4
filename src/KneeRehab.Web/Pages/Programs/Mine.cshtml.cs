using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Programs;

/// <summary>
/// The program the user follows, week by week: the page /today links to when a physiotherapist built it for them
/// (a published program has its own public page). Only the patient's own program; 404 without one.
/// </summary>
public class MineModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users) : PageModel
{
    public TrainingProgram Program { get; private set; } = null!;

    public bool Built { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var userId = users.GetUserId(User)!;
        var slug = await db.Enrollments.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.Id).Select(e => e.ProgramSlug).FirstOrDefaultAsync();
        if (slug is null || await db.FindProgramAsync(content.Current, slug) is not { } program) return NotFound();
        (Program, Built) = (program, content.Current.FindProgram(slug) is null);
        return Page();
    }
}
