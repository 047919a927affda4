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

    /// <summary>What changed from the first check-in to the last (oldest first), in plain words: average pain, then the PSFS.</summary>
    public static IReadOnlyList<Outcomes.ChangeReading> ReadingsSinceFirst(IReadOnlyList<OutcomeCheckIn> checkIns) =>
        ReadingsSinceFirst([.. checkIns.Select(c => (c.AveragePain, c.PsfsScore))]);

    /// <summary>
    /// The first and the latest check-in, and the first and the latest with an activity score: all that the
    /// report's summary of change needs, read as four index seeks however many years of check-ins there are.
    /// </summary>
    public static async Task<CheckInEnds> ReadEndsAsync(KneeRehabDbContext db, string userId)
    {
        var mine = db.CheckIns.AsNoTracking().Where(c => c.UserId == userId);
        var scored = mine.Where(c => c.Psfs.Any());
        var first = await Figures(mine.OrderBy(c => c.Date).ThenBy(c => c.Id));
        var latest = await Figures(mine.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id));
        var firstScored = await Figures(scored.OrderBy(c => c.Date).ThenBy(c => c.Id));
        var latestScored = await Figures(scored.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id));
        return new CheckInEnds(first, latest, firstScored, latestScored);

        static Task<CheckInFigures?> Figures(IQueryable<OutcomeCheckIn> ordered) => ordered
            .Select(c => new CheckInFigures(c.Id, c.Date, c.AveragePain, c.WorstPain, c.Psfs.Average(p => (double?)p.Score)))
            .FirstOrDefaultAsync();
    }

    /// <summary>The same from the two figures a query can read without loading the check-ins.</summary>
    public static IReadOnlyList<Outcomes.ChangeReading> ReadingsSinceFirst(IReadOnlyList<(int AveragePain, double? PsfsScore)> checkIns)
    {
        var readings = new List<Outcomes.ChangeReading>();
        if (checkIns.Count >= 2) readings.Add(Outcomes.ChangeInterpretation.Pain(checkIns[0].AveragePain, checkIns[^1].AveragePain));
        var withPsfs = checkIns.Where(c => c.PsfsScore is not null).ToList();
        if (withPsfs.Count >= 2) readings.Add(Outcomes.ChangeInterpretation.Psfs(withPsfs[0].PsfsScore!.Value, withPsfs[^1].PsfsScore!.Value));
        return readings;
    }
}

public sealed class PsfsRating
{
    public int Id { get; set; }

    public int OutcomeCheckInId { get; set; }

    public required string Activity { get; set; }

    public int Score { get; set; }
}

/// <summary>One check-in as the summaries show it: its pain figures and its activity score (null when none was given).</summary>
public sealed record CheckInFigures(int Id, DateOnly Date, int AveragePain, int WorstPain, double? Psfs);

/// <summary>The ends of a patient's check-ins (see <see cref="OutcomeCheckIn.ReadEndsAsync"/>); null ends when there are none.</summary>
public sealed record CheckInEnds(CheckInFigures? First, CheckInFigures? Latest, CheckInFigures? FirstScored, CheckInFigures? LatestScored)
{
    /// <summary>What changed from the first to the latest, as <see cref="OutcomeCheckIn.ReadingsSinceFirst(IReadOnlyList{ValueTuple{int, double?}})"/> reads it from the whole list.</summary>
    public IReadOnlyList<Outcomes.ChangeReading> Readings()
    {
        var readings = new List<Outcomes.ChangeReading>();
        if (First is not null && Latest is not null && First.Id != Latest.Id)
            readings.Add(Outcomes.ChangeInterpretation.Pain(First.AveragePain, Latest.AveragePain));
        if (FirstScored is not null && LatestScored is not null && FirstScored.Id != LatestScored.Id)
            readings.Add(Outcomes.ChangeInterpretation.Psfs(FirstScored.Psfs!.Value, LatestScored.Psfs!.Value));
        return readings;
    }
}
