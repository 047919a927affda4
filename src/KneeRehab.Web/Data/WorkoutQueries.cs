using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

/// <summary>
/// The look-ups that must stay cheap however long a user's history grows: each is one seek on the
/// (UserId, ExerciseSlug, Date, Id) index, never a scan of past workouts.
/// </summary>
public static class WorkoutQueries
{
    /// <summary>The user's most recent entry of one exercise on one side, with its sets.</summary>
    public static Task<WorkoutExercise?> LatestAsync(this IQueryable<WorkoutExercise> entries, string userId, string slug, Side side) =>
        entries.AsNoTracking()
            .Where(e => e.UserId == userId && e.ExerciseSlug == slug && e.Side == side)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Include(e => e.Sets.OrderBy(s => s.Number))
            .FirstOrDefaultAsync();

    /// <summary>The entry of the same exercise and side logged just before <paramref name="entry"/>.</summary>
    public static Task<WorkoutExercise?> PreviousAsync(this IQueryable<WorkoutExercise> entries, WorkoutExercise entry) =>
        entries.AsNoTracking()
            .Where(e => e.UserId == entry.UserId && e.ExerciseSlug == entry.ExerciseSlug && e.Side == entry.Side)
            .Where(e => e.Date < entry.Date || (e.Date == entry.Date && e.Id < entry.Id))
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Include(e => e.Sets.OrderBy(s => s.Number))
            .FirstOrDefaultAsync();

    /// <summary>One of the user's workouts with everything in it, or null when it is not theirs.</summary>
    public static Task<Workout?> FindOwnedAsync(this IQueryable<Workout> workouts, string userId, int id) =>
        workouts
            .Where(w => w.UserId == userId && w.Id == id)
            .Include(w => w.Exercises.OrderBy(e => e.Position))
            .ThenInclude(e => e.Sets.OrderBy(s => s.Number))
            .AsSplitQuery()
            .FirstOrDefaultAsync();
}
