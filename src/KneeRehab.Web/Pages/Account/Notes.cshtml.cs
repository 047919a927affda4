using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Accounts;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Account;

/// <summary>The patient's side of the note thread with one of their physiotherapists; 404 for a link that is not theirs or has ended.</summary>
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class NotesModel(KneeRehabDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public string Physio { get; private set; } = "";

    public IReadOnlyList<Note> Thread { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [BindProperty]
    [Required(ErrorMessage = "Write the note first.")]
    [StringLength(CareMessage.TextLength, ErrorMessage = "Keep the note to 1000 characters.")]
    [Display(Name = "note")]
    public string? Text { get; set; }

    public string At(DateTime utc) => WorkoutDates.InZone(utc, Zone).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int link) => await LoadAsync(link) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int link)
    {
        if (await LoadAsync(link) is not { } found) return NotFound();
        if (!ModelState.IsValid) return Page();
        var now = clock.UtcNow();
        db.CareMessages.Add(new CareMessage { CareLinkId = found.Id, FromPhysio = false, AtUtc = now, Text = Text!.Trim() });
        // Writing back is reading: the physiotherapist's notes so far are no longer new on /today.
        found.PatientReadUtc = now;
        await db.SaveChangesAsync();
        return RedirectToPage(new { link });
    }

    private async Task<CareLink?> LoadAsync(int link)
    {
        var me = users.GetUserId(User)!;
        if (await db.CareLinks.FirstOrDefaultAsync(l => l.Id == link && l.PatientId == me && l.EndedUtc == null) is not { } found) return null;
        Physio = await db.Users.Where(u => u.Id == found.PhysioId).Select(u => u.Email).SingleAsync() ?? "Your physiotherapist";
        Zone = WorkoutDates.FindZone(await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).SingleAsync());
        Thread = await CareNotes.ThreadAsync(db, found.Id);
        return found;
    }
}
