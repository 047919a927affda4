using System.Text;
using KneeRehab.Web.Accounts;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Clinic;

/// <summary>
/// The programs a physiotherapist built: the list, one of them week by week, and its download as a file for
/// content/programs/ (the same front matter). Another physiotherapist's program is 404.
/// </summary>
[Authorize(Policy = ClinicRegistration.Policy)]
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class ProgramsModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users) : PageModel
{
    public IReadOnlyList<ClinicProgram> Own { get; private set; } = [];

    /// <summary>The program opened (<c>/clinic/programs/{slug}</c>), or null on the list.</summary>
    public TrainingProgram? Program { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string? slug)
    {
        var me = users.GetUserId(User)!;
        Own = await db.ClinicPrograms.AsNoTracking().Where(p => p.PhysioId == me).OrderByDescending(p => p.CreatedUtc).ToListAsync();
        if (slug is null) return Page();
        if (Own.FirstOrDefault(p => p.Slug == slug) is not { } own || ProgramCatalog.Read(own.Definition, content.Current) is not { } program) return NotFound();
        Program = program;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? slug)
    {
        var me = users.GetUserId(User)!;
        var own = await db.ClinicPrograms.AsNoTracking().Where(p => p.Slug == slug && p.PhysioId == me).Select(p => p.Definition).FirstOrDefaultAsync();
        if (own is null || ProgramCatalog.Read(own, content.Current) is not { } program) return NotFound();
        return File(Encoding.UTF8.GetBytes(ProgramCatalog.ToMarkdown(program)), "text/markdown; charset=utf-8", $"{program.Slug}.md");
    }
}
