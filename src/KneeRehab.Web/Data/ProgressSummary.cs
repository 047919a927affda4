using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KneeRehab.Web.Data;

public enum SummaryPeriod
{
    Week = 1,
    Month = 2,
}

/// <summary>One exercise on one side over a week or a month: its best session (most sets, most reps, longest hold, heaviest load, highest level).</summary>
public sealed class ExerciseSummary
{
    public required string UserId { get; set; }

    public SummaryPeriod Period { get; set; }

    /// <summary>The Monday of the week, or the first day of the month.</summary>
    public DateOnly Start { get; set; }

    public required string ExerciseSlug { get; set; }

    public Side Side { get; set; }

    public int BestSets { get; set; }

    public int BestReps { get; set; }

    public int BestHold { get; set; }

    public double BestLoadKg { get; set; }

    public int? HighestLevel { get; set; }
}

/// <summary>A week's or a month's highest pain during a workout and the next morning.</summary>
public sealed class PainSummary
{
    public required string UserId { get; set; }

    public SummaryPeriod Period { get; set; }

    public DateOnly Start { get; set; }

    public int HighestPain { get; set; }

    public int? HighestNextMorning { get; set; }
}

/// <summary>
/// Keeps the weekly and monthly summaries that progress draws a long history from, so that page costs the
/// same in a patient's tenth year as in the first. <see cref="KneeRehabDbContext"/> calls it on every save
/// that touches a workout, an exercise entry or a set: the periods those days fall in are worked out again
/// from that period's own rows (a week or a month of one exercise), in the same transaction as the change.
/// </summary>
public static class ProgressSummaries
{
    private static readonly SummaryPeriod[] Periods = [SummaryPeriod.Week, SummaryPeriod.Month];

    /// <summary>
    /// What a save changes: days of a user (their pain); days a workout left, deleted or moved, whose every series
    /// is checked (the database deletes its entries whether they were loaded or not); and series (one exercise on one
    /// side) on a day.
    /// </summary>
    public sealed record Changes(
        HashSet<(string UserId, DateOnly Date)> Days,
        HashSet<(string UserId, DateOnly Date)> DaysLeft,
        HashSet<(string UserId, DateOnly Date, string Slug, Side Side)> Series,
        HashSet<int> ParentsOfSets)
    {
        public bool IsEmpty => Days.Count == 0 && Series.Count == 0 && ParentsOfSets.Count == 0;

        /// <summary>Nothing but new workouts and entries (with their sets): the usual save, merged without reading back.</summary>
        public bool OnlyAdditions { get; set; } = true;

        public List<Workout> NewWorkouts { get; } = [];

        public List<WorkoutExercise> NewEntries { get; } = [];
    }

    public static DateOnly StartOf(SummaryPeriod period, DateOnly date) => period == SummaryPeriod.Month
        ? new DateOnly(date.Year, date.Month, 1)
        : date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly EndOf(SummaryPeriod period, DateOnly start) => period == SummaryPeriod.Month ? start.AddMonths(1) : start.AddDays(7);

