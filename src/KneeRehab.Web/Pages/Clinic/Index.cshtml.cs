using KneeRehab.Web.Clinic;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Pages.Clinic;

/// <summary>The caseload: the physiotherapist's patients, those who need attention first; sortable, filterable, paged.</summary>
[Authorize(Policy = ClinicRegistration.Policy)]
public class IndexModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TimeProvider clock, ProgressionEngine engine) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>
    {
        ["attention"] = "Needs attention first",
        ["patient"] = "Patient",
        ["last-workout"] = "Last workout",
    };

    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Sort { get; private set; } = "attention";

    public bool OnlyAttention { get; private set; }

    public async Task OnGetAsync(string? sort, bool attention = false, int pageNumber = 1)
    {
        Sort = sort is not null && Sorts.ContainsKey(sort) ? sort : "attention";
        OnlyAttention = attention;
        var rows = await Caseload.ReadAsync(db, content.Current, clock, users.GetUserId(User)!, engine.Options);
        IEnumerable<CaseloadRow> shown = OnlyAttention ? rows.Where(r => r.Flags.Count > 0) : rows;
        shown = Sort switch
        {
            "patient" => shown.OrderBy(r => r.Patient, StringComparer.OrdinalIgnoreCase),
            "last-workout" => shown.OrderBy(r => r.LastWorkout ?? DateOnly.MinValue).ThenBy(r => r.Patient, StringComparer.OrdinalIgnoreCase),
            _ => shown.OrderBy(r => r.Urgency).ThenBy(r => r.Patient, StringComparer.OrdinalIgnoreCase),
        };
        var list = shown.ToList();
        Total = list.Count;
        PageNumber = Math.Clamp(pageNumber, 1, Pages);
        Rows = [.. list.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }

    public string Link(string? sort = null, bool? attention = null, int? page = null) =>
        $"/clinic?sort={sort ?? Sort}&attention={(attention ?? OnlyAttention ? "true" : "false")}&pageNumber={page ?? 1}";
}
