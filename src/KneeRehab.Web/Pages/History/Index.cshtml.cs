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

    /// <summary>A page's row as one query reads it: counts made in SQL, no set loaded.</summary>
    private sealed record Line(int Id, DateOnly Date, int? PainNextMorning, int Exercises, int Sets, int Reps, List<string> Slugs);

    public async Task OnGetAsync(string? before, string? after)
    {
        var userId = users.GetUserId(User)!;
        var mine = db.Workouts.AsNoTracking().Where(w => w.UserId == userId);
        List<Line> page;
        bool moreOlder, moreNewer;

        if (Cursor.TryParse(after, out var newerThan))
        {
            // Going back towards the newest: read upwards from the cursor, then show newest first.
            page = await Lines(mine.Where(w => w.Date > newerThan.Date || (w.Date == newerThan.Date && w.Id > newerThan.Id))
                .OrderBy(w => w.Date).ThenBy(w => w.Id).Take(PageSize + 1)).ToListAsync();
            moreNewer = page.Count > PageSize;
            page = [.. page.Take(PageSize).Reverse()];
            moreOlder = true;
        }
        else
        {
            var query = mine;
            var hasCursor = Cursor.TryParse(before, out var olderThan);
            if (hasCursor) query = query.Where(w => w.Date < olderThan.Date || (w.Date == olderThan.Date && w.Id < olderThan.Id));
            page = await Lines(query.OrderByDescending(w => w.Date).ThenByDescending(w => w.Id).Take(PageSize + 1)).ToListAsync();
            moreOlder = page.Count > PageSize;
            page = [.. page.Take(PageSize)];
            moreNewer = hasCursor;
        }

        var snapshot = content.Current;
        Workouts = [.. page.Select(w => new Row(w.Id, w.Date, Workout.Summary(w.Exercises, w.Sets, w.Reps),
            string.Join(", ", w.Slugs.Select(slug => snapshot.FindGuide(slug)?.Meta.Title ?? slug).Distinct()),
            w.PainNextMorning))];
        Older = moreOlder && page.Count > 0 ? Cursor.Format(page[^1].Date, page[^1].Id) : null;
        Newer = moreNewer && page.Count > 0 ? Cursor.Format(page[0].Date, page[0].Id) : null;
    }

    private static IQueryable<Line> Lines(IQueryable<Workout> workouts) =>
        workouts.Select(w => new Line(w.Id, w.Date, w.PainNextMorning, w.Exercises.Count,
                w.Exercises.SelectMany(e => e.Sets).Count(), w.Exercises.SelectMany(e => e.Sets).Sum(s => s.Reps),
                w.Exercises.OrderBy(e => e.Position).Select(e => e.ExerciseSlug).ToList()))
            .AsSplitQuery();

    /// <summary>A position in the history: "2026-11-24.123" (date, then id as the tie-break).</summary>
    private static class Cursor
    {
        public static string Format(DateOnly date, int id) => $"{date:yyyy-MM-dd}.{id}";

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
