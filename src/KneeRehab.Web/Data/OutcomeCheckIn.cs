using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

/// <summary>
/// A weekly outcome check-in: this week's average and worst knee pain (0-10), and every 4 weeks the
/// Patient-Specific Functional Scale and the global rating of change. Licence-free measures only.
/// </summary>
public sealed class OutcomeCheckIn
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly Date { get; set; }

    public int AveragePain { get; set; }

    public int WorstPain { get; set; }

    /// <summary>-3 (very much worse) to +3 (very much better) "compared with when you started"; null at the first check-in.</summary>
    public int? GlobalRatingOfChange { get; set; }

    /// <summary>The 3-5 activities the user finds hard, each rated 0 (unable) to 10 (as before); empty in the weeks between.</summary>
    public List<PsfsRating> Psfs { get; set; } = [];

    public double? PsfsScore => Psfs.Count == 0 ? null : Psfs.Average(p => p.Score);

    /// <summary>Home tests (Outcomes/HomeTests.cs), every 4 weeks beside the activity score; each null when skipped.</summary>
    public int? ChairStands { get; set; }

    public int? StepDownsLeft { get; set; }

    public int? StepDownsRight { get; set; }

    /// <summary>This check-in's activity ratings, for <see cref="Outcomes.PsfsComparison"/>.</summary>
    public Outcomes.PsfsCheckIn AsPsfsCheckIn() => new(Date, [.. Psfs.OrderBy(p => p.Id).Select(p => new Outcomes.PsfsActivity(p.Activity, p.Score))]);

    /// <summary>
    /// The activity ratings of the patient's check-ins (from <paramref name="from"/> on), oldest first: a few numbers
    /// every 4 weeks, read without the check-ins themselves.
    /// </summary>
    public static async Task<IReadOnlyList<Outcomes.PsfsCheckIn>> ReadPsfsAsync(KneeRehabDbContext db, string userId, DateOnly? from = null)
    {
        var since = from ?? DateOnly.MinValue;
        var ratings = await db.Set<PsfsRating>().AsNoTracking()
            .Join(db.CheckIns.Where(c => c.UserId == userId && c.Date >= since), p => p.OutcomeCheckInId, c => c.Id,
                (p, c) => new { CheckIn = c.Id, c.Date, Rating = p.Id, p.Activity, p.Score })
            .OrderBy(r => r.Date).ThenBy(r => r.CheckIn).ThenBy(r => r.Rating)
            .ToListAsync();
        return [.. ratings.GroupBy(r => r.CheckIn).Select(g => new Outcomes.PsfsCheckIn(g.First().Date, [.. g.Select(r => new Outcomes.PsfsActivity(r.Activity, r.Score))]))];
    }

    /// <summary>
    /// What changed since the first check-in, in plain words: the average pain from the first to the latest, then the
    /// activity score on the same activities, then each activity against its own first score.
    /// </summary>
    public static IReadOnlyList<Outcomes.ChangeReading> Readings((int First, int Latest)? averagePain, Outcomes.PsfsComparison psfs)
    {
        var readings = new List<Outcomes.ChangeReading>();
        if (averagePain is var (first, latest)) readings.Add(Outcomes.ChangeInterpretation.Pain(first, latest));
        if (psfs.Mean is { } mean) readings.Add(mean);
        readings.AddRange(psfs.Activities);
        return readings;
    }

    /// <summary>
    /// The first and the latest check-in: all that the report's pain summary needs, read as two index seeks however
    /// many years of check-ins there are.
    /// </summary>
    public static async Task<CheckInEnds> ReadEndsAsync(KneeRehabDbContext db, string userId)
    {
        var mine = db.CheckIns.AsNoTracking().Where(c => c.UserId == userId);
        var first = await Figures(mine.OrderBy(c => c.Date).ThenBy(c => c.Id));
        var latest = await Figures(mine.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id));
        return new CheckInEnds(first, latest);

        static Task<CheckInFigures?> Figures(IQueryable<OutcomeCheckIn> ordered) => ordered
            .Select(c => new CheckInFigures(c.Id, c.Date, c.AveragePain, c.WorstPain))
            .FirstOrDefaultAsync();
    }
}

public sealed class PsfsRating
{
    public int Id { get; set; }

    public int OutcomeCheckInId { get; set; }

    public required string Activity { get; set; }

    public int Score { get; set; }
}

/// <summary>One check-in as the report's summary shows it: its pain figures.</summary>
public sealed record CheckInFigures(int Id, DateOnly Date, int AveragePain, int WorstPain);

/// <summary>The ends of a patient's check-ins (see <see cref="OutcomeCheckIn.ReadEndsAsync"/>); null ends when there are none.</summary>
public sealed record CheckInEnds(CheckInFigures? First, CheckInFigures? Latest)
{
    /// <summary>What changed from the first to the latest (see <see cref="OutcomeCheckIn.Readings"/>).</summary>
    public IReadOnlyList<Outcomes.ChangeReading> Readings(Outcomes.PsfsComparison psfs) => OutcomeCheckIn.Readings(
        First is not null && Latest is not null && First.Id != Latest.Id ? (First.AveragePain, Latest.AveragePain) : null, psfs);
}
