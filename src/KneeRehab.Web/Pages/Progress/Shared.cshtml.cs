using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Progress;

/// <summary>The report as a physiotherapist sees it through a share link: no account, nothing but the report, every view recorded.</summary>
[AllowAnonymous]
public class SharedModel(KneeRehabDbContext db, ContentLibrary content, TodayPlanner planner, TimeProvider clock, Milestones.MilestoneRecord milestones) : PageModel
{
    public ProgressReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return NotFound();
        var hash = ShareLink.Hash(token);
        var link = await db.ShareLinks.FirstOrDefaultAsync(l => l.TokenHash == hash);
        var now = clock.UtcNow();
        if (link is null || !link.IsOpen(now)) return NotFound();

        Report = await ProgressReport.BuildAsync(db, content, planner, clock, milestones, link.UserId);
        // The view is on record once the report could be made.
        db.Add(new ShareLinkView { ShareLinkId = link.Id, ViewedUtc = now });
        await db.SaveChangesAsync();
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
