using System.Globalization;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Outcomes;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Progress;

/// <summary>
/// Is the knee getting better? Pain over time, the weekly check-ins, the dose of each exercise, and how many planned
/// workouts were done, for one patient over a range: what /progress shows the patient and the physiotherapist's page
/// shows them (Pages/Progress/_ProgressCharts.cshtml). Every chart also stands as a table (its text alternative); the
/// charts are drawn by wwwroot/js/progress.js from the same numbers, fetched as JSON (<see cref="Json"/>).
/// </summary>
public sealed class ProgressData(KneeRehabDbContext db, ContentLibrary content, TimeProvider clock, string page, bool forPatient)
{
    /// <summary>The page that shows the numbers: its range links and its data handler.</summary>
    public string Page => page;

    /// <summary>True on the patient's own /progress (links to their check-in and history); false for the physiotherapist.</summary>
    public bool ForPatient => forPatient;

    public string RangeLink(string range) => $"{page}?range={range}";

    public string Source => $"{page}?handler=Data&range={Range}";

    public static readonly IReadOnlyDictionary<string, (string Label, int? Days)> Ranges = new Dictionary<string, (string, int?)>
    {
        ["4w"] = ("4 weeks", 28),
        ["3m"] = ("3 months", 91),
        ["all"] = ("All", null),
    };

    public string Range { get; private set; } = "3m";

    public enum Period { Workout, Week, Month, Quarter, Year }

    /// <param name="Date">The workout's day, or the first day of the week or month of a summarised point.</param>
    /// <param name="During">The highest pain during the workout (or during any workout of the week or month).</param>
    public sealed record PainPoint(DateOnly Date, int During, int? NextMorning);

    /// <summary>A check-in (or a period's check-ins): pain, the activity score, and the answer to "compared with when you started".</summary>
    public sealed record CheckInPoint(DateOnly Date, int Average, int Worst, double? Psfs, int? Grc = null,
        int? ChairStands = null, int? StepDownsLeft = null, int? StepDownsRight = null)
    {
        public bool HasHomeTests => ChairStands is not null || StepDownsLeft is not null || StepDownsRight is not null;

        public string? GrcLabel => Grc is { } value && GlobalRatingOfChange.IsValid(value) ? new GlobalRatingOfChange(value).Label : null;
    }

    /// <param name="Decision">For a program workout: what the engine decided after it (progress, hold, regress, stop).</param>
    /// <remarks>A summarised point holds the best session of its week or month: most sets, most reps, longest hold, heaviest load.</remarks>
    public sealed record DosePoint(DateOnly Date, string Side, int Sets, int TotalReps, int MaxHold, double MaxLoadKg, int? Level, string? Decision = null);

    /// <summary>The affected leg as a percentage of the other (100 = level): the symmetry figure used for return to sport.</summary>
    public sealed record SymmetryPoint(DateOnly Date, double? Reps, double? Hold, double? Load);

    public sealed record ExerciseSeries(string Slug, string Title, IReadOnlyList<DosePoint> Points)
    {
        public IReadOnlyList<SymmetryPoint> Symmetry(Side? affected)
        {
            if (affected is not (Side.Left or Side.Right)) return [];
            var (mine, other) = affected == Side.Left ? ("left", "right") : ("right", "left");
            return [.. Points.GroupBy(p => p.Date)
                .Select(day => (Affected: day.FirstOrDefault(p => p.Side == mine), Other: day.FirstOrDefault(p => p.Side == other), day.Key))
                .Where(d => d.Affected is not null && d.Other is not null)
                .Select(d => new SymmetryPoint(d.Key, Percent(d.Affected!.TotalReps, d.Other!.TotalReps), Percent(d.Affected.MaxHold, d.Other.MaxHold), Percent(d.Affected.MaxLoadKg, d.Other.MaxLoadKg)))];
        }

        private static double? Percent(double affected, double other) => other > 0 ? Math.Round(100 * affected / other) : null;
    }

    public Side? AffectedKnee { get; private set; }

    public IReadOnlyList<PainPoint> Pain { get; private set; } = [];

    public IReadOnlyList<CheckInPoint> CheckIns { get; private set; } = [];

