using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Clinic;

/// <summary>One note of a thread as the pages show it.</summary>
public sealed record Note(bool FromPhysio, DateTime AtUtc, string Text);

/// <summary>A note new to the patient on /today: who wrote it, when, what.</summary>
public sealed record NewNote(int LinkId, string Physio, DateTime AtUtc, string Text);

/// <summary>
/// The note thread on each link between a patient and a physiotherapist: text only, the latest <see cref="Shown"/>
/// shown. A note written while the link is active; once it ends, neither side can add to it.
/// </summary>
public static class CareNotes
{
    public const int Shown = 30;

    /// <summary>The latest notes of the thread, oldest first.</summary>
    public static async Task<IReadOnlyList<Note>> ThreadAsync(KneeRehabDbContext db, int linkId) =>
        [.. (await db.CareMessages.AsNoTracking().Where(m => m.CareLinkId == linkId)
            .OrderByDescending(m => m.AtUtc).ThenByDescending(m => m.Id).Take(Shown)
            .Select(m => new Note(m.FromPhysio, m.AtUtc, m.Text)).ToListAsync()).AsEnumerable().Reverse()];

    /// <summary>The physiotherapists' notes the patient has not marked read, on their active links; newest first, a few at most.</summary>
    public static async Task<IReadOnlyList<NewNote>> NewForPatientAsync(KneeRehabDbContext db, string patientId) =>
        [.. (await db.CareLinks.AsNoTracking().Where(l => l.PatientId == patientId && l.EndedUtc == null)
            .Join(db.CareMessages, l => l.Id, m => m.CareLinkId, (l, m) => new { LinkId = l.Id, l.PhysioId, l.PatientReadUtc, m.FromPhysio, m.AtUtc, m.Text, m.Id })
            .Where(x => x.FromPhysio && (x.PatientReadUtc == null || x.AtUtc > x.PatientReadUtc))
            .Join(db.Users, x => x.PhysioId, u => u.Id, (x, u) => new { x.LinkId, u.Email, x.AtUtc, x.Text, x.Id })
            .OrderByDescending(x => x.AtUtc).ThenByDescending(x => x.Id).Take(5).ToListAsync())
            .Select(x => new NewNote(x.LinkId, x.Email ?? "Your physiotherapist", x.AtUtc, x.Text))];

    /// <summary>Adds a note on an active link; null when there is none (the caller answers 404).</summary>
    public static async Task<CareLink?> ActiveLinkAsync(KneeRehabDbContext db, string physioId, string patientId) =>
        await db.CareLinks.FirstOrDefaultAsync(l => l.PhysioId == physioId && l.PatientId == patientId && l.EndedUtc == null);
}
