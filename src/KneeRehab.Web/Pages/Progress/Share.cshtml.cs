using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Progress;

/// <summary>The patient's share links: create one (shown once: only its hash is kept), revoke it, see every view.</summary>
public class ShareModel(KneeRehabDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ShareLink> Links { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    /// <summary>The patient's time zone (Account preferences), in which every time on the page is shown.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>A stored instant in the patient's own time, for example "2 Dec 2026 10:30".</summary>
    public string At(DateTime utc, string format) => WorkoutDates.InZone(utc, Zone).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The link just created; it cannot be shown again.</summary>
    [TempData]
    public string? NewLink { get; set; }

    public async Task OnGetAsync()
    {
        NowUtc = clock.UtcNow();
        Zone = WorkoutDates.FindZone(await db.Users.Where(u => u.Id == users.GetUserId(User)).Select(u => u.TimeZoneId).FirstOrDefaultAsync());
        Links = await db.ShareLinks.AsNoTracking().Where(l => l.UserId == users.GetUserId(User))
            .OrderByDescending(l => l.CreatedUtc).Include(l => l.Views.OrderByDescending(v => v.ViewedUtc)).ToListAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var token = ShareLink.NewToken();
        var now = clock.UtcNow();
        db.ShareLinks.Add(new ShareLink { UserId = users.GetUserId(User)!, TokenHash = ShareLink.Hash(token), CreatedUtc = now, ExpiresUtc = now.AddDays(ShareLink.ValidDays) });
        await db.SaveChangesAsync();
        NewLink = $"{Request.Scheme}://{Request.Host}/shared/{token}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int link)
    {
        var found = await db.ShareLinks.FirstOrDefaultAsync(l => l.Id == link && l.UserId == users.GetUserId(User));
        if (found is null) return NotFound();
        found.RevokedUtc ??= clock.UtcNow();
        await db.SaveChangesAsync();
        return RedirectToPage();
    }
}
