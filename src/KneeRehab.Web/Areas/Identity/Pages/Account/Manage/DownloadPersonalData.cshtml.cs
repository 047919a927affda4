using System.Text.Json;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI download, which only includes the account's own [PersonalData] fields:
/// a patient's personal data is above all their workouts, so they are in the file too.
/// </summary>
public class DownloadPersonalDataModel(UserManager<ApplicationUser> userManager, KneeRehabDbContext db) : PageModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public IActionResult OnGet() => NotFound();

    private const int WorkoutsPerPage = 50;

    /// <summary>A section read only when the JSON writer reaches it, so nothing waits before the first bytes.</summary>
    private static async IAsyncEnumerable<T> WhenWritten<T>(Func<Task<List<T>>> read)
    {
        foreach (var item in await read()) yield return item;
    }

    private async IAsyncEnumerable<object> WorkoutsOf(string userId)
    {
        (DateOnly Date, int Id)? after = null;
        while (true)
        {
            var mine = db.Workouts.AsNoTracking().Where(w => w.UserId == userId);
            if (after is var (date, id)) mine = mine.Where(w => w.Date > date || (w.Date == date && w.Id > id));
            var page = await mine.OrderBy(w => w.Date).ThenBy(w => w.Id).Take(WorkoutsPerPage)
                .Select(w => new
                {
                    w.Id,
                    w.Date,
                    w.Notes,
                    w.PainNextMorning,
                    w.CreatedUtc,
                    Exercises = w.Exercises.OrderBy(e => e.Position).Select(e => new
                    {
                        e.ExerciseSlug,
                        Side = e.Side.ToString(),
                        e.PainDuring,
                        e.FormOk,
                        e.Note,
                        e.Level,
                        e.Prescribed,
                        Sets = e.Sets.OrderBy(s => s.Number).Select(s => new { s.Number, s.Reps, s.HoldSeconds, s.LoadKg }).ToList(),
                    }).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(HttpContext.RequestAborted);
            foreach (var workout in page) yield return workout;
            if (page.Count < WorkoutsPerPage) yield break;
            after = (page[^1].Date, page[^1].Id);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();

        var account = typeof(ApplicationUser).GetProperties()
            .Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute)))
            .ToDictionary(p => p.Name, p => p.GetValue(user)?.ToString());
        foreach (var login in await userManager.GetLoginsAsync(user))
            account[$"{login.LoginProvider} external login provider key"] = login.ProviderKey;

        // Streamed while it is written, a page of workouts at a time (keyset on date and id): years of workouts never
        // sit in memory at once, and the first bytes go out after one page. Every section is read when the writer
        // reaches it, one after the other (one context runs one query at a time).
        var workouts = WorkoutsOf(user.Id);
        var lists = WhenWritten(() => db.ExerciseLists.AsNoTracking().Where(l => l.UserId == user.Id)
            .Select(l => new { l.Name, l.Slugs }).ToListAsync());
        var programs = WhenWritten(() => db.Enrollments.AsNoTracking().Where(e => e.UserId == user.Id).OrderBy(e => e.Id)
            .Select(e => new
            {
                e.ProgramSlug, e.StartedOn, e.EndedOn, e.BaselineMorningPain, e.PhaseIndex, e.Status, e.StatusReason, e.StatusSince,
                // The program's record: its steps and the decisions made for each exercise.
                steps = db.ProgramTransitions.Where(t => t.EnrollmentId == e.Id).OrderBy(t => t.Date).ThenBy(t => t.AtUtc)
                    .Select(t => new { t.Date, t.Kind, t.Reason, t.Note }).ToList(),
                decisions = db.ProgramDecisions.Where(d => d.EnrollmentId == e.Id).OrderBy(d => d.Id)
                    .Select(d => new { d.Date, d.ExerciseSlug, d.Kind, d.Next, d.Reasons, d.Message }).ToList(),
                milestones = db.MilestonesReached.Where(m => m.EnrollmentId == e.Id).OrderBy(m => m.Rung)
                    .Select(m => new { m.Activity, m.ReachedOn }).ToList(),
                physiotherapistDoses = db.ClinicianDoses.Where(d => d.EnrollmentId == e.Id).OrderBy(d => d.Id)
                    .Select(d => new { d.Date, d.ExerciseSlug, d.Dose, d.Reason }).ToList(),
            }).AsSplitQuery().ToListAsync());

        var checkIns = WhenWritten(() => db.CheckIns.AsNoTracking().Where(c => c.UserId == user.Id).OrderBy(c => c.Date).ThenBy(c => c.Id)
            .Select(c => new { c.Date, c.AveragePain, c.WorstPain, c.GlobalRatingOfChange, psfs = c.Psfs.Select(p => new { p.Activity, p.Score }).ToList(), c.ChairStands, c.StepDownsLeft, c.StepDownsRight })
            .AsSplitQuery().ToListAsync());
        // Share links without their tokens (only a hash is stored, and it opens nothing on its own).
        var shareLinks = WhenWritten(() => db.ShareLinks.AsNoTracking().Where(l => l.UserId == user.Id).OrderBy(l => l.Id)
            .Select(l => new { l.CreatedUtc, l.ExpiresUtc, l.RevokedUtc, views = l.Views.OrderBy(v => v.ViewedUtc).Select(v => v.ViewedUtc).ToList() })
            .AsSplitQuery().ToListAsync());

        // Physiotherapist mode (Clinic/): who follows the patient, what they opened; a physiotherapist's own invitations and programs.
        var clinic = new
        {
            physiotherapists = WhenWritten(() => db.CareLinks.AsNoTracking().Where(l => l.PatientId == user.Id).OrderBy(l => l.Id)
                .Join(db.Users, l => l.PhysioId, u => u.Id, (l, u) => new { physiotherapist = u.Email, l.StartedUtc, l.EndedUtc }).ToListAsync()),
            patients = WhenWritten(() => db.CareLinks.AsNoTracking().Where(l => l.PhysioId == user.Id).OrderBy(l => l.Id)
                .Select(l => new { l.PatientId, l.StartedUtc, l.EndedUtc }).ToListAsync()),
            views = WhenWritten(() => db.ClinicAudit.AsNoTracking().Where(a => a.PatientId == user.Id).OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
                .Join(db.Users, a => a.PhysioId, u => u.Id, (a, u) => new { physiotherapist = u.Email, a.AtUtc, a.Action }).ToListAsync()),
            notes = WhenWritten(() => db.CareMessages.AsNoTracking()
                .Join(db.CareLinks.Where(l => l.PatientId == user.Id || l.PhysioId == user.Id), m => m.CareLinkId, l => l.Id, (m, l) => new { m.Id, m.FromPhysio, m.AtUtc, m.Text, l.PatientId, l.PhysioId })
                .OrderBy(m => m.AtUtc).ThenBy(m => m.Id).Select(m => new { m.FromPhysio, m.AtUtc, m.Text, m.PatientId, m.PhysioId }).ToListAsync()),
            invitations = WhenWritten(() => db.CareInvitations.AsNoTracking().Where(i => i.PhysioId == user.Id).OrderBy(i => i.Id)
                .Select(i => new { i.CreatedUtc, i.ExpiresUtc, i.AcceptedUtc }).ToListAsync()),
            builtPrograms = WhenWritten(() => db.ClinicPrograms.AsNoTracking().Where(p => p.PhysioId == user.Id).OrderBy(p => p.Id)
                .Select(p => new { p.Slug, p.Title, p.CreatedUtc, p.Definition }).ToListAsync()),
        };

        // Made from the workouts above (Data/ProgressSummary.cs), but stored, so part of what is held about the patient.
        var progressSummaries = new
        {
            pain = WhenWritten(() => db.PainSummaries.AsNoTracking().Where(p => p.UserId == user.Id).OrderBy(p => p.Period).ThenBy(p => p.Start)
                .Select(p => new { Period = p.Period.ToString(), p.Start, p.HighestPain, p.HighestNextMorning }).ToListAsync()),
            exercises = WhenWritten(() => db.ExerciseSummaries.AsNoTracking().Where(x => x.UserId == user.Id).OrderBy(x => x.Period).ThenBy(x => x.Start).ThenBy(x => x.ExerciseSlug)
                .Select(x => new { Period = x.Period.ToString(), x.Start, x.ExerciseSlug, Side = x.Side.ToString(), x.BestSets, x.BestReps, x.BestHold, x.BestLoadKg, x.HighestLevel }).ToListAsync()),
        };

        Response.ContentType = "application/json";
        Response.Headers.ContentDisposition = "attachment; filename=PersonalData.json";
        await JsonSerializer.SerializeAsync(Response.Body, new { account, workouts, exerciseLists = lists, programs, checkIns, shareLinks, progressSummaries, clinic }, Json, HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
