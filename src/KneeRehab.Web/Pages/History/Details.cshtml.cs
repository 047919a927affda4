using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.History;

public class DetailsModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TodayPlanner planner) : PageModel
{
    public Workout Workout { get; private set; } = null!;

    /// <summary>Per exercise entry, what changed since the previous time ("+2 reps", "same").</summary>
    public IReadOnlyDictionary<int, string> Changes { get; private set; } = new Dictionary<int, string>();

    public WeightUnit Units { get; private set; }

    /// <summary>For a program workout, per exercise: what the engine decided after it, and why.</summary>
    public IReadOnlyDictionary<string, Decision> Decisions { get; private set; } = new Dictionary<string, Decision>();

    [BindProperty]
    [Required(ErrorMessage = "Enter the pain this morning, from 0 to 10.")]
    [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
    [Display(Name = "pain this morning")]
    public int? PainNextMorning { get; set; }

    [TempData]
    public string? Status { get; set; }

    public ExerciseGuide? Guide(string slug) => content.Current.FindGuide(slug);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The morning after: how the knee feels. Entered twice, the later value stands.</summary>
    public async Task<IActionResult> OnPostMorningPainAsync(int id)
    {
        var userId = users.GetUserId(User)!;
        var workout = await db.Workouts.FirstOrDefaultAsync(w => w.UserId == userId && w.Id == id);
        if (workout is null) return NotFound();
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }
        workout.PainNextMorning = PainNextMorning;
        await db.SaveChangesAsync();
        Status = "Morning pain saved.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var userId = users.GetUserId(User)!;
        if (await db.Workouts.AsNoTracking().FindOwnedAsync(userId, id) is not { } workout) return false;

        Workout = workout;
        Units = await db.Users.Where(u => u.Id == userId).Select(u => u.Units).SingleAsync();
        PainNextMorning ??= workout.PainNextMorning;
        var changes = new Dictionary<int, string>();
        foreach (var entry in workout.Exercises)
            changes[entry.Id] = entry.ChangeSince(await db.WorkoutExercises.PreviousAsync(entry));
        Changes = changes;
        Decisions = await planner.DecisionsAfterAsync(workout);
        return true;
    }
}
