using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Workouts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KneeRehab.Web.Pages.Log;

/// <summary>
/// Logging freely, outside a program: each exercise pre-filled with what was done last time. Program workouts
/// are logged from /today, where the server knows what it prescribed.
/// </summary>
public class IndexModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users)
    : WorkoutFormPageModel(db, content, users)
{
    /// <summary><c>/log?exercise=ball-bridge</c> (from a guide page) starts the form with that exercise.</summary>
    public async Task<IActionResult> OnGetAsync(string? exercise)
    {
        Input = WorkoutInput.NewFor(await Db.TodayForAsync(Clock, UserId));
        if (exercise is not null && Guide(exercise) is not null)
        {
            AddSlug = exercise;
            return await OnPostAddExerciseAsync();
        }
        await LoadFormContextAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await ValidateInputAsync()) return Page();
        return await SaveNewWorkoutAsync();
    }
}
