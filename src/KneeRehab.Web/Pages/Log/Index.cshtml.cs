using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Logging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Log;

public class IndexModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users)
    : WorkoutFormPageModel(db, content, users)
{
    /// <summary><c>/log?exercise=ball-bridge</c> (from a guide page) starts the form with that exercise.</summary>
    public async Task<IActionResult> OnGetAsync(string? exercise)
    {
        Input = WorkoutInput.NewFor(DateOnly.FromDateTime(DateTime.UtcNow));
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
        if (Input.IdempotencyKey == Guid.Empty) Input.IdempotencyKey = Guid.NewGuid();

        // The same form posted again (double tap, back and resubmit, a duplicated tab): show what was saved.
        if (await SavedWithKeyAsync() is { } existing) return RedirectToPage("/History/Details", new { id = existing });

        var workout = new Workout
        {
            UserId = UserId,
            Date = Input.Date!.Value,
            Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim(),
            IdempotencyKey = Input.IdempotencyKey,
            CreatedUtc = DateTime.UtcNow,
            Exercises = Input.ToEntities(UserId, Units),
        };
        Db.Workouts.Add(workout);
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // Two posts of the same form raced; the unique index let one win.
            return RedirectToPage("/History/Details", new { id = await SavedWithKeyAsync() });
        }
        TempData["Status"] = "Workout saved.";
        return RedirectToPage("/History/Details", new { id = workout.Id });
    }

    private Task<int?> SavedWithKeyAsync() =>
        Db.Workouts.Where(w => w.UserId == UserId && w.IdempotencyKey == Input.IdempotencyKey).Select(w => (int?)w.Id).FirstOrDefaultAsync();
}
