using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Workouts;

/// <summary>
/// The workout form's editing steps, shared by /log and /history/{id}/edit. Without JavaScript each
/// button (add exercise, add or copy a set, remove, apply pain to all) posts the whole form and gets
/// it back changed, so nothing typed is lost; with JavaScript, wwwroot/js/log.js does the set buttons
/// in the page. Only saving differs between the two pages.
/// </summary>
public abstract class WorkoutFormPageModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users) : PageModel
{
    protected KneeRehabDbContext Db { get; } = db;

    protected ContentSnapshot Library { get; } = content.Current;

    [BindProperty]
    public WorkoutInput Input { get; set; } = new();

    /// <summary>The exercise picked in "Add an exercise".</summary>
    [BindProperty]
    public string? AddSlug { get; set; }

    [BindProperty]
    public string? NewListName { get; set; }

    public WeightUnit Units { get; private set; }

    /// <summary>The knee the user rehabilitates (Account preferences): the workout player does that side first.</summary>
    public Side? AffectedKnee { get; private set; }

    public IReadOnlyList<ExerciseList> SavedLists { get; private set; } = [];

    /// <summary>The program's dose per exercise today, shown beside each entry (read from the server's plan, never posted back).</summary>
    public IReadOnlyDictionary<string, Prescription> PlannedDoses { get; protected set; } = new Dictionary<string, Prescription>();

    public IReadOnlyList<ExerciseGuide> Guides => Library.Guides;

    public ExerciseGuide? Guide(string slug) => Library.FindGuide(slug);

    protected string UserId => users.GetUserId(User)!;

    /// <summary>Carried in the form so that what the phone keeps of it stays this account's (js/draft.js, js/outbox.js).</summary>
    public string OfflineAccountTag => Accounts.OfflineAccount.Tag(UserId);

    protected TimeProvider Clock => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

    /// <summary>Loads what every rendering of the form needs: the unit and the saved lists (pages add their own).</summary>
    protected virtual async Task LoadFormContextAsync()
    {
        var user = await Db.Users.Where(u => u.Id == UserId).Select(u => new { u.Units, u.AffectedKnee }).SingleAsync();
        (Units, AffectedKnee) = (user.Units, user.AffectedKnee);
        SavedLists = await Db.ExerciseLists.AsNoTracking().Where(l => l.UserId == UserId).OrderBy(l => l.Name).ToListAsync();
    }

