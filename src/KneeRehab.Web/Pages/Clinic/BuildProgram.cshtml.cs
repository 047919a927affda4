using System.Security.Cryptography;
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
/// A physiotherapist builds a program from the guides (<see cref="ProgramDraft"/>), sees how it would unfold for the
/// simulator's virtual patients, and saves it; it is then theirs to start for any of their patients, after the same
/// preview. Saved, it is front matter like content/programs/, checked by the same loader, and never changed again.
/// </summary>
[Authorize(Policy = ClinicRegistration.Policy)]
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class BuildProgramModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TimeProvider clock, ProgressionEngine engine) : PageModel
{
    [BindProperty]
    public ProgramDraft Draft { get; set; } = new();

    /// <summary>The patient to start it for once saved (one of this physiotherapist's), or none.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Patient { get; set; }

    public ProgramPreview? Preview { get; private set; }

    public IReadOnlyList<ExerciseGuide> Guides => content.Current.Guides;

    public IReadOnlyList<TrainingProgram> WithMilestones => [.. content.Current.Programs.Where(p => p.Meta.Milestones.Count > 0)];

    public IReadOnlyList<TrainingProgram> Published => content.Current.Programs;

    /// <summary>Starts empty, or from a published program or one of the physiotherapist's own (<c>?from=</c>).</summary>
    public async Task OnGetAsync(string? from)
    {
        if (from is not null && await StartingPointAsync(from) is { } program) Draft = ProgramDraft.From(program);
        Draft.AddBlankRows();
    }

    /// <summary>More rows: the blank rows come back under every phase.</summary>
    public IActionResult OnPostRows()
    {
        ModelState.Clear();
        Draft.AddBlankRows();
        return Page();
    }

    public IActionResult OnPostPhase()
    {
        ModelState.Clear();
        Draft.Phases.Add(new ProgramDraft.PhaseDraft { Weeks = 2, MinSets = 2, MinReps = 10 });
        Draft.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (Checked(ClinicProgram.SlugPrefix + "preview") is not { } program) return Invalid();
        Preview = await new ProgramSimulator(content, engine.Options).PreviewAsync(program);
        Draft.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var slug = ClinicProgram.SlugPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        if (Checked(slug) is not { } program) return Invalid();
        var me = users.GetUserId(User)!;
        db.ClinicPrograms.Add(new ClinicProgram
        {
            Slug = slug,
            PhysioId = me,
            Title = program.Meta.Title,
            CreatedUtc = clock.UtcNow(),
            Definition = FrontMatterReader.Write(program.Meta),
        });
        await db.SaveChangesAsync();
        TempData["Status"] = $"\"{program.Meta.Title}\" is saved with your programs.";
        if (Patient is { Length: > 0 and <= 100 } patient && await db.FollowsAsync(me, patient))
            return RedirectToPage("/Clinic/Prescribe", new { id = patient, program = slug });
        return RedirectToPage("/Clinic/Programs", new { slug });
    }

    /// <summary>The draft as a program, checked by the form's rules and then the content loader's; null when anything is wrong.</summary>
    private TrainingProgram? Checked(string slug)
    {
        Draft.Check(content.Current, nameof(Draft), ModelState.AddModelError);
        if (!ModelState.IsValid) return null;
        var meta = Draft.ToFrontMatter(slug, content.Current, clock.Today());
        var definition = FrontMatterReader.Write(meta);
        if (definition.Length > ClinicProgram.DefinitionLength)
        {
            ModelState.AddModelError("", "The program is too long to keep: make it shorter (fewer phases or exercises).");
            return null;
        }
        var problems = new List<ContentProblem>();
        var program = ContentLoader.ReadProgram(definition, content.Current, problems);
        foreach (var problem in problems)
            ModelState.AddModelError(problem.Field.StartsWith("milestones", StringComparison.Ordinal) ? $"{nameof(Draft)}.{nameof(Draft.MilestonesFrom)}" : "",
                $"{problem.Field}: {problem.Message}");
        return program;
    }

    private PageResult Invalid()
    {
        Draft.AddBlankRows();
        return Page();
    }

    private async Task<TrainingProgram?> StartingPointAsync(string slug)
    {
        if (content.Current.FindProgram(slug) is { } published) return published;
        var me = users.GetUserId(User)!;
        var own = await db.ClinicPrograms.AsNoTracking().Where(p => p.Slug == slug && p.PhysioId == me).Select(p => p.Definition).FirstOrDefaultAsync();
        return own is null ? null : ProgramCatalog.Read(own, content.Current);
    }
}
