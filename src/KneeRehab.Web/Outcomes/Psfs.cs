namespace KneeRehab.Web.Outcomes;

/// <summary>One activity the patient finds hard, rated 0 (unable to do it) to 10 (as well as before the problem).</summary>
public sealed record PsfsActivity(string Name, int Score);

/// <summary>
/// The Patient-Specific Functional Scale (Stratford, Gill, Westaway &amp; Binkley 1995, Physiotherapy Canada
/// 47:258-263; FACTS 2.6). Licence-free: the patient names the activities, so there is no questionnaire text to reproduce.
/// </summary>
public static class Psfs
{
    public const int MinActivities = 3;
    public const int MaxActivities = 5;
    public const int MinScore = 0;
    public const int MaxScore = 10;

    /// <summary>The PSFS score: the mean of the activity scores, 0 to 10, higher is better.</summary>
    public static double Score(IReadOnlyList<PsfsActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count is < MinActivities or > MaxActivities)
            throw new ArgumentException($"Name between {MinActivities} and {MaxActivities} activities you find hard.", nameof(activities));
        foreach (var activity in activities)
        {
            if (string.IsNullOrWhiteSpace(activity.Name))
                throw new ArgumentException("Every activity needs a name, for example \"climbing stairs\".", nameof(activities));
            if (activity.Score is < MinScore or > MaxScore)
                throw new ArgumentException(
                    $"Rate \"{activity.Name}\" from {MinScore} (unable to do it) to {MaxScore} (as well as before the problem).", nameof(activities));
        }

        return activities.Average(a => a.Score);
    }
}
