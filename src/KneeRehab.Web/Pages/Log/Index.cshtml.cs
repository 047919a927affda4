using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Logging;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KneeRehab.Web.Pages.Log;

public class IndexModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TodayPlanner planner)
    : WorkoutFormPageModel(db, content, users)
{
    private TodayPlan? _plan;
    private bool _planLoaded;

    protected override async Task<Prescription?> PlannedDoseAsync(ExerciseGuide guide)
    {
        if (!_planLoaded)
        {
            _plan = await planner.PlanAsync(UserId);
            _planLoaded = true;
        }
        return _plan?.Exercises.FirstOrDefault(e => e.Guide.Slug == guide.Slug && e.Decision.Kind != DecisionKind.Stop)?.Dose is { } dose
            ? dose.ToPrescription()
            : null;
    }

    /// <summary><c>/log?exercise=ball-bridge</c> (from a guide page) starts the form with that exercise.</summary>
    public async Task<IActionResult> OnGetAsync(string? exercise)
    {
        Input = WorkoutInput.NewFor(Clock.Today());
        if (exercise is not null && Guide(exercise) is not null)
        {
            AddSlug = exercise;
            return await OnPostAddExerciseAsync();
        }
        await LoadFormContextAsync();
        return Page();
    }

    /// <summary>A workout with planned exercises counts for the program, wherever it was logged from.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!await ValidateInputAsync()) return Page();
        var planned = Input.Exercises.Any(e => e.PrescribedSets is not null);
        return await SaveNewWorkoutAsync(planned ? (await planner.ActiveEnrollmentAsync(UserId))?.Id : null);
    }
}
