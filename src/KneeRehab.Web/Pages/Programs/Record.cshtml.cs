using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Programs;

/// <summary>The life of the user's latest program as recorded: every start, phase change, pause, stop and finish, with its date and reason.</summary>
public class RecordModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users) : PageModel
{
    public ProgramEnrollment? Enrollment { get; private set; }

    public TrainingProgram? Program { get; private set; }

    public IReadOnlyList<ProgramTransition> Steps { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = users.GetUserId(User)!;
        Enrollment = await db.Enrollments.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.Id).FirstOrDefaultAsync();
        if (Enrollment is null) return;
        Program = await db.FindProgramAsync(content.Current, Enrollment.ProgramSlug);
        Steps = await db.ProgramTransitions.AsNoTracking().Where(t => t.EnrollmentId == Enrollment.Id)
            .OrderBy(t => t.Date).ThenBy(t => t.AtUtc).ThenBy(t => t.Id).ToListAsync();
    }
}
