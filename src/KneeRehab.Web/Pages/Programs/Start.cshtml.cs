using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Forms;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Programs;

/// <summary>
/// Starting a program: the red-flag screen first (any "yes" stops here with advice), then the usual
/// morning pain the engine compares with, the painful knee, and a confirmation when another program is running.
/// </summary>
public class StartModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TimeProvider clock, TodayPlanner planner, ProgramRecord record) : PageModel
{
    public TrainingProgram Program { get; private set; } = null!;

    /// <summary>The program that would end, if the user is following one.</summary>
    public TrainingProgram? Current { get; private set; }

    private string? RunningSlug { get; set; }

    private DateOnly? RunningSince { get; set; }

    /// <summary>Set when a warning sign was ticked: the advice shown instead of starting.</summary>
    public IReadOnlyList<RedFlagQuestion> Stopped { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public List<string> RedFlags { get; set; } = [];

        [Required(ErrorMessage = "Enter your usual knee pain in the morning, from 0 to 10.")]
        [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
        [Display(Name = "usual morning pain")]
        public int? BaselineMorningPain { get; set; }

        public bool ConfirmEnd { get; set; }

        /// <summary>Asked here once, kept as the user's preference (Account → preferences changes it).</summary>
        [Display(Name = "painful knee")]
        public Side? AffectedKnee { get; set; }

        /// <summary>About you: the age band (the warning signs differ with age) and the goal; kept like the knee.</summary>
        public AboutYouInput About { get; set; } = new();
    }

    /// <summary>The warning signs asked of this patient (all of them until the age is given).</summary>
    public IReadOnlyList<RedFlagQuestion> Questions => RedFlagScreen.For(Input.About.AgeBand);

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug)) return NotFound();
        var userId = users.GetUserId(User)!;
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        (Input.AffectedKnee, Input.About) = (user.AffectedKnee, AboutYouInput.Of(user));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug)) return NotFound();

        // A double tap (or two tabs) posts the same start twice: the program the first one started is the one.
        if (RunningSlug == Program.Slug && RunningSince == await planner.TodayForAsync(users.GetUserId(User)!) && !Input.ConfirmEnd)
            return RedirectToPage("/Today/Index");
        Stopped = [.. Input.RedFlags.Select(RedFlagScreen.Find).OfType<RedFlagQuestion>()];
        if (Stopped.Count > 0) return Page();
        if (Current is not null && !Input.ConfirmEnd)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ConfirmEnd)}", $"Tick this to end \"{Current.Meta.Title}\" and start this program.");
        if (!ModelState.IsValid) return Page();

        var userId = users.GetUserId(User)!;
        var today = await planner.TodayForAsync(userId);
        var now = clock.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // A double tap (or two tabs) posts the same start twice: the program started by the first is the one. The
        // patient's lock makes the second wait for the first to commit, so it sees that program (PostgreSQL).
        await PatientLock.TakeAsync(db, userId);
        if (await db.Enrollments.AnyAsync(e => e.UserId == userId && e.EndedOn == null && e.ProgramSlug == Program.Slug && e.StartedOn == today) && !Input.ConfirmEnd)
            return RedirectToPage("/Today/Index");
        // The answers given here become the preferences; one left empty keeps what was said before.
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        if (Input.AffectedKnee is { } knee) user.AffectedKnee = knee;
        if (Input.About.AgeBand is not null || Input.About.Goal is not null)
        {
            var about = AboutYouInput.Of(user);
            about.AgeBand = Input.About.AgeBand ?? about.AgeBand;
            if (Input.About.Goal is not null) (about.Goal, about.GoalDetail) = (Input.About.Goal, Input.About.GoalDetail);
            about.SaveTo(user);
        }
        // Null: another post started a program in the meantime, and the unique index kept it to one.
        if (await record.BeginAsync(userId, Program, Input.BaselineMorningPain!.Value, today, now) is null) return RedirectToPage("/Today/Index");
        await transaction.CommitAsync();
        TempData["Status"] = $"You started \"{Program.Meta.Title}\".";
        return RedirectToPage("/Today/Index");
    }

    private async Task<bool> LoadAsync(string slug)
    {
        if (content.Current.FindProgram(slug) is not { } program) return false;
        Program = program;
        var userId = users.GetUserId(User)!;
        var running = await db.Enrollments.AsNoTracking().Where(e => e.UserId == userId && e.EndedOn == null)
            .Select(e => new { e.ProgramSlug, e.StartedOn }).FirstOrDefaultAsync();
        (RunningSlug, RunningSince) = (running?.ProgramSlug, running?.StartedOn);
        Current = running is null ? null : await db.FindProgramAsync(content.Current, running.ProgramSlug);
        return true;
    }
}
