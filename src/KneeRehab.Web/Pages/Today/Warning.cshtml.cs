using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Pages.Today;

/// <summary>Reporting a warning sign during a program: it pauses the program with the right advice.</summary>
public class WarningModel(KneeRehabDbContext db, TodayPlanner planner, ProgramRecord record, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public List<string> RedFlags { get; set; } = [];

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var reported = RedFlags.Select(RedFlagScreen.Find).OfType<RedFlagQuestion>().OrderBy(q => q.Urgency).FirstOrDefault();
        if (reported is null)
        {
            ModelState.AddModelError(nameof(RedFlags), "Tick the sign you have, or go back if none applies.");
            return Page();
        }
        var userId = users.GetUserId(User)!;
        if (await planner.ActiveEnrollmentAsync(userId) is { } enrollment)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await record.AddPatientStepAsync(enrollment, TransitionKind.Paused, await planner.TodayForAsync(userId), clock.UtcNow(), reported.Code, reported.Question);
            await transaction.CommitAsync();
        }
        return RedirectToPage("/Today/Index");
    }
}
