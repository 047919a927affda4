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
