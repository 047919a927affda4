using KneeRehab.Web.Clinic;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Pages.Progress;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Clinic;

/// <summary>
/// A patient's page for their physiotherapist: the report (program, decisions and reasons, pain and function, home
/// tests, milestones, changes), the milestone ladder and the program's record. Only through an active link: anything
/// else is 404. Every opening is recorded for the patient (a deliberate view log).
/// </summary>
[Authorize(Policy = ClinicRegistration.Policy)]
public class PatientModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TodayPlanner planner, TimeProvider clock, MilestoneRecord milestones) : PageModel
{
    public string Patient { get; private set; } = "";

    public ProgressReport Report { get; private set; } = null!;

    public MilestonePanel? Milestones { get; private set; }

    public IReadOnlyList<ProgramTransition> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var me = users.GetUserId(User)!;
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !await db.FollowsAsync(me, id)) return NotFound();
        Patient = await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleAsync() ?? id;
        Report = await ProgressReport.BuildAsync(db, content, planner, clock, milestones, id);
        Milestones = await milestones.PanelAsync(id, Report.Today, compact: false);
        if (await db.Enrollments.AsNoTracking().Where(e => e.UserId == id).OrderByDescending(e => e.Id).FirstOrDefaultAsync() is { } enrollment)
            Steps = await db.ProgramTransitions.AsNoTracking().Where(t => t.EnrollmentId == enrollment.Id)
                .OrderBy(t => t.Date).ThenBy(t => t.AtUtc).ThenBy(t => t.Id).ToListAsync();
        db.Audit(me, id, clock.UtcNow(), "Opened your progress, report and program record");
        await db.SaveChangesAsync();
        return Page();
    }
}
