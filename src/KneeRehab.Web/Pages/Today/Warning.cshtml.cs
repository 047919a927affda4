using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Today;

/// <summary>Reporting a warning sign during a program: it pauses the program with the right advice.</summary>
public class WarningModel(KneeRehabDbContext db, TodayPlanner planner, ProgramRecord record, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public List<string> RedFlags { get; set; } = [];

    /// <summary>The signs asked of this patient: some are for one age band only.</summary>
    public IReadOnlyList<RedFlagQuestion> Questions { get; private set; } = RedFlagScreen.Questions;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadQuestionsAsync();
        return Page();
    }

    private async Task LoadQuestionsAsync() =>
        Questions = RedFlagScreen.For(await db.Users.Where(u => u.Id == users.GetUserId(User)).Select(u => u.AgeBand).FirstOrDefaultAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadQuestionsAsync();
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
