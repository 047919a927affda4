using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Workouts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.History;

public class EditModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users)
    : WorkoutFormPageModel(db, content, users)
{
    /// <summary>From the route, so every handler's answer (Add set, Bring it back...) links back to this workout.</summary>
    public int Id => RouteData.Values["id"] is string id && int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await Db.Workouts.FindOwnedAsync(UserId, id) is not { } workout) return NotFound();
        await LoadFormContextAsync();
        Input = WorkoutInput.From(workout, Units);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await Db.Workouts.FindOwnedAsync(UserId, id) is not { } workout) return NotFound();
        var valid = await ValidateInputAsync();
        var enrollment = workout.EnrollmentId is { } enrollmentId ? await Db.Enrollments.FirstOrDefaultAsync(e => e.Id == enrollmentId && e.UserId == UserId) : null;
        if (enrollment is not null && (Input.Date < enrollment.StartedOn || Input.Date > await Db.TodayForAsync(Clock, UserId)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Date)}", $"A program workout is for a day of the program: from {enrollment.StartedOn:d MMMM yyyy} to today.");
            valid = false;
        }
        if (!valid) return Page();

        // What was prescribed stays what the server prescribed that day, whatever the form says.
        var prescribed = workout.Exercises.Where(e => e.Prescribed is not null)
            .GroupBy(e => (e.ExerciseSlug, e.Side)).ToDictionary(g => g.Key, g => g.First().Prescribed);
        var from = Input.Date!.Value < workout.Date ? Input.Date.Value : workout.Date;
        await using var transaction = await Db.Database.BeginTransactionAsync();
        workout.Date = Input.Date!.Value;
        workout.Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim();
        Db.WorkoutExercises.RemoveRange(workout.Exercises);
        workout.Exercises = Input.ToEntities(UserId, Units, (slug, side) => prescribed.GetValueOrDefault((slug, side)));
        await Db.SaveChangesAsync();
        // The program's decisions from this workout on are made again with what it now says.
        if (enrollment is not null) await Record.DecideFromAsync(enrollment, from);
        await transaction.CommitAsync();
        TempData["Status"] = "Workout updated.";
        return RedirectToPage("/History/Details", new { id });
    }
}
