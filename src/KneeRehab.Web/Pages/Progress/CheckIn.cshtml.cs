using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using KneeRehab.Web.Outcomes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Progress;

/// <summary>
/// The weekly check-in: average and worst pain every week; every 4 weeks also the Patient-Specific
/// Functional Scale (the same activities each time) and, after the first, the global rating of change.
/// </summary>
public class CheckInModel(KneeRehabDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, MilestoneRecord milestones) : PageModel
{
    public const int WeeklyDays = 7;
    public const int PsfsEveryDays = 28;
    public const int ActivitySlots = Psfs.MaxActivities;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool AskPsfs { get; private set; }

    public bool AskGrc { get; private set; }

    /// <summary>Since the first check-in: what changed in pain and in the activity score, in plain words.</summary>
    public IReadOnlyList<ChangeReading> Readings { get; private set; } = [];

    public PsfsComparison ActivityScore { get; private set; } = PsfsComparison.None;

    public bool Saved { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your average knee pain this week, from 0 to 10.")]
        [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
        [Display(Name = "average pain")]
        public int? AveragePain { get; set; }

        [Required(ErrorMessage = "Enter your worst knee pain this week, from 0 to 10.")]
        [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
        [Display(Name = "worst pain")]
        public int? WorstPain { get; set; }

        public List<ActivityInput> Activities { get; set; } = [];

        [Range(GlobalRatingOfChange.Min, GlobalRatingOfChange.Max, ErrorMessage = "Choose one of the answers.")]
        public int? Grc { get; set; }

        /// <summary>Home tests, every 4 weeks with the activities; each may be skipped.</summary>
        [Range(HomeTests.MinCount, HomeTests.MaxCount, ErrorMessage = "Count from 0 to 60, or leave it empty if you skipped the test.")]
        [Display(Name = "chair stands")]
        public int? ChairStands { get; set; }

        [Range(HomeTests.MinCount, HomeTests.MaxCount, ErrorMessage = "Count from 0 to 60, or leave it empty if you skipped the test.")]
        [Display(Name = "step-downs on the left leg")]
        public int? StepDownsLeft { get; set; }

        [Range(HomeTests.MinCount, HomeTests.MaxCount, ErrorMessage = "Count from 0 to 60, or leave it empty if you skipped the test.")]
        [Display(Name = "step-downs on the right leg")]
        public int? StepDownsRight { get; set; }
    }

    public sealed class ActivityInput
    {
        [StringLength(60, ErrorMessage = "Keep the activity to 60 characters.")]
        public string? Name { get; set; }

        [Range(Psfs.MinScore, Psfs.MaxScore, ErrorMessage = "Rate it from 0 to 10.")]
        [Display(Name = "score")]
        public int? Score { get; set; }
    }

    /// <summary>True when a week has passed since the last check-in (or there is none yet).</summary>
    public static async Task<bool> IsDueAsync(KneeRehabDbContext db, string userId, DateOnly today)
    {
        var last = await db.CheckIns.Where(c => c.UserId == userId).OrderByDescending(c => c.Date).Select(c => (DateOnly?)c.Date).FirstOrDefaultAsync();
        return last is null || last <= today.AddDays(-WeeklyDays);
    }

    public async Task OnGetAsync(bool saved = false)
    {
        Saved = saved;
        var names = await LoadAsync();
        Input.Activities = [.. Enumerable.Range(0, ActivitySlots).Select(i => new ActivityInput { Name = i < names.Count ? names[i] : null })];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        // The form has 5 activity rows; a post with more is refused, not stored.
        if (Input.Activities.Count > ActivitySlots)
        {
            Input.Activities = [.. Input.Activities.Take(ActivitySlots)];
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Activities)}", $"Rate at most {Psfs.MaxActivities} activities.");
        }
        while (Input.Activities.Count < ActivitySlots) Input.Activities.Add(new ActivityInput());
        if (Input.WorstPain < Input.AveragePain)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.WorstPain)}", "The worst pain cannot be lower than the average.");

        var rated = new List<PsfsActivity>();
        if (AskPsfs)
        {
            for (var i = 0; i < Input.Activities.Count; i++)
            {
                var (name, score) = (Input.Activities[i].Name?.Trim(), Input.Activities[i].Score);
                if (string.IsNullOrEmpty(name) && score is null) continue;
                if (string.IsNullOrEmpty(name)) ModelState.AddModelError($"Input.Activities[{i}].Name", "Name the activity you rated.");
                else if (score is null) ModelState.AddModelError($"Input.Activities[{i}].Score", $"Rate \"{name}\" from 0 to 10.");
                else rated.Add(new PsfsActivity(name, score.Value));
            }
            if (rated.Count < Psfs.MinActivities)
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Activities)}", $"Name and rate at least {Psfs.MinActivities} activities that your knee makes hard.");
            if (AskGrc && Input.Grc is null)
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Grc)}", "Choose how your knee is compared with when you started.");
        }
        if (!ModelState.IsValid) return Page();

        var userId = users.GetUserId(User)!;
        var today = await db.TodayForAsync(clock, userId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.CheckIns.Add(new OutcomeCheckIn
        {
            UserId = userId,
            Date = today,
            AveragePain = Input.AveragePain!.Value,
            WorstPain = Input.WorstPain!.Value,
            GlobalRatingOfChange = AskGrc ? Input.Grc : null,
            ChairStands = AskPsfs ? Input.ChairStands : null,
            StepDownsLeft = AskPsfs ? Input.StepDownsLeft : null,
            StepDownsRight = AskPsfs ? Input.StepDownsRight : null,
            Psfs = [.. rated.Select(a => new PsfsRating { Activity = a.Name, Score = a.Score })],
        });
        await db.SaveChangesAsync();
        // An activity score or a step-down test can open a milestone: recorded with the check-in, in one transaction.
        await milestones.UpdateLatestAsync(userId, today);
        await transaction.CommitAsync();
        return RedirectToPage(new { saved = true });
    }

    /// <summary>Works out what this check-in asks and reads the progress so far; returns the activities named last time.</summary>
    private async Task<IReadOnlyList<string>> LoadAsync()
    {
        var userId = users.GetUserId(User)!;
        var today = await db.TodayForAsync(clock, userId);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.UserId == userId)
            .OrderBy(c => c.Date).ThenBy(c => c.Id).Include(c => c.Psfs).ToListAsync();
        var lastPsfs = checkIns.LastOrDefault(c => c.Psfs.Count > 0);
        AskPsfs = lastPsfs is null || lastPsfs.Date <= today.AddDays(-PsfsEveryDays);
        AskGrc = AskPsfs && checkIns.Count > 0;

        ActivityScore = PsfsComparison.Of([.. checkIns.Where(c => c.Psfs.Count > 0).Select(c => c.AsPsfsCheckIn())]);
        Readings = OutcomeCheckIn.Readings(checkIns.Count >= 2 ? (checkIns[0].AveragePain, checkIns[^1].AveragePain) : null, ActivityScore);
        return lastPsfs?.Psfs.OrderBy(p => p.Id).Select(p => p.Activity).ToList() ?? [];
    }
}
