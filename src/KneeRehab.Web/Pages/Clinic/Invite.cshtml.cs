using KneeRehab.Web.Accounts;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Clinic;

/// <summary>A physiotherapist invites a patient: a one-time code and link, valid 7 days, shown once (only its hash is kept).</summary>
[Authorize(Policy = ClinicRegistration.Policy)]
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class InviteModel(KneeRehabDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    [TempData]
    public string? NewCode { get; set; }

    public string? NewLink => NewCode is null ? null : $"{Request.Scheme}://{Request.Host}/account/physiotherapists?code={Uri.EscapeDataString(NewCode)}";

    /// <summary>Invitations made and not yet accepted nor expired.</summary>
    public int OpenInvitations { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.UtcNow();
        var me = users.GetUserId(User)!;
        OpenInvitations = await db.CareInvitations.CountAsync(i => i.PhysioId == me && i.AcceptedUtc == null && i.ExpiresUtc > now);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var code = ShareLink.NewToken()[..12];
        var now = clock.UtcNow();
        db.CareInvitations.Add(new CareInvitation { PhysioId = users.GetUserId(User)!, CodeHash = ShareLink.Hash(code), CreatedUtc = now, ExpiresUtc = now.AddDays(CareInvitation.ValidDays) });
        await db.SaveChangesAsync();
        NewCode = code;
        return RedirectToPage();
    }
}
