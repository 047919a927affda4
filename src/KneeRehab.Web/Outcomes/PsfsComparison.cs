using System.Globalization;

namespace KneeRehab.Web.Outcomes;

/// <summary>One check-in's activity ratings, as <see cref="PsfsComparison"/> reads them.</summary>
public sealed record PsfsCheckIn(DateOnly Date, IReadOnlyList<PsfsActivity> Activities);

/// <summary>
/// The activity score compared only where the comparison means something (FACTS 2.6 and 2.7): the mean between
/// check-ins that rated the same activities, from the check-in where today's set of activities was first rated
/// (2 points, Stratford et al. 1995), and each of today's activities against its own first rating (3 points: one
/// activity is noisier than the mean). A patient who changes an activity starts a new line for the mean, and is told so.
/// </summary>
public sealed record PsfsComparison(ChangeReading? Mean, IReadOnlyList<ChangeReading> Activities, DateOnly? ActivitiesChangedOn)
{
    public static readonly PsfsComparison None = new(null, [], null);

    /// <summary>The mean where the comparison starts (the first check-in with today's activities) and the latest; null without scores.</summary>
    public (DateOnly Date, double Score)? From { get; private init; }

    public (DateOnly Date, double Score)? Latest { get; private init; }

    /// <summary>Why the mean is compared from a later check-in than the first, in plain words; null when it is not.</summary>
    public string? ChangedActivitiesSentence => ActivitiesChangedOn is { } date
        ? $"Your activities changed on {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, so your activity score is compared from that check-in on, and each activity with its own first score."
        : null;

    /// <param name="checkIns">The check-ins with activity ratings, oldest first.</param>
    public static PsfsComparison Of(IReadOnlyList<PsfsCheckIn> checkIns)
    {
        if (checkIns.Count == 0) return None;
        var latest = checkIns[^1];
        var activities = SetOf(latest);
        var start = checkIns.Count - 1;
        while (start > 0 && SetOf(checkIns[start - 1]) == activities) start--;
        var mean = start < checkIns.Count - 1 ? ChangeInterpretation.Psfs(MeanOf(checkIns[start]), MeanOf(latest)) : null;

        var each = new List<ChangeReading>();
        foreach (var activity in latest.Activities)
        {
            var first = checkIns.Take(checkIns.Count - 1).SelectMany(c => c.Activities).FirstOrDefault(a => Name(a.Name) == Name(activity.Name));
            if (first is not null) each.Add(ChangeInterpretation.PsfsActivity(activity.Name, first.Score, activity.Score));
        }
        return new PsfsComparison(mean, each, start > 0 ? checkIns[start].Date : null)
        {
            From = (checkIns[start].Date, MeanOf(checkIns[start])),
            Latest = (latest.Date, MeanOf(latest)),
        };
    }

    private static double MeanOf(PsfsCheckIn checkIn) => checkIn.Activities.Average(a => a.Score);

    /// <summary>"Climbing  stairs " and "climbing stairs" are one activity.</summary>
    private static string Name(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    private static string SetOf(PsfsCheckIn checkIn) => string.Join('\n', checkIn.Activities.Select(a => Name(a.Name)).Order(StringComparer.Ordinal));
}
