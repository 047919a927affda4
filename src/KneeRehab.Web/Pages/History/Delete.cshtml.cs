using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.History;

/// <summary>Deleting asks first: the GET shows what will go, only the POST deletes.</summary>
public class DeleteModel(KneeRehabDbContext db, UserManager<ApplicationUser> users, ProgramRecord record) : PageModel
{
    public Workout Workout { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.Workouts.FindOwnedAsync(users.GetUserId(User)!, id) is not { } workout) return NotFound();
        Workout = workout;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.Workouts.FindOwnedAsync(users.GetUserId(User)!, id) is not { } workout) return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Workouts.Remove(workout);
        await db.SaveChangesAsync();
        // The program's decisions from that day on are made again without it.
        if (workout.EnrollmentId is { } enrollmentId && await db.Enrollments.FirstOrDefaultAsync(e => e.Id == enrollmentId && e.UserId == workout.UserId) is { } enrollment)
            await record.DecideFromAsync(enrollment, workout.Date);
        await transaction.CommitAsync();
        TempData["Status"] = $"The workout of {workout.Date:d MMMM yyyy} was deleted.";
        return RedirectToPage("/History/Index");
    }
}
