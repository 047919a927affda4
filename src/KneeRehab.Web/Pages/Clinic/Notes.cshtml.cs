using System.ComponentModel.DataAnnotations;
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

/// <summary>The physiotherapist's side of the note thread with one patient; 404 without an active link.</summary>
[Authorize(Policy = ClinicRegistration.Policy)]
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class NotesModel(KneeRehabDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public string Patient { get; private set; } = "";

    public IReadOnlyList<Note> Thread { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Write the note first.")]
    [StringLength(CareMessage.TextLength, ErrorMessage = "Keep the note to 1000 characters.")]
    [Display(Name = "note")]
    public string? Text { get; set; }

    /// <summary>The reader's own time zone (their preferences).</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public string At(DateTime utc) => WorkoutDates.InZone(utc, Zone).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is not { } link) return NotFound();
        // A deliberate view log: the patient sees each time their notes were opened.
        db.Audit(link.PhysioId, id, clock.UtcNow(), "Opened your notes");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadAsync(id) is not { } link) return NotFound();
        if (!ModelState.IsValid) return Page();
        var now = clock.UtcNow();
        db.CareMessages.Add(new CareMessage { CareLinkId = link.Id, FromPhysio = true, AtUtc = now, Text = Text!.Trim() });
        db.Audit(link.PhysioId, id, now, "Sent you a note");
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    private async Task<CareLink?> LoadAsync(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100) return null;
        if (await CareNotes.ActiveLinkAsync(db, users.GetUserId(User)!, id) is not { } link) return null;
        Patient = await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleAsync() ?? id;
        Zone = WorkoutDates.FindZone(await db.Users.Where(u => u.Id == link.PhysioId).Select(u => u.TimeZoneId).SingleAsync());
        Thread = await CareNotes.ThreadAsync(db, link.Id);
        return link;
    }
}
