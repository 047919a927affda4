using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Milestones;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Pages.Progress;

/// <summary>The patient's progress (<see cref="ProgressData"/>) and the milestone ladder: "when can I go back?".</summary>
public class IndexModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TimeProvider clock, MilestoneRecord milestones) : PageModel
{
    public ProgressData Data { get; private set; } = null!;

    /// <summary>The latest program's milestone ladder: the answer to "when can I go back?".</summary>
    public MilestonePanel? Milestones { get; private set; }

    public async Task OnGetAsync(string? range)
    {
        var userId = users.GetUserId(User)!;
        Data = await new ProgressData(db, content, clock, "/progress", forPatient: true).LoadAsync(userId, range);
        Milestones = await milestones.PanelAsync(userId, await db.TodayForAsync(clock, userId), compact: false);
    }

    /// <summary>The same numbers as the tables, for the charts.</summary>
    public async Task<IActionResult> OnGetDataAsync(string? range) =>
        (await new ProgressData(db, content, clock, "/progress", forPatient: true).LoadAsync(users.GetUserId(User)!, range)).Json();
}