    /// <summary>Shows the changed form: earlier validation messages no longer apply to it.</summary>
    private async Task<IActionResult> RedisplayAsync()
    {
        ModelState.Clear();
        await LoadFormContextAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddExerciseAsync()
    {
        await LoadFormContextAsync();
        if (AddSlug is not null && Guide(AddSlug) is { } guide) await AddExerciseAsync(guide);
        AddSlug = null;
        return await RedisplayAsync();
    }

    public async Task<IActionResult> OnPostAddListAsync(int list)
    {
        await LoadFormContextAsync();
        var saved = SavedLists.FirstOrDefault(l => l.Id == list);
        foreach (var guide in (saved?.Slugs ?? []).Select(Guide).OfType<ExerciseGuide>())
            await AddExerciseAsync(guide);
        return await RedisplayAsync();
    }

    public async Task<IActionResult> OnPostSaveListAsync()
    {
        var name = NewListName?.Trim();
        var slugs = Input.Exercises.Select(e => e.Slug).Where(s => Guide(s) is not null).Distinct().ToList();
        if (string.IsNullOrEmpty(name) || name.Length > 60 || slugs.Count == 0)
        {
            await LoadFormContextAsync();
            ModelState.Clear();
            ModelState.AddModelError(nameof(NewListName), slugs.Count == 0
                ? "Add exercises first, then save them as a list."
                : "Give the list a name of at most 60 characters.");
            return Page();
        }
        Db.ExerciseLists.Add(new ExerciseList { UserId = UserId, Name = name, Slugs = slugs });
        await Db.SaveChangesAsync();
        NewListName = null;
        return await RedisplayAsync();
    }

    public Task<IActionResult> OnPostAddSetAsync(int exercise) => ChangeSets(exercise, sets =>
    {
        if (sets.Count < ExerciseInput.MaxSets) sets.Add(sets.Count > 0 ? new SetInput { HoldSeconds = sets[^1].HoldSeconds, Load = sets[^1].Load } : new SetInput());
    });

    public Task<IActionResult> OnPostCopySetAsync(int exercise) => ChangeSets(exercise, sets =>
    {
        if (sets.Count is > 0 and < ExerciseInput.MaxSets) sets.Add(sets[^1].Copy());
    });

    public Task<IActionResult> OnPostRemoveSetAsync(int exercise, int set) => ChangeSets(exercise, sets =>
    {
        if (set >= 0 && set < sets.Count) sets.RemoveAt(set);
    });

    public Task<IActionResult> OnPostRemoveExerciseAsync(int exercise)
    {
        if (exercise >= 0 && exercise < Input.Exercises.Count) Input.Exercises.RemoveAt(exercise);
        return RedisplayAsync();
    }

    /// <summary>
    /// Shows a posted form back unchanged: js/draft.js brings back a workout kept on the phone whose exercises
    /// the page no longer shows (after a crash, a plan that changed since, or a workout saved offline that the
    /// server refused). Nothing is saved until the patient presses Save.
    /// </summary>
    public Task<IActionResult> OnPostRestoreAsync() => RedisplayAsync();

    public async Task<IActionResult> OnPostApplyPainAsync()
    {
        if (Input.PainForAll is not (>= 0 and <= 10))
        {
            // Said next to the box, not ignored: the rest of the form comes back as typed.
            ModelState.Clear();
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.PainForAll)}", ApplyPainMessage);
            await LoadFormContextAsync();
            return Page();
        }
        foreach (var exercise in Input.Exercises) exercise.PainDuring = Input.PainForAll;
        // Applied: the box has done its work and must not hold up the save later.
        Input.PainForAll = null;
        return await RedisplayAsync();
    }

    public const string ApplyPainMessage = "Enter a pain from 0 to 10 to apply it to every exercise.";

    private Task<IActionResult> ChangeSets(int exercise, Action<List<SetInput>> change)
    {
        if (exercise >= 0 && exercise < Input.Exercises.Count) change(Input.Exercises[exercise].Sets);
        return RedisplayAsync();
    }

    /// <summary>
    /// One-leg exercises are logged per side, so they come in as a left and a right entry, each pre-filled
    /// with the plan's dose when the page has one for it, or else with what was done last time on that side.
    /// </summary>
    private async Task AddExerciseAsync(ExerciseGuide guide)
    {
        Side[] sides = guide.Meta.IsOneLeg ? [Side.Left, Side.Right] : [Side.Both];
        foreach (var side in sides)
        {
            Input.Exercises.Add(PlannedDoses.TryGetValue(guide.Slug, out var planned)
                ? PrescribedInput.For(guide, side, planned, Units)
                : ExerciseInput.Prefilled(guide, side, await Db.WorkoutExercises.LatestAsync(UserId, guide.Slug, side), Units));
        }
    }

    /// <summary>
    /// Saves the form as a new workout and shows it; when the database cannot take it (read-only, full, failing),
    /// shows the form again as typed with an honest message instead of an error page.
    /// </summary>
    protected async Task<IActionResult> SaveNewWorkoutAsync(ProgramEnrollment? enrollment = null, Func<string, Side, Prescription?>? prescribed = null)
    {
        try
        {
            return await WriteNewWorkoutAsync(enrollment, prescribed);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            return DatabaseFaults.NotSaved(this, DatabaseFaults.WorkoutNotSaved);
        }
    }

    /// <summary>
    /// Saves the form as a new workout and shows it. The same form posted twice (a double tap, back and
    /// resubmit, a duplicated tab) finds the workout its idempotency key already saved. A program workout is
    /// saved in one transaction with the decisions it leads to, so the record never misses a workout.
    /// </summary>
    private async Task<IActionResult> WriteNewWorkoutAsync(ProgramEnrollment? enrollment, Func<string, Side, Prescription?>? prescribed)
    {
        if (Input.IdempotencyKey == Guid.Empty) Input.IdempotencyKey = Guid.NewGuid();
        if (await SavedWithKeyAsync() is { } existing)
        {
            // Already saved (a double tap, or a workout kept offline sent again): say so, so its page lets the draft go.
            TempData["Status"] = "Workout saved.";
            return RedirectToPage("/History/Details", new { id = existing });
        }

        var workout = Input.ToWorkout(UserId, Units, Clock.UtcNow(), enrollment?.Id, prescribed);
        try
        {
            await Record.SaveWorkoutAsync(workout, enrollment);
        }
        catch (DbUpdateException e) when (DatabaseFaults.IsUniqueViolation(e))
        {
            // Two posts of the same form raced; the unique index let one win.
            Db.ChangeTracker.Clear();
            return RedirectToPage("/History/Details", new { id = await SavedWithKeyAsync() });
        }
        TempData["Status"] = "Workout saved.";
        return RedirectToPage("/History/Details", new { id = workout.Id });
    }

    protected ProgramRecord Record => HttpContext.RequestServices.GetRequiredService<ProgramRecord>();

    private Task<int?> SavedWithKeyAsync() =>
        Db.Workouts.Where(w => w.UserId == UserId && w.IdempotencyKey == Input.IdempotencyKey).Select(w => (int?)w.Id).FirstOrDefaultAsync();

    /// <summary>Field rules first (data annotations), then the ones that need the library and the unit.</summary>
    protected async Task<bool> ValidateInputAsync()
    {
        await LoadFormContextAsync();
        foreach (var (field, message) in Input.CheckAgainst(Library, Units, AffectedKnee))
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        return ModelState.IsValid;
    }
}
