using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Accounts;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Clinic;

/// <summary>
/// The physiotherapist starts a program for a patient, after seeing how it would unfold: the program simulator walks a
/// steady and a flaring virtual patient through it first. 404 without an active link.
/// </summary>
[Authorize(Policy = ClinicRegistration.Policy)]
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class PrescribeModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TimeProvider clock, ProgramRecord record, ProgressionEngine engine) : PageModel
{
    public string Patient { get; private set; } = "";

    public IReadOnlyList<TrainingProgram> Programs => content.Current.Programs;

    public TrainingProgram? Program { get; private set; }

    /// <summary>The program the patient follows now, which starting another ends.</summary>
    public TrainingProgram? Current { get; private set; }

    /// <summary>The programs this physiotherapist built from the guides, newest first.</summary>
    public IReadOnlyList<ClinicProgram> Own { get; private set; } = [];

    /// <summary>How the chosen program unfolds for virtual patients: steady, then a flare in week 3.</summary>
    public ProgramPreview? Preview { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the patient's usual morning knee pain, from 0 to 10.")]
    [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
    [Display(Name = "usual morning pain")]
    public int? BaselineMorningPain { get; set; }

    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    public bool Screened { get; set; }

    [BindProperty]
    public bool ConfirmEnd { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, string? program)
    {
        if (!await LoadAsync(id, program)) return NotFound();
        // It shows the patient's current program: a view, on the patient's list like the others.
        db.Audit(users.GetUserId(User)!, id, clock.UtcNow(), "Looked at starting a program for you");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? program)
    {
        if (!await LoadAsync(id, program) || Program is null) return NotFound();
        if (!Screened) ModelState.AddModelError(nameof(Screened), "Tick this once you have checked the patient for the warning signs.");
        if (Current is not null && !ConfirmEnd) ModelState.AddModelError(nameof(ConfirmEnd), $"Tick this to end \"{Current.Meta.Title}\" and start this program.");
        if (!ModelState.IsValid) return Page();

        var now = clock.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var started = await record.BeginAsync(id, Program, BaselineMorningPain!.Value, await db.TodayForAsync(clock, id), now, "Started by your physiotherapist.");
        if (started is null) return RedirectToPage("/Clinic/Patient", new { id });
        db.Audit(users.GetUserId(User)!, id, now, $"Started the program \"{Program.Meta.Title}\" for you");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Status = $"\"{Program.Meta.Title}\" is started: the patient sees today's exercises on their Today page.";
        return RedirectToPage("/Clinic/Patient", new { id });
    }

    private async Task<bool> LoadAsync(string id, string? program)
    {
        var me = users.GetUserId(User)!;
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !await db.FollowsAsync(me, id)) return false;
        Patient = await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleAsync() ?? id;
        var running = await db.Enrollments.AsNoTracking().Where(e => e.UserId == id && e.EndedOn == null).Select(e => e.ProgramSlug).FirstOrDefaultAsync();
        Current = running is null ? null : await db.FindProgramAsync(content.Current, running);
        Own = await db.ClinicPrograms.AsNoTracking().Where(p => p.PhysioId == me).OrderByDescending(p => p.CreatedUtc).ToListAsync();
        // A built program is offered only to the physiotherapist who built it.
        Program = program is null ? null
            : content.Current.FindProgram(program) ?? (Own.FirstOrDefault(p => p.Slug == program) is { } own ? ProgramCatalog.Read(own.Definition, content.Current) : null);
        // The same walk as the simulate command, on a throwaway database: the preview never touches the patient's record.
        if (Program is not null) Preview = await new ProgramSimulator(content, engine.Options).PreviewAsync(Program);
        return true;
    }
}
