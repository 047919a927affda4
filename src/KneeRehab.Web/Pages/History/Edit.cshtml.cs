using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Logging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KneeRehab.Web.Pages.History;

public class EditModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users)
    : WorkoutFormPageModel(db, content, users)
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await Db.Workouts.FindOwnedAsync(UserId, id) is not { } workout) return NotFound();
        Id = id;
        await LoadFormContextAsync();
        Input = WorkoutInput.From(workout, Units);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await Db.Workouts.FindOwnedAsync(UserId, id) is not { } workout) return NotFound();
        Id = id;
        if (!await ValidateInputAsync()) return Page();

        workout.Date = Input.Date!.Value;
        workout.Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim();
        Db.WorkoutExercises.RemoveRange(workout.Exercises);
        workout.Exercises = Input.ToEntities(UserId, Units);
        await Db.SaveChangesAsync();
        TempData["Status"] = "Workout updated.";
        return RedirectToPage("/History/Details", new { id });
    }
}
