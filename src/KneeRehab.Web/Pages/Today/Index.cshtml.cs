using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Workouts;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Today;

/// <summary>
/// What to do today in the active program, read from the program's record: the morning-after question first,
/// then the exercises due with their exact dose and why, in one form pre-filled as prescribed. What was
/// prescribed is the server's: saving looks the plan up again and never takes a dose from the form.
/// </summary>
public class IndexModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TodayPlanner planner, ProgressionEngine engine, MilestoneRecord milestones)
    : WorkoutFormPageModel(db, content, users)
{
    public TodayPlan? Plan { get; private set; }

    /// <summary>With no program running: the one finished last, for its "you did it" moment.</summary>
    public ProgramEnrollment? Finished { get; private set; }

    /// <summary>False until the user has chosen a time zone: /today then points to preferences.</summary>
    public bool TimeZoneSet { get; private set; }

    /// <summary>Under 16: the page says to see a clinician with a parent when the pain does not settle.</summary>
    public bool UnderSixteen { get; private set; }

    /// <summary>Why the program stopped for a review, in words, from its record.</summary>
    public string? StopMessage { get; private set; }

    /// <summary>A week since the last outcome check-in (or none yet): /today prompts for it.</summary>
    public bool CheckInDue { get; private set; }

    /// <summary>With no program running: the programs offered after the one finished last, or for the patient's goal.</summary>
    public IReadOnlyList<ProgramSuggestions.Suggestion> Suggestions { get; private set; } = [];

    /// <summary>Notes from the patient's physiotherapists not yet marked read.</summary>
    public IReadOnlyList<KneeRehab.Web.Clinic.NewNote> NewNotes { get; private set; } = [];

    /// <summary>The program's milestones: reached, the next one and its open criteria.</summary>
    public MilestonePanel? Milestones { get; private set; }

    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
    [Display(Name = "pain this morning")]
    public int? MorningPain { get; set; }

    /// <summary>Carrying on after a warning sign or a review: the patient confirms a clinician saw them, and when.</summary>
    [BindProperty]
    public ClearanceInput Clearance { get; set; } = new();

    public sealed class ClearanceInput
    {
        public bool Seen { get; set; }

        [Display(Name = "the day you were seen")]
        public DateOnly? SeenOn { get; set; }
    }

    protected override async Task LoadFormContextAsync()
    {
        await base.LoadFormContextAsync();
        Plan = await planner.PlanAsync(UserId);
        if (Plan is null) Finished = await planner.LatestFinishedAsync(UserId);
        if (Plan?.Enrollment.Status == ProgramStatus.StoppedForReview)
            StopMessage = await Db.ProgramTransitions.AsNoTracking()
                .Where(t => t.EnrollmentId == Plan.Enrollment.Id && t.Kind == TransitionKind.StoppedForReview)
                .OrderByDescending(t => t.Date).ThenByDescending(t => t.Id).Select(t => t.Note).FirstOrDefaultAsync();
        CheckInDue = Plan is not null && await Progress.CheckInModel.IsDueAsync(Db, UserId, Plan.Today);
        if (Plan is not null) Milestones = await milestones.PanelAsync(Plan.Enrollment, Plan.Today, compact: true);
        else Suggestions = ProgramSuggestions.For(Library, Finished?.ProgramSlug,
            MilestoneLadder.GoalKey(await Db.Users.Where(u => u.Id == UserId).Select(u => u.Goal).SingleAsync()));
        var about = await Db.Users.Where(u => u.Id == UserId).Select(u => new { ZoneSet = u.TimeZoneId != null, u.AgeBand }).SingleAsync();
        (TimeZoneSet, UnderSixteen) = (about.ZoneSet, about.AgeBand == AgeBand.Under16);
        NewNotes = await KneeRehab.Web.Clinic.CareNotes.NewForPatientAsync(Db, UserId);
        ShowPlannedDoses();
    }

    /// <summary>The dose the list at the top shows: on a bad-knee day the easier one, as in the form below.</summary>
    public string DoseShown(PlannedExercise planned) =>
        (Input.BadKneeDay && planned.Decision.Kind != DecisionKind.Stop ? planned.OnBadKneeDay(engine.Options) : planned).DescribeDose();

    private void ShowPlannedDoses() =>
        PlannedDoses = Plan?.Exercises.Where(e => e.Decision.Kind != DecisionKind.Stop).DistinctBy(e => e.Guide.Slug)
            .ToDictionary(e => e.Guide.Slug, e => Plan.Prescribed(e.Guide.Slug, Input.BadKneeDay, engine.Options)!) ?? [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadFormContextAsync();
        if (Plan is { IsDue: true }) Input = Plan.Form(badKneeDay: false, engine.Options, Units);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var valid = await ValidateInputAsync();
        if (Plan is { IsActive: true } && (Input.Date < Plan.Enrollment.StartedOn || Input.Date > Plan.Today))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Date)}",
                $"A program workout is for a day of the program: from {Plan.Enrollment.StartedOn:d MMMM yyyy} to today.");
            valid = false;
        }
        if (!valid) return Page();
        if (Plan is not { IsActive: true } plan || await planner.ActiveEnrollmentAsync(UserId) is not { } enrollment) return RedirectToPage();
        var badKneeDay = Input.BadKneeDay;
        return await SaveNewWorkoutAsync(enrollment, (slug, _) => plan.Prescribed(slug, badKneeDay, engine.Options));
    }

    /// <summary>One tap: today's workout one rung down the ladder for every exercise, still counted as done.</summary>
    public async Task<IActionResult> OnPostBadKneeDayAsync()
    {
        await LoadFormContextAsync();
        ModelState.Clear();
        if (Plan is not { IsDue: true }) return RedirectToPage();
        var form = Plan.Form(badKneeDay: true, engine.Options, Units);
        form.IdempotencyKey = Input.IdempotencyKey == Guid.Empty ? form.IdempotencyKey : Input.IdempotencyKey;
        form.Date = Input.Date ?? form.Date;
        Input = form;
        ShowPlannedDoses();
        return Page();
    }

    /// <summary>The pain the morning after a workout; entered twice, the later value stands. The program decides again from that workout.</summary>
    public async Task<IActionResult> OnPostMorningPainAsync(int workout)
    {
        var entry = await Db.Workouts.FirstOrDefaultAsync(w => w.UserId == UserId && w.Id == workout);
        if (entry is null) return NotFound();
        var today = await planner.TodayForAsync(UserId);
        if (MorningPain is null) ModelState.AddModelError(nameof(MorningPain), "Enter the pain this morning, from 0 to 10.");
        else if (entry.Date >= today) ModelState.AddModelError(nameof(MorningPain), "Tell us tomorrow morning: the question is about the morning after the workout.");
        // Only this field counts here: the workout form on the same page is not being submitted.
        if (ModelState.GetFieldValidationState(nameof(MorningPain)) == ModelValidationState.Invalid)
        {
            await LoadFormContextAsync();
            return Page();
        }
        await SaveMorningPainAsync(Db, Record, entry, MorningPain!.Value);
        Status = "Thanks: morning pain saved.";
        return RedirectToPage();
    }

    /// <summary>Saves the next-morning pain and, for a program workout, makes the program's decisions again from it, in one transaction.</summary>
    public static async Task SaveMorningPainAsync(KneeRehabDbContext db, ProgramRecord record, Workout workout, int pain)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        workout.PainNextMorning = pain;
        await db.SaveChangesAsync();
        if (workout.EnrollmentId is { } id && await db.Enrollments.FirstOrDefaultAsync(e => e.Id == id && e.UserId == workout.UserId) is { } enrollment)
            await record.DecideFromAsync(enrollment, workout.Date);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// After a warning sign or a stop for review: carrying on is deliberate. The patient confirms a clinician has
    /// seen them and says when; the program resumes one rung lower.
    /// </summary>
    public async Task<IActionResult> OnPostClearedAsync()
    {
        if (await planner.ActiveEnrollmentAsync(UserId) is not { Status: ProgramStatus.Paused or ProgramStatus.StoppedForReview } enrollment) return RedirectToPage();
        var today = await planner.TodayForAsync(UserId);
        ModelState.Clear();
        if (!Clearance.Seen)
            ModelState.AddModelError($"{nameof(Clearance)}.{nameof(ClearanceInput.Seen)}", "Tick this only when a clinician has seen you and said you can carry on.");
        if (Clearance.SeenOn is not { } seenOn)
            ModelState.AddModelError($"{nameof(Clearance)}.{nameof(ClearanceInput.SeenOn)}", "Enter the day a clinician saw you.");
        else if (seenOn > today || seenOn < (enrollment.StatusSince ?? enrollment.StartedOn))
            ModelState.AddModelError($"{nameof(Clearance)}.{nameof(ClearanceInput.SeenOn)}",
                $"Enter a day from {(enrollment.StatusSince ?? enrollment.StartedOn):d MMMM yyyy}, when the program stopped, to today.");
        if (!ModelState.IsValid)
        {
            await LoadFormContextAsync();
            return Page();
        }

        await using var transaction = await Db.Database.BeginTransactionAsync();
        await Record.AddPatientStepAsync(enrollment, TransitionKind.Resumed, today, Clock.UtcNow(), enrollment.StatusReason?.Split(',')[0],
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Seen by a clinician on {Clearance.SeenOn:yyyy-MM-dd} and cleared to carry on."));
        await transaction.CommitAsync();
        Status = "Welcome back. Every exercise starts again one step lower.";
        return RedirectToPage();
    }

    /// <summary>The physiotherapists' notes so far are read: they leave /today.</summary>
    public async Task<IActionResult> OnPostNotesReadAsync()
    {
        var now = Clock.UtcNow();
        await Db.CareLinks.Where(l => l.PatientId == UserId && l.EndedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.PatientReadUtc, now));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        if (await planner.ActiveEnrollmentAsync(UserId) is { } enrollment)
        {
            await using var transaction = await Db.Database.BeginTransactionAsync();
            await Record.AddPatientStepAsync(enrollment, TransitionKind.Ended, await planner.TodayForAsync(UserId), Clock.UtcNow(), "ENDED_BY_PATIENT", "Ended by the patient.");
            await transaction.CommitAsync();
            Status = "Program ended. Your workouts stay in your history.";
        }
        return RedirectToPage();
    }
}
