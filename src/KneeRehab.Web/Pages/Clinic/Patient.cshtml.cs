using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Accounts;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Pages.Progress;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Clinic;

/// <summary>
/// A patient's page for their physiotherapist: the report (program, decisions and reasons, pain and function, home
/// tests, milestones, changes), the milestone ladder and the program's record, and a form to set an exercise's next
/// dose with a reason. Only through an active link: anything else is 404. Every opening and every change is recorded
/// for the patient.
/// </summary>
[Authorize(Policy = ClinicRegistration.Policy)]
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class PatientModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TodayPlanner planner, TimeProvider clock, MilestoneRecord milestones, ProgramRecord record) : PageModel
{
    public string Patient { get; private set; } = "";

    public ProgressReport Report { get; private set; } = null!;

    public MilestonePanel? Milestones { get; private set; }

    public IReadOnlyList<ProgramTransition> Steps { get; private set; } = [];

    /// <summary>The patient's latest program while it can still be cleared or ended from here.</summary>
    public ProgramEnrollment? Program { get; private set; }

    /// <summary>Why the physiotherapist clears a paused or stopped program, or ends it (each form keeps its own).</summary>
    [BindProperty]
    public string? ClearReason { get; set; }

    [BindProperty]
    public string? EndReason { get; set; }

    /// <summary>The exercises of the running program's phase, whose dose the physiotherapist may set.</summary>
    public IReadOnlyList<ExerciseGuide> Adjustable { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    public DoseInput Dose { get; set; } = new();

    public sealed class DoseInput
    {
        [Required(ErrorMessage = "Choose the exercise.")]
        [Display(Name = "exercise")]
        public string? Exercise { get; set; }

        [Required(ErrorMessage = "Enter the sets, from 1 to 10.")]
        [Range(1, 10, ErrorMessage = "Sets are from 1 to 10.")]
        public int? Sets { get; set; }

        [Required(ErrorMessage = "Enter the reps, from 1 to 100.")]
        [Range(1, 100, ErrorMessage = "Reps are from 1 to 100.")]
        public int? Reps { get; set; }

        [Range(0, 600, ErrorMessage = "A hold is from 0 to 600 seconds.")]
        [Display(Name = "hold")]
        public int? HoldSeconds { get; set; }

        [Range(0, 500, ErrorMessage = "A load is from 0 to 500 kg.")]
        [Display(Name = "load")]
        public double? LoadKg { get; set; }

        [Range(1, 10, ErrorMessage = "Choose one of the exercise's levels.")]
        public int? Level { get; set; }

        [Required(ErrorMessage = "Say why, in a few words the patient will read.")]
        [StringLength(ClinicianDose.ReasonLength, ErrorMessage = "Keep the reason to 200 characters.")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        db.Audit(users.GetUserId(User)!, id, clock.UtcNow(), "Opened your progress, report and program record");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDoseAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var guide = Adjustable.FirstOrDefault(g => g.Slug == Dose.Exercise);
        if (Dose.Exercise is not null && guide is null)
            ModelState.AddModelError($"{nameof(Dose)}.{nameof(Dose.Exercise)}", "Choose an exercise of the patient's current phase.");
        if (guide is not null && Dose.Level is { } level && level > Math.Max(1, guide.Meta.HasLevels ? guide.Meta.LevelSteps.Count : 1))
            ModelState.AddModelError($"{nameof(Dose)}.{nameof(Dose.Level)}", guide.Meta.HasLevels ? $"Choose a level from 1 to {guide.Meta.LevelSteps.Count}." : $"{guide.Meta.Title} has one level.");
        if (!ModelState.IsValid) return Page();

        var enrollment = await db.Enrollments.Where(e => e.UserId == id).OrderByDescending(e => e.Id).FirstAsync();
        var now = clock.UtcNow();
        var dose = new Prescription(Dose.Sets!.Value, Dose.Reps!.Value, Dose.HoldSeconds ?? 0, Dose.LoadKg ?? 0, Dose.Level ?? 1);
        var reason = Dose.Reason!.Trim();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await record.SetClinicianDoseAsync(enrollment, new ClinicianDose
            {
                EnrollmentId = enrollment.Id,
                PhysioId = users.GetUserId(User)!,
                Date = await db.TodayForAsync(clock, id),
                AtUtc = now,
                ExerciseSlug = guide!.Slug,
                Dose = dose,
                Reason = reason,
            });
            var described = dose.ToDose().Describe(ProgramRecord.Ladder(guide).Kind);
            db.Audit(users.GetUserId(User)!, id, now, $"Changed your {guide.Meta.Title.ToLowerInvariant()} to {described}: \"{reason}\"");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Status = $"{guide.Meta.Title}: the patient's next dose is set, with your reason on their Today page.";
        return RedirectToPage(new { id });
    }

    /// <summary>After seeing the patient: a program paused for a warning sign or stopped for a review carries on, one step lower.</summary>
    public Task<IActionResult> OnPostClearAsync(string id) =>
        StepAsync(id, nameof(ClearReason), ClearReason, ProgramStatus.Paused, TransitionKind.Resumed, "CLEARED_BY_PHYSIOTHERAPIST",
            reason => $"Seen by your physiotherapist and cleared to carry on: \"{reason}\"", "Cleared your program to carry on",
            "The program carries on, one step lower on every exercise.");

    /// <summary>The physiotherapist ends the patient's program, with the reason the patient reads in its record.</summary>
    public Task<IActionResult> OnPostEndAsync(string id) =>
        StepAsync(id, nameof(EndReason), EndReason, null, TransitionKind.Ended, "ENDED_BY_PHYSIOTHERAPIST",
            reason => $"Ended by your physiotherapist: \"{reason}\"", "Ended your program", "The program is ended; the patient's workouts stay in their history.");

    private async Task<IActionResult> StepAsync(string id, string field, string? reason, ProgramStatus? onlyWhen, TransitionKind kind, string code,
        Func<string, string> note, string audit, string done)
    {
        if (!await LoadAsync(id)) return NotFound();
        // Only this form counts: the dose form on the same page is not being submitted.
        ModelState.Clear();
        var program = Program;
        if (program is null || (onlyWhen is not null && program.Status is not (ProgramStatus.Paused or ProgramStatus.StoppedForReview)))
            ModelState.AddModelError(field, kind == TransitionKind.Resumed ? "The program is not paused or stopped: there is nothing to clear." : "There is no program to end.");
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) ModelState.AddModelError(field, "Say why, in a few words the patient will read.");
        else if (why.Length > ClinicianDose.ReasonLength) ModelState.AddModelError(field, "Keep the reason to 200 characters.");
        if (!ModelState.IsValid) return Page();

        var enrollment = await db.Enrollments.SingleAsync(e => e.Id == program!.Id);
        var now = clock.UtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await record.AddPatientStepAsync(enrollment, kind, await db.TodayForAsync(clock, id), now, kind == TransitionKind.Resumed ? enrollment.StatusReason?.Split(',')[0] ?? code : code, note(why!));
            db.Audit(users.GetUserId(User)!, id, now, $"{audit}: \"{why}\"");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Status = done;
        return RedirectToPage(new { id });
    }

    /// <summary>Everything the page shows; false when this physiotherapist does not follow the patient.</summary>
    private async Task<bool> LoadAsync(string id)
    {
        var me = users.GetUserId(User)!;
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !await db.FollowsAsync(me, id)) return false;
        Patient = await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleAsync() ?? id;
        Report = await ProgressReport.BuildAsync(db, content, planner, clock, milestones, id);
        Milestones = await milestones.PanelAsync(id, Report.Today, compact: false);
        if (await db.Enrollments.AsNoTracking().Where(e => e.UserId == id).OrderByDescending(e => e.Id).FirstOrDefaultAsync() is { } enrollment)
        {
            Steps = await db.ProgramTransitions.AsNoTracking().Where(t => t.EnrollmentId == enrollment.Id)
                .OrderBy(t => t.Date).ThenBy(t => t.AtUtc).ThenBy(t => t.Id).ToListAsync();
            if (enrollment.Status is ProgramStatus.Active or ProgramStatus.Paused or ProgramStatus.StoppedForReview) Program = enrollment;
            if (enrollment.Status == ProgramStatus.Active && content.Current.FindProgram(enrollment.ProgramSlug) is { } program)
                Adjustable = [.. program.Meta.Phases[Math.Clamp(enrollment.PhaseIndex, 0, program.Meta.Phases.Count - 1)].Exercises
                    .Select(e => content.Current.FindGuide(e.Slug)).OfType<ExerciseGuide>()];
        }
        return true;
    }
}
