using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Logging;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeRehab.Web.Pages.Today;

/// <summary>
/// What to do today in the active program: the morning-after question first, then the exercises due
/// with their exact dose and why, in one form pre-filled as prescribed.
/// </summary>
public class IndexModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TodayPlanner planner, IOptions<ProgressionOptions> progression)
    : WorkoutFormPageModel(db, content, users)
{
    public TodayPlan? Plan { get; private set; }

    /// <summary>A week since the last outcome check-in (or none yet): /today prompts for it.</summary>
    public bool CheckInDue { get; private set; }

    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
    [Display(Name = "pain this morning")]
    public int? MorningPain { get; set; }

    private DateOnly Today => Clock.Today();

    protected override async Task LoadFormContextAsync()
    {
        await base.LoadFormContextAsync();
        Plan = await planner.PlanAsync(UserId);
        CheckInDue = Plan is not null && await Progress.CheckInModel.IsDueAsync(Db, UserId, Today);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadFormContextAsync();
        if (Plan is { IsDue: true, Enrollment.StoppedFor: null })
            Input = PlannedForm(Plan, Plan.Exercises.Select(e => e.Dose), badKneeDay: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await ValidateInputAsync()) return Page();
        if (Plan is null || Plan.Enrollment.StoppedFor is not null) return RedirectToPage();
        return await SaveNewWorkoutAsync(Plan.Enrollment.Id);
    }

    /// <summary>One tap: today's workout one rung down the ladder for every exercise, still counted as done.</summary>
    public async Task<IActionResult> OnPostBadKneeDayAsync()
    {
        await LoadFormContextAsync();
        ModelState.Clear();
        if (Plan is not { IsDue: true }) return RedirectToPage();
        var easier = Plan.Exercises.Select(e => TodayPlanner.Ladder(e.Guide).StepDown(e.Dose, progression.Value));
        var form = PlannedForm(Plan, easier, badKneeDay: true);
        form.IdempotencyKey = Input.IdempotencyKey == Guid.Empty ? form.IdempotencyKey : Input.IdempotencyKey;
        form.Date = Input.Date ?? form.Date;
        Input = form;
        return Page();
    }

    /// <summary>The pain the morning after the last workout; entered twice, the later value stands.</summary>
    public async Task<IActionResult> OnPostMorningPainAsync(int workout)
    {
        var entry = await Db.Workouts.FirstOrDefaultAsync(w => w.UserId == UserId && w.Id == workout);
        if (entry is null) return NotFound();
        if (MorningPain is null) ModelState.AddModelError(nameof(MorningPain), "Enter the pain this morning, from 0 to 10.");
        // Only this field counts here: the workout form on the same page is not being submitted.
        if (ModelState.GetFieldValidationState(nameof(MorningPain)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            await LoadFormContextAsync();
            return Page();
        }
        entry.PainNextMorning = MorningPain;
        await Db.SaveChangesAsync();
        Status = "Thanks: morning pain saved.";
        return RedirectToPage();
    }

    /// <summary>After a red-flag stop: the user says a clinician has seen them and cleared them to carry on.</summary>
    public async Task<IActionResult> OnPostClearedAsync()
    {
        if (await planner.ActiveEnrollmentAsync(UserId) is { StoppedFor: not null } enrollment)
        {
            enrollment.StoppedFor = null;
            enrollment.StoppedUtc = null;
            await Db.SaveChangesAsync();
            Status = "Welcome back. The program carries on from where you were.";
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        if (await planner.ActiveEnrollmentAsync(UserId) is { } enrollment)
        {
            enrollment.EndedOn = Today;
            await Db.SaveChangesAsync();
            Status = "Program ended. Your workouts stay in your history.";
        }
        return RedirectToPage();
    }

    private WorkoutInput PlannedForm(TodayPlan plan, IEnumerable<Dose> doses, bool badKneeDay)
    {
        var form = WorkoutInput.NewFor(Today);
        form.BadKneeDay = badKneeDay;
        foreach (var (planned, dose) in plan.Exercises.Zip(doses))
        {
            if (planned.Decision.Kind == DecisionKind.Stop) continue;
            var prescription = dose.ToPrescription();
            Side[] sides = planned.Guide.Meta.IsOneLeg ? [Side.Left, Side.Right] : [Side.Both];
            form.Exercises.AddRange(sides.Select(side => PrescribedInput.For(planned.Guide, side, prescription, Units)));
        }
        return form;
    }
}