    public IReadOnlyList<ExerciseSeries> Exercises { get; private set; } = [];

    public Adherence? Adherence { get; private set; }

    public IReadOnlyList<ChangeReading> Readings { get; private set; } = [];

    /// <summary>The activity score in the range on the same activities, and each activity against its own first score.</summary>
    public PsfsComparison ActivityScore { get; private set; } = PsfsComparison.None;

    /// <summary>The home tests in the range, in plain words: the chair stands first and latest, the latest step-downs' symmetry.</summary>
    public IReadOnlyList<string> HomeTestSentences => HomeTests.Describe(
        [.. CheckIns.Where(c => c.HasHomeTests).Select(c => new HomeTestResult(c.Date, c.ChairStands, c.StepDownsLeft, c.StepDownsRight))],
        AffectedKnee switch { Side.Left => true, Side.Right => false, _ => null }, When);




    /// <summary>Up to this many workouts in the range, one point per workout; beyond, one per week (or month).</summary>
    public const int MostPointsPerWorkout = 60;

    /// <summary>How the points are made: one per workout, or the best of each week or month for a long history.</summary>
    public Period Grouping { get; private set; } = Period.Workout;

    /// <summary>The number of workouts in the range, whatever the grouping.</summary>
    public int WorkoutCount { get; private set; }

    private sealed record EntryRow(DateOnly Date, int WorkoutId, string Slug, Side Side, int? PainDuring, int? PainNextMorning, int? Level,
        int Sets, int TotalReps, int MaxHold, double MaxLoadKg);

    /// <summary>The patient's numbers over the range ("4w", "3m" or "all"; 3 months otherwise).</summary>
    public async Task<ProgressData> LoadAsync(string userId, string? range)
    {
        Range = range is not null && Ranges.ContainsKey(range) ? range : "3m";
        AffectedKnee = await db.Users.Where(u => u.Id == userId).Select(u => u.AffectedKnee).SingleAsync();
        var today = await db.TodayForAsync(clock, userId);
        var from = Ranges[Range].Days is { } days ? today.AddDays(-days) : DateOnly.MinValue;

        // Counted on the (UserId, Date) index alone; a long history is then read as one small row per entry (its sets
        // summed in SQL, nothing tracked) and drawn per week or month, so the page stays the same size.
        var workouts = db.Workouts.Where(w => w.UserId == userId && w.Date >= from);
        WorkoutCount = await workouts.CountAsync();
        if (WorkoutCount > MostPointsPerWorkout)
        {
            // The finest grouping that keeps each chart to at most 60 points: weeks, months, quarters, then years.
            var span = today.DayNumber - (await workouts.MinAsync(w => w.Date)).DayNumber;
            Grouping = span / 7 <= MostPointsPerWorkout ? Period.Week
                : span / 30 <= MostPointsPerWorkout ? Period.Month
                : span / 91 <= MostPointsPerWorkout ? Period.Quarter
                : Period.Year;
        }

        if (Grouping == Period.Workout) await LoadPerWorkoutAsync(userId, from);
        else await LoadSummariesAsync(userId, from);

        // Two numbers a check-in, the activity score averaged in SQL: nothing else of years of check-ins is loaded.
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.UserId == userId && c.Date >= from)
            .OrderBy(c => c.Date)
            .Select(c => new CheckInPoint(c.Date, c.AveragePain, c.WorstPain, c.Psfs.Average(p => (double?)p.Score), c.GlobalRatingOfChange,
                c.ChairStands, c.StepDownsLeft, c.StepDownsRight))
            .ToListAsync();
        CheckIns = Grouping == Period.Workout ? checkIns
            // Per period like the rest: the mean of the weekly averages, the worst week, the last activity score and answer.
            : [.. checkIns.GroupBy(c => PeriodStart(c.Date)).Select(g => new CheckInPoint(g.Key, (int)Math.Round(g.Average(c => c.Average), MidpointRounding.AwayFromZero),
                g.Max(c => c.Worst), g.LastOrDefault(c => c.Psfs is not null)?.Psfs, g.LastOrDefault(c => c.Grc is not null)?.Grc,
                g.LastOrDefault(c => c.ChairStands is not null)?.ChairStands, g.LastOrDefault(c => c.StepDownsLeft is not null)?.StepDownsLeft,
                g.LastOrDefault(c => c.StepDownsRight is not null)?.StepDownsRight))];
        ActivityScore = PsfsComparison.Of(await OutcomeCheckIn.ReadPsfsAsync(db, userId, from));
        Readings = OutcomeCheckIn.Readings(checkIns.Count >= 2 ? (checkIns[0].Average, checkIns[^1].Average) : null, ActivityScore);

