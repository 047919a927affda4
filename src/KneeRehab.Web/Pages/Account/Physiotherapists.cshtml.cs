using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Accounts;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Account;

/// <summary>
/// The patient's physiotherapists: accept an invitation (after reading what the physiotherapist will see), end a link
/// at any time, and every view of their data by a physiotherapist.
/// </summary>
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class PhysiotherapistsModel(KneeRehabDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public sealed record Link(int Id, string Physio, DateTime StartedUtc);

    public sealed record AuditLine(DateTime AtUtc, string Physio, string Action);

    public const int AuditShown = 50;

    [BindProperty]
    [Required(ErrorMessage = "Enter the code your physiotherapist gave you.")]
    [StringLength(64, ErrorMessage = "The code is 12 letters and digits.")]
    [Display(Name = "invitation code")]
    public string? Code { get; set; }

    /// <summary>The physiotherapist behind a valid code, for "you are about to share with ...".</summary>
    public string? Inviting { get; private set; }

    public IReadOnlyList<Link> Links { get; private set; } = [];

    public IReadOnlyList<AuditLine> Audit { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [TempData]
    public string? Status { get; set; }

    public string At(DateTime utc) => WorkoutDates.InZone(utc, Zone).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(string? code)
    {
        await LoadAsync();
        if (string.IsNullOrWhiteSpace(code)) return;
        Code = code.Trim();
        if (await InvitationAsync(Code) is { } invitation) Inviting = await EmailOfAsync(invitation.PhysioId);
        else ModelState.AddModelError(nameof(Code), Invalid);
    }

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid) return Page();
        var invitation = await InvitationAsync(Code!.Trim(), tracked: true);
        var me = users.GetUserId(User)!;
        if (invitation is null)
        {
            ModelState.AddModelError(nameof(Code), Invalid);
            return Page();
        }
        if (invitation.PhysioId == me)
        {
            ModelState.AddModelError(nameof(Code), "This is your own invitation: give it to your patient.");
            return Page();
        }
        var now = clock.UtcNow();
        invitation.AcceptedUtc = now;
        if (!await db.CareLinks.AnyAsync(l => l.PhysioId == invitation.PhysioId && l.PatientId == me && l.EndedUtc == null))
            db.CareLinks.Add(new CareLink { PhysioId = invitation.PhysioId, PatientId = me, StartedUtc = now });
        await db.SaveChangesAsync();
        Status = $"{await EmailOfAsync(invitation.PhysioId)} now follows your progress.";
        return RedirectToPage(new { code = (string?)null });
    }

    public async Task<IActionResult> OnPostEndAsync(int link)
    {
        var found = await db.CareLinks.FirstOrDefaultAsync(l => l.Id == link && l.PatientId == users.GetUserId(User) && l.EndedUtc == null);
        if (found is null) return NotFound();
        found.EndedUtc = clock.UtcNow();
        await db.SaveChangesAsync();
        Status = $"{await EmailOfAsync(found.PhysioId)} no longer sees your data.";
        return RedirectToPage();
    }

    private const string Invalid = "This code does not work: it may be mistyped, used already or older than 7 days. Ask your physiotherapist for a new one.";

    private async Task<CareInvitation?> InvitationAsync(string code, bool tracked = false)
    {
        var hash = ShareLink.Hash(code);
        var query = tracked ? db.CareInvitations : db.CareInvitations.AsNoTracking();
        var invitation = await query.FirstOrDefaultAsync(i => i.CodeHash == hash);
        return invitation is not null && invitation.IsOpen(clock.UtcNow()) ? invitation : null;
    }

    private async Task<string> EmailOfAsync(string userId) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync() ?? "Your physiotherapist";

    private async Task LoadAsync()
    {
        var me = users.GetUserId(User)!;
        Zone = WorkoutDates.FindZone(await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).SingleAsync());
        Links = [.. (await db.CareLinks.AsNoTracking().Where(l => l.PatientId == me && l.EndedUtc == null)
            .Join(db.Users, l => l.PhysioId, u => u.Id, (l, u) => new { l.Id, u.Email, l.StartedUtc })
            .OrderBy(l => l.StartedUtc).ToListAsync()).Select(l => new Link(l.Id, l.Email ?? "", l.StartedUtc))];
        Audit = [.. (await db.ClinicAudit.AsNoTracking().Where(a => a.PatientId == me)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(AuditShown)
            .Join(db.Users, a => a.PhysioId, u => u.Id, (a, u) => new { a.AtUtc, u.Email, a.Action })
            .ToListAsync()).Select(a => new AuditLine(a.AtUtc, a.Email ?? "", a.Action))];
    }
}
