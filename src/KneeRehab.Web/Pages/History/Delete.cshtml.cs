using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Pages.History;

/// <summary>Deleting asks first: the GET shows what will go, only the POST deletes.</summary>
public class DeleteModel(KneeRehabDbContext db, UserManager<ApplicationUser> users) : PageModel
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
        db.Workouts.Remove(workout);
        await db.SaveChangesAsync();
        TempData["Status"] = $"The workout of {workout.Date:d MMMM yyyy} was deleted.";
        return RedirectToPage("/History/Index");
    }
}