        Adherence = await AdherenceAsync(userId, from, today);
        return this;
    }

    /// <summary>A point's date as the tables show it: the day, or the week or month it stands for.</summary>
    public string When(DateOnly date) => Grouping switch
    {
        Period.Year => date.ToString("yyyy", CultureInfo.InvariantCulture),
        Period.Quarter => $"Q{(date.Month - 1) / 3 + 1} {date.Year}",
        Period.Month => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        Period.Week => "Week of " + date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>Up to <see cref="MostPointsPerWorkout"/> workouts: one small row per entry, its sets summed in SQL.</summary>
    private async Task LoadPerWorkoutAsync(string userId, DateOnly from)
    {
        var entries = await db.WorkoutExercises.AsNoTracking()
            .Where(e => e.UserId == userId && e.Date >= from)
            .OrderBy(e => e.Date).ThenBy(e => e.WorkoutId).ThenBy(e => e.Position)
            .Select(e => new EntryRow(e.Date, e.WorkoutId, e.ExerciseSlug, e.Side, e.PainDuring, e.Workout!.PainNextMorning, e.Level,
                e.Sets.Count, e.Sets.Sum(s => s.Reps), e.Sets.Max(s => s.HoldSeconds) ?? 0, e.Sets.Max(s => s.LoadKg) ?? 0))
            .ToListAsync();
        // The decision recorded after each program workout, per exercise, to mark on the dose charts.
        var decisions = await DecisionsAsync(userId, from);

        Pain = [.. entries.GroupBy(e => e.WorkoutId)
            .Select(w => new PainPoint(w.First().Date, w.Max(e => e.PainDuring) ?? 0, w.First().PainNextMorning))];
        Exercises = [.. entries.GroupBy(e => e.Slug)
            .Select(g => new ExerciseSeries(g.Key, Title(g.Key),
                [.. g.Select(e => new DosePoint(e.Date, Name(e.Side), e.Sets, e.TotalReps, e.MaxHold, e.MaxLoadKg, e.Level, decisions.GetValueOrDefault((e.WorkoutId, e.Slug))))]))
            .OrderBy(s => s.Title, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// A long history: the weekly or monthly summaries kept up to date at every save (Data/ProgressSummary.cs), one
    /// row per period and exercise side, so the cost follows the number of periods shown, not of sets logged. A
    /// period that began before the range is shown whole.
    /// </summary>
    private async Task LoadSummariesAsync(string userId, DateOnly from)
    {
        var period = Grouping == Period.Week ? SummaryPeriod.Week : SummaryPeriod.Month;
        var first = ProgressSummaries.StartOf(period, from);
        var pains = await db.PainSummaries.AsNoTracking()
            .Where(p => p.UserId == userId && p.Period == period && p.Start >= first)
            .OrderBy(p => p.Start)
            .Select(p => new { p.Start, p.HighestPain, p.HighestNextMorning })
            .ToListAsync();
        var doses = await db.ExerciseSummaries.AsNoTracking()
            .Where(d => d.UserId == userId && d.Period == period && d.Start >= first)
            .OrderBy(d => d.Start)
            .Select(d => new { d.Start, d.ExerciseSlug, d.Side, d.BestSets, d.BestReps, d.BestHold, d.BestLoadKg, d.HighestLevel })
            .ToListAsync();

        // Quarters and years are made of the months.
        Pain = [.. pains.GroupBy(p => PeriodStart(p.Start)).Select(g => new PainPoint(g.Key, g.Max(p => p.HighestPain), g.Max(p => p.HighestNextMorning)))];
        Exercises = [.. doses.GroupBy(d => d.ExerciseSlug)
            .Select(g => new ExerciseSeries(g.Key, Title(g.Key), [.. g.GroupBy(d => (Start: PeriodStart(d.Start), d.Side))
                .Select(p => new DosePoint(p.Key.Start, Name(p.Key.Side), p.Max(d => d.BestSets), p.Max(d => d.BestReps), p.Max(d => d.BestHold), p.Max(d => d.BestLoadKg), p.Max(d => d.HighestLevel)))]))
            .OrderBy(s => s.Title, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The first day of the week (Monday), month, quarter or year a date falls in.</summary>
    private DateOnly PeriodStart(DateOnly date) => Grouping switch
    {
        Period.Week => ProgressSummaries.StartOf(SummaryPeriod.Week, date),
        Period.Quarter => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
        Period.Year => new DateOnly(date.Year, 1, 1),
        _ => ProgressSummaries.StartOf(SummaryPeriod.Month, date),
    };

    /// <summary>"week", "month", "quarter", "year" (or "workout"), as the page names its points.</summary>
    public string PeriodNoun => Grouping.ToString().ToLowerInvariant();

    private string Title(string slug) => content.Current.FindGuide(slug)?.Meta.Title ?? slug;

    private static string Name(Side side) => side.ToString().ToLowerInvariant();

    private async Task<Dictionary<(int WorkoutId, string Slug), string>> DecisionsAsync(string userId, DateOnly from)
    {
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.UserId == userId).Select(e => e.Id).ToListAsync();
        return (await db.ProgramDecisions.AsNoTracking()
                .Where(d => enrollments.Contains(d.EnrollmentId) && d.Date >= from && d.WorkoutId != null)
                .OrderBy(d => d.Id)
                .Select(d => new { WorkoutId = d.WorkoutId!.Value, d.ExerciseSlug, d.Kind })
                .ToListAsync())
            .GroupBy(d => (d.WorkoutId, d.ExerciseSlug))
            .ToDictionary(g => g.Key, g => g.Last().Kind.ToString().ToLowerInvariant());
    }

    /// <summary>Planned days of the active program (spaced as it asks) against the days a program workout was done.</summary>
    private async Task<Adherence?> AdherenceAsync(string userId, DateOnly from, DateOnly today)
    {
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId && e.EndedOn == null);
        if (enrollment is null || await db.FindProgramAsync(content.Current, enrollment.ProgramSlug) is not { } program) return null;

        var planned = program.PlannedDays(enrollment.StartedOn, today.AddDays(7));
        var done = await db.Workouts.AsNoTracking().Where(w => w.UserId == userId && w.EnrollmentId == enrollment.Id).Select(w => w.Date).ToListAsync();
        var start = from > enrollment.StartedOn ? from : enrollment.StartedOn;
        return Outcomes.Adherence.Calculate(planned, done, start, today, today);
    }

    /// <summary>The same numbers as the tables, for the charts.</summary>
    public JsonResult Json() => new(new
        {
        grouping = Grouping.ToString().ToLowerInvariant(),
        pain = Pain.Select(p => new { date = p.Date.ToString("yyyy-MM-dd"), during = p.During, nextMorning = p.NextMorning }),
        checkIns = CheckIns.Select(c => new { date = c.Date.ToString("yyyy-MM-dd"), average = c.Average, worst = c.Worst, psfs = c.Psfs }),
        homeTests = CheckIns.Where(c => c.HasHomeTests).Select(c => new
        {
            date = c.Date.ToString("yyyy-MM-dd"), chairStands = c.ChairStands, stepDownsLeft = c.StepDownsLeft, stepDownsRight = c.StepDownsRight,
        }),
        exercises = Exercises.Select(e => new
        {
            slug = e.Slug,
            title = e.Title,
            points = e.Points.Select(p => new { date = p.Date.ToString("yyyy-MM-dd"), side = p.Side, reps = p.TotalReps, hold = p.MaxHold, load = p.MaxLoadKg, decision = p.Decision }),
            symmetry = e.Symmetry(AffectedKnee).Select(s => new { date = s.Date.ToString("yyyy-MM-dd"), reps = s.Reps, hold = s.Hold, load = s.Load }),
        }),
        });
}
