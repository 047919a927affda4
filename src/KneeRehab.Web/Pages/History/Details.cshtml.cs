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

public class DetailsModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TodayPlanner planner, ProgramRecord record, ProgressionEngine engine) : PageModel
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
        if (ModelState.IsValid && workout.Date >= await planner.TodayForAsync(userId))
            ModelState.AddModelError(nameof(PainNextMorning), "Tell us tomorrow morning: the question is about the morning after the workout.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }
        await Today.IndexModel.SaveMorningPainAsync(db, record, workout, PainNextMorning!.Value);
        Status = "Morning pain saved.";
        return RedirectToPage(new { id });
    }

    /// <summary>The engine's decision for one exercise done on its own, taking what was done as the dose.</summary>
    private Decision AdviceAfter(WorkoutExercise entry, ExerciseGuide guide)
    {
        var ladder = ProgramRecord.Ladder(guide);
        var sets = entry.Sets.OrderBy(s => s.Number).ToList();
        var done = new Dose(Math.Max(1, sets.Count), Math.Max(1, sets.Count == 0 ? 1 : sets.Max(s => s.Reps)),
            sets.Count == 0 ? 0 : sets.Max(s => s.HoldSeconds ?? 0), sets.Count == 0 ? 0 : sets.Max(s => s.LoadKg ?? 0), Math.Clamp(entry.Level ?? 1, 1, 10));
        var session = new LoggedSession(entry.Date, ProgramRecord.Noon(entry.Date), done, [.. sets.Select(s => s.Reps)],
            null, entry.PainDuring ?? 0, Workout.PainNextMorning, entry.FormOk);
        return engine.Decide(new EngineInput(ladder, done, [session], 0, [], [], ProgramRecord.Noon(entry.Date)));
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
        var decisions = new Dictionary<string, Decision>(await planner.DecisionsAfterAsync(workout));
        // Outside a program (or an exercise added to a program day) a painful exercise still gets the engine's advice.
        foreach (var entry in workout.Exercises.Where(e => !decisions.ContainsKey(e.ExerciseSlug) && e.PainDuring > engine.Options.AmberPainMax)
            .OrderByDescending(e => e.PainDuring).DistinctBy(e => e.ExerciseSlug))
        {
            if (Guide(entry.ExerciseSlug) is { } guide) decisions[entry.ExerciseSlug] = AdviceAfter(entry, guide);
        }
        Decisions = decisions;
        return true;
    }
}