    /// <summary>Read before the save: afterwards deleted rows and original values are gone.</summary>
    public static Changes Collect(ChangeTracker tracker)
    {
        var changes = new Changes([], [], [], []);
        // A new entry's sets come with it: the entry itself is already counted.
        var withNewEntries = tracker.Entries<WorkoutExercise>().Where(e => e.State == EntityState.Added)
            .SelectMany(e => e.Entity.Sets).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is Workout or WorkoutExercise or LoggedSet && entry.State != EntityState.Added) changes.OnlyAdditions = false;
            if (entry.State == EntityState.Added && entry.Entity is Workout added) changes.NewWorkouts.Add(added);
            if (entry.State == EntityState.Added && entry.Entity is WorkoutExercise addedEntry) changes.NewEntries.Add(addedEntry);
            switch (entry.Entity)
            {
                case Workout workout:
                    var left = Original<DateOnly>(entry, nameof(Workout.Date));
                    changes.Days.Add((workout.UserId, workout.Date));
                    changes.Days.Add((workout.UserId, left));
                    if (entry.State == EntityState.Deleted || left != workout.Date) changes.DaysLeft.Add((workout.UserId, left));
                    break;
                case WorkoutExercise exercise:
                    changes.Days.Add((exercise.UserId, exercise.Date));
                    changes.Series.Add((exercise.UserId, exercise.Date, exercise.ExerciseSlug, exercise.Side));
                    var (date, slug, side) = (Original<DateOnly>(entry, nameof(WorkoutExercise.Date)), Original<string>(entry, nameof(WorkoutExercise.ExerciseSlug)), Original<Side>(entry, nameof(WorkoutExercise.Side)));
                    changes.Days.Add((exercise.UserId, date));
                    changes.Series.Add((exercise.UserId, date, slug, side));
                    break;
                case LoggedSet set when !withNewEntries.Contains(set):
                    changes.ParentsOfSets.Add(set.WorkoutExerciseId);
                    changes.OnlyAdditions = false;
                    break;
            }
        }
        return changes;
    }

    private static T Original<T>(EntityEntry entry, string property) =>
        entry.State == EntityState.Added ? (T)entry.Property(property).CurrentValue! : (T)entry.Property(property).OriginalValue!;

    /// <summary>After the save, in its transaction: every touched week and month worked out again and saved.</summary>
    public static async Task RefreshAsync(KneeRehabDbContext db, Changes changes, CancellationToken cancellationToken)
    {
        if (changes.ParentsOfSets.Count > 0)
        {
            var parents = await db.WorkoutExercises.AsNoTracking().Where(e => changes.ParentsOfSets.Contains(e.Id))
                .Select(e => new { e.UserId, e.Date, e.ExerciseSlug, e.Side }).ToListAsync(cancellationToken);
            foreach (var p in parents) changes.Series.Add((p.UserId, p.Date, p.ExerciseSlug, p.Side));
        }
        await LockPatientsAsync(db, changes, cancellationToken);
        if (changes.OnlyAdditions)
        {
            await MergeAdditionsAsync(db, changes, cancellationToken);
            return;
        }

        foreach (var period in Periods)
        {
            foreach (var (userId, start) in changes.Days.Select(d => (d.UserId, StartOf(period, d.Date))).Distinct())
                await RefreshPainAsync(db, userId, period, start, cancellationToken);
            foreach (var (userId, start) in changes.DaysLeft.Select(d => (d.UserId, StartOf(period, d.Date))).Distinct())
            {
                var known = await db.ExerciseSummaries.Where(s => s.UserId == userId && s.Period == period && s.Start == start)
                    .Select(s => new { s.ExerciseSlug, s.Side }).ToListAsync(cancellationToken);
                foreach (var series in known) changes.Series.Add((userId, start, series.ExerciseSlug, series.Side));
            }
            foreach (var (userId, start, slug, side) in changes.Series.Select(s => (s.UserId, StartOf(period, s.Date), s.Slug, s.Side)).Distinct())
                await RefreshExerciseAsync(db, userId, period, start, slug, side, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Several patients (seed-bench's batches) in one order, so that two such saves never wait for each other.</summary>
    private static async Task LockPatientsAsync(KneeRehabDbContext db, Changes changes, CancellationToken cancellationToken)
    {
        var patients = changes.Days.Select(d => d.UserId).Concat(changes.Series.Select(s => s.UserId)).Distinct().Order(StringComparer.Ordinal);
        foreach (var userId in patients) await PatientLock.TakeAsync(db, userId, cancellationToken);
    }

    /// <summary>
    /// New workouts only: every figure of a summary is a highest value, so a period's row takes the larger of what it
    /// held and what was added (the rows themselves read, no workouts of the period read back).
    /// </summary>
    private static async Task MergeAdditionsAsync(KneeRehabDbContext db, Changes changes, CancellationToken cancellationToken)
    {
        // Two reads for every row the new workouts can touch (a few more at most, which stay as they are).
        var days = changes.NewWorkouts.Select(w => (w.UserId, w.Date)).Concat(changes.NewEntries.Select(e => (e.UserId, e.Date))).ToList();
        var users = days.Select(d => d.UserId).Distinct().ToList();
        var starts = days.SelectMany(d => Periods.Select(p => StartOf(p, d.Date))).Distinct().ToList();
        var slugs = changes.NewEntries.Select(e => e.ExerciseSlug).Distinct().ToList();
        var pains = (await db.PainSummaries.Where(p => users.Contains(p.UserId) && starts.Contains(p.Start)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.UserId, p.Period, p.Start));
        var doses = (await db.ExerciseSummaries.Where(x => users.Contains(x.UserId) && starts.Contains(x.Start) && slugs.Contains(x.ExerciseSlug)).ToListAsync(cancellationToken))
            .ToDictionary(x => (x.UserId, x.Period, x.Start, x.ExerciseSlug, x.Side));

        PainSummary PainRow(string userId, SummaryPeriod period, DateOnly date)
        {
            var key = (userId, period, StartOf(period, date));
            if (!pains.TryGetValue(key, out var row))
                pains[key] = row = db.PainSummaries.Add(new PainSummary { UserId = userId, Period = period, Start = key.Item3 }).Entity;
            return row;
        }

        foreach (var period in Periods)
        {
            foreach (var workout in changes.NewWorkouts)
            {
                var pain = PainRow(workout.UserId, period, workout.Date);
                pain.HighestNextMorning = Higher(pain.HighestNextMorning, workout.PainNextMorning);
            }
            foreach (var entry in changes.NewEntries)
            {
                var pain = PainRow(entry.UserId, period, entry.Date);
                pain.HighestPain = Math.Max(pain.HighestPain, entry.PainDuring ?? 0);

                var key = (entry.UserId, period, StartOf(period, entry.Date), entry.ExerciseSlug, entry.Side);
                if (!doses.TryGetValue(key, out var row))
                    doses[key] = row = db.ExerciseSummaries.Add(new ExerciseSummary { UserId = entry.UserId, Period = period, Start = key.Item3, ExerciseSlug = entry.ExerciseSlug, Side = entry.Side }).Entity;
                row.BestSets = Math.Max(row.BestSets, entry.Sets.Count);
                row.BestReps = Math.Max(row.BestReps, entry.Sets.Sum(s => s.Reps));
                row.BestHold = Math.Max(row.BestHold, entry.Sets.Count == 0 ? 0 : entry.Sets.Max(s => s.HoldSeconds ?? 0));
                row.BestLoadKg = Math.Max(row.BestLoadKg, entry.Sets.Count == 0 ? 0 : entry.Sets.Max(s => s.LoadKg ?? 0));
                row.HighestLevel = Higher(row.HighestLevel, entry.Level);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static int? Higher(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static async Task RefreshPainAsync(KneeRehabDbContext db, string userId, SummaryPeriod period, DateOnly start, CancellationToken cancellationToken)
    {
        var end = EndOf(period, start);
        var mornings = await db.Workouts.AsNoTracking().Where(w => w.UserId == userId && w.Date >= start && w.Date < end)
            .Select(w => w.PainNextMorning).ToListAsync(cancellationToken);
        var row = await db.PainSummaries.FindAsync([userId, period, start], cancellationToken);
        if (mornings.Count == 0)
        {
            if (row is not null) db.PainSummaries.Remove(row);
            return;
        }
        row ??= db.PainSummaries.Add(new PainSummary { UserId = userId, Period = period, Start = start }).Entity;
        row.HighestPain = await db.WorkoutExercises.Where(e => e.UserId == userId && e.Date >= start && e.Date < end).MaxAsync(e => e.PainDuring, cancellationToken) ?? 0;
        row.HighestNextMorning = mornings.Max();
    }

    private static async Task RefreshExerciseAsync(KneeRehabDbContext db, string userId, SummaryPeriod period, DateOnly start, string slug, Side side, CancellationToken cancellationToken)
    {
        var end = EndOf(period, start);
        var sessions = await db.WorkoutExercises.AsNoTracking()
            .Where(e => e.UserId == userId && e.ExerciseSlug == slug && e.Side == side && e.Date >= start && e.Date < end)
            .Select(e => new { Sets = e.Sets.Count, Reps = e.Sets.Sum(s => s.Reps), Hold = e.Sets.Max(s => s.HoldSeconds) ?? 0, Load = e.Sets.Max(s => s.LoadKg) ?? 0, e.Level })
            .ToListAsync(cancellationToken);
        var row = await db.ExerciseSummaries.FindAsync([userId, period, start, slug, side], cancellationToken);
        if (sessions.Count == 0)
        {
            if (row is not null) db.ExerciseSummaries.Remove(row);
            return;
        }
        row ??= db.ExerciseSummaries.Add(new ExerciseSummary { UserId = userId, Period = period, Start = start, ExerciseSlug = slug, Side = side }).Entity;
        row.BestSets = sessions.Max(s => s.Sets);
        row.BestReps = sessions.Max(s => s.Reps);
        row.BestHold = sessions.Max(s => s.Hold);
        row.BestLoadKg = sessions.Max(s => s.Load);
        row.HighestLevel = sessions.Max(s => s.Level);
    }
}
