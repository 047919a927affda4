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
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>The charts and tables of the patient's /progress, over the range chosen here.</summary>
    public ProgressData Progress { get; private set; } = null!;

    public IReadOnlyList<ProgramTransition> Steps { get; private set; } = [];

    /// <summary>The patient's latest program while it can still be cleared or ended from here.</summary>
    public ProgramEnrollment? Program { get; private set; }

    /// <summary>Why the physiotherapist clears a paused or stopped program, or ends it (each form keeps its own).</summary>
    [BindProperty]
    public string? ClearReason { get; set; }

    [BindProperty]
    public string? EndReason { get; set; }

    /// <summary>The exercises of the running program's phase (with any swaps), which the physiotherapist may change.</summary>
    public IReadOnlyList<ExerciseGuide> Adjustable { get; private set; } = [];

    /// <summary>The exercises the physiotherapist holds now.</summary>
    public IReadOnlySet<string> Held { get; private set; } = new HashSet<string>();

    /// <summary>What each adjustable exercise may be swapped for: the guides its own guide names as easier or harder, not in the phase already.</summary>
    public IReadOnlyList<(ExerciseGuide From, ExerciseGuide To, bool Easier)> Swaps { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    public DoseInput Dose { get; set; } = new();

    public sealed class DoseInput
    {
        [Required(ErrorMessage = "Choose the exercise.")]
        [Display(Name = "exercise")]
        public string? Exercise { get; set; }

        /// <summary>Set a dose (the default), hold, release, or swap.</summary>
        public ClinicianChange Change { get; set; }

        /// <summary>For a swap: the guide that takes the exercise's place.</summary>
        [Display(Name = "swap for")]
        public string? SwapTo { get; set; }

        /// <summary>Sets and reps are needed for a new dose and for a swap (the new exercise's dose).</summary>
        [Range(1, 10, ErrorMessage = "Sets are from 1 to 10.")]
        public int? Sets { get; set; }

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

    public async Task<IActionResult> OnGetAsync(string id, string? range)
    {
        if (!await LoadAsync(id, range)) return NotFound();
        db.Audit(users.GetUserId(User)!, id, clock.UtcNow(), "Opened your progress, report and program record");
        await db.SaveChangesAsync();
        return Page();
    }

    /// <summary>The numbers of the progress charts, as the patient's own /progress gives them; a view, on the patient's list.</summary>
    public async Task<IActionResult> OnGetDataAsync(string id, string? range)
    {
        var me = users.GetUserId(User)!;
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !await db.FollowsAsync(me, id)) return NotFound();
        var data = await new ProgressData(db, content, clock, $"/clinic/patients/{id}", forPatient: false).LoadAsync(id, range);
        db.Audit(me, id, clock.UtcNow(), "Loaded your progress charts");
        await db.SaveChangesAsync();
        return data.Json();
    }

    public async Task<IActionResult> OnPostDoseAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var field = (string name) => $"{nameof(Dose)}.{name}";
        var guide = Adjustable.FirstOrDefault(g => g.Slug == Dose.Exercise);
        if (Dose.Exercise is not null && guide is null)
            ModelState.AddModelError(field(nameof(Dose.Exercise)), "Choose an exercise of the patient's current phase.");
        // A value that is not one of the choices (sent by hand) gets the form's own words, not the binder's.
        if (ModelState.GetFieldValidationState(field(nameof(Dose.Change))) == ModelValidationState.Invalid || !Enum.IsDefined(Dose.Change))
        {
            ModelState.Remove(field(nameof(Dose.Change)));
            ModelState.AddModelError(field(nameof(Dose.Change)), "Choose what to change.");
        }
        // The dose is of the exercise itself, or for a swap of the one that takes its place.
        var target = guide;
        if (Dose.Change == ClinicianChange.Swap && Swaps.Count == 0)
            ModelState.AddModelError(field(nameof(Dose.Change)), "No exercise of this phase has an easier or harder one to swap to.");
        else if (Dose.Change == ClinicianChange.Swap && guide is not null)
        {
            target = Swaps.FirstOrDefault(s => s.From == guide && s.To.Slug == Dose.SwapTo).To;
            if (target is null)
                ModelState.AddModelError(field(nameof(Dose.SwapTo)), $"Choose an easier or harder exercise that the {guide.Meta.Title.ToLowerInvariant()} guide names.");
        }
        if (Dose.Change == ClinicianChange.Hold && guide is not null && Held.Contains(guide.Slug))
            ModelState.AddModelError(field(nameof(Dose.Change)), $"The {guide.Meta.Title.ToLowerInvariant()} is held already.");
        if (Dose.Change == ClinicianChange.Release && guide is not null && !Held.Contains(guide.Slug))
            ModelState.AddModelError(field(nameof(Dose.Change)), $"The {guide.Meta.Title.ToLowerInvariant()} is not held: there is nothing to release.");
        var needsDose = Dose.Change is ClinicianChange.Dose or ClinicianChange.Swap;
        if (needsDose && Dose.Sets is null && ModelState.GetFieldValidationState(field(nameof(Dose.Sets))) != ModelValidationState.Invalid)
            ModelState.AddModelError(field(nameof(Dose.Sets)), "Enter the sets, from 1 to 10.");
        if (needsDose && Dose.Reps is null && ModelState.GetFieldValidationState(field(nameof(Dose.Reps))) != ModelValidationState.Invalid)
            ModelState.AddModelError(field(nameof(Dose.Reps)), "Enter the reps, from 1 to 100.");
        if (needsDose && target is not null && Dose.Level is { } level && level > Math.Max(1, target.Meta.HasLevels ? target.Meta.LevelSteps.Count : 1))
            ModelState.AddModelError(field(nameof(Dose.Level)), target.Meta.HasLevels ? $"Choose a level from 1 to {target.Meta.LevelSteps.Count}." : $"{target.Meta.Title} has one level.");
        if (!ModelState.IsValid) return Page();

        var enrollment = await db.Enrollments.Where(e => e.UserId == id).OrderByDescending(e => e.Id).FirstAsync();
        var now = clock.UtcNow();
        var dose = needsDose ? new Prescription(Dose.Sets!.Value, Dose.Reps!.Value, Dose.HoldSeconds ?? 0, Dose.LoadKg ?? 0, Dose.Level ?? 1) : new Prescription(1, 1, 0, 0, 1);
        var reason = Dose.Reason!.Trim();
        var title = guide!.Meta.Title.ToLowerInvariant();
        var (audit, done) = Dose.Change switch
        {
            ClinicianChange.Hold => ($"Held your {title} where it is", "is held where it is"),
            ClinicianChange.Release => ($"Let your {title} move up again", "moves up again when it goes well"),
            ClinicianChange.Swap => ($"Swapped your {title} for the {target!.Meta.Title.ToLowerInvariant()} at {dose.ToDose().Describe(ProgramRecord.Ladder(target).Kind)}", $"is swapped for the {target.Meta.Title.ToLowerInvariant()}"),
            _ => ($"Changed your {title} to {dose.ToDose().Describe(ProgramRecord.Ladder(guide).Kind)}", "has its next dose set"),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await record.SetClinicianDoseAsync(enrollment, new ClinicianDose
            {
                EnrollmentId = enrollment.Id,
                PhysioId = users.GetUserId(User)!,
                Date = await db.TodayForAsync(clock, id),
                AtUtc = now,
                Change = Dose.Change,
                ExerciseSlug = guide.Slug,
                SwapTo = Dose.Change == ClinicianChange.Swap ? target!.Slug : null,
                PhaseIndex = enrollment.PhaseIndex,
                Dose = dose,
                Reason = reason,
            });
            db.Audit(users.GetUserId(User)!, id, now, $"{audit}: \"{reason}\"");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Status = $"{guide.Meta.Title} {done}: the patient reads it with your reason on their Today page.";
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
    private async Task<bool> LoadAsync(string id, string? range = null)
    {
        var me = users.GetUserId(User)!;
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !await db.FollowsAsync(me, id)) return false;
        Patient = await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleAsync() ?? id;
        Report = await ProgressReport.BuildAsync(db, content, planner, clock, milestones, id);
        Progress = await new ProgressData(db, content, clock, $"/clinic/patients/{id}", forPatient: false).LoadAsync(id, range);
        Milestones = await milestones.PanelAsync(id, Report.Today, compact: false);
        if (await db.Enrollments.AsNoTracking().Where(e => e.UserId == id).OrderByDescending(e => e.Id).FirstOrDefaultAsync() is { } enrollment)
        {
            Steps = await db.ProgramTransitions.AsNoTracking().Where(t => t.EnrollmentId == enrollment.Id)
                .OrderBy(t => t.Date).ThenBy(t => t.AtUtc).ThenBy(t => t.Id).ToListAsync();
            if (enrollment.Status is ProgramStatus.Active or ProgramStatus.Paused or ProgramStatus.StoppedForReview) Program = enrollment;
            if (enrollment.Status == ProgramStatus.Active && await planner.PlanAsync(id) is { } plan)
            {
                Adjustable = [.. plan.Exercises.Select(e => e.Guide)];
                var inPhase = Adjustable.Select(g => g.Slug).ToHashSet();
                Swaps = [.. Adjustable.SelectMany(g => g.Meta.Regression.Select(slug => (slug, Easier: true)).Concat(g.Meta.Progression.Select(slug => (slug, Easier: false)))
                    .Where(o => !inPhase.Contains(o.slug)).Select(o => (From: g, To: content.Current.FindGuide(o.slug), o.Easier))
                    .Where(o => o.To is not null).Select(o => (o.From, o.To!, o.Easier)))];
                // A hold lasts until its release: the latest of the two for each exercise says which is in force.
                var holds = await db.ClinicianDoses.AsNoTracking()
                    .Where(d => d.EnrollmentId == enrollment.Id && (d.Change == ClinicianChange.Hold || d.Change == ClinicianChange.Release))
                    .OrderBy(d => d.Date).ThenBy(d => d.AtUtc).ThenBy(d => d.Id).Select(d => new { d.ExerciseSlug, d.Change }).ToListAsync();
                Held = holds.GroupBy(h => h.ExerciseSlug).Where(g => g.Last().Change == ClinicianChange.Hold).Select(g => g.Key).ToHashSet();
            }
        }
        return true;
    }
}
