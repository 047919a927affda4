using System.Globalization;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.History;

/// <summary>
/// The user's workouts, newest first, 20 a page. Keyset paging on (Date, Id): a page costs the same
/// however long the history is (no OFFSET, no COUNT of all workouts).
/// </summary>
public class IndexModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(int Id, DateOnly Date, string Summary, string Exercises, int? PainNextMorning);

    public IReadOnlyList<Row> Workouts { get; private set; } = [];

    /// <summary>The cursor of the "older" link, or null on the last page.</summary>
    public string? Older { get; private set; }

    /// <summary>The cursor of the "newer" link, or null on the first page.</summary>
    public string? Newer { get; private set; }

    public async Task OnGetAsync(string? before, string? after)
    {
        var userId = users.GetUserId(User)!;
        var mine = db.Workouts.AsNoTracking().Where(w => w.UserId == userId);
        List<Workout> page;
        bool moreOlder, moreNewer;

        if (Cursor.TryParse(after, out var newerThan))
        {
            // Going back towards the newest: read upwards from the cursor, then show newest first.
            page = await WithSets(mine.Where(w => w.Date > newerThan.Date || (w.Date == newerThan.Date && w.Id > newerThan.Id))
                .OrderBy(w => w.Date).ThenBy(w => w.Id)).Take(PageSize + 1).ToListAsync();
            moreNewer = page.Count > PageSize;
            page = [.. page.Take(PageSize).Reverse()];
            moreOlder = true;
        }
        else
        {
            var query = mine;
            var hasCursor = Cursor.TryParse(before, out var olderThan);
            if (hasCursor) query = query.Where(w => w.Date < olderThan.Date || (w.Date == olderThan.Date && w.Id < olderThan.Id));
            page = await WithSets(query.OrderByDescending(w => w.Date).ThenByDescending(w => w.Id)).Take(PageSize + 1).ToListAsync();
            moreOlder = page.Count > PageSize;
            page = [.. page.Take(PageSize)];
            moreNewer = hasCursor;
        }

        var snapshot = content.Current;
        Workouts = [.. page.Select(w => new Row(w.Id, w.Date, w.Summary(),
            string.Join(", ", w.Exercises.OrderBy(e => e.Position).Select(e => snapshot.FindGuide(e.ExerciseSlug)?.Meta.Title ?? e.ExerciseSlug).Distinct()),
            w.PainNextMorning))];
        Older = moreOlder && page.Count > 0 ? Cursor.Format(page[^1]) : null;
        Newer = moreNewer && page.Count > 0 ? Cursor.Format(page[0]) : null;
    }

    private static IQueryable<Workout> WithSets(IQueryable<Workout> workouts) =>
        workouts.Include(w => w.Exercises).ThenInclude(e => e.Sets).AsSplitQuery();

    /// <summary>A position in the history: "2026-11-24.123" (date, then id as the tie-break).</summary>
    private static class Cursor
    {
        public static string Format(Workout w) => $"{w.Date:yyyy-MM-dd}.{w.Id}";

        public static bool TryParse(string? text, out (DateOnly Date, int Id) cursor)
        {
            cursor = default;
            var parts = text?.Split('.');
            if (parts is not [var date, var id]
                || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                return false;
            cursor = (d, i);
            return true;
        }
    }
}
