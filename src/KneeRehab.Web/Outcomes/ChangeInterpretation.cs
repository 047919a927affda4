using System.Globalization;

namespace KneeRehab.Web.Outcomes;

public enum ChangeVerdict
{
    Better,
    Worse,
    NoMeaningfulChange,
}

/// <summary>
/// What a change between two check-ins means. <see cref="Change"/> is after minus before, so for pain a
/// negative change is an improvement; <see cref="Sentence"/> says it in plain words for the patient.
/// </summary>
public sealed record ChangeReading(ChangeVerdict Verdict, double Change, string Sentence);

/// <summary>
/// Tells a meaningful change from normal variation (FACTS 2.1 and 2.6), so that the patient is not told
/// "better" or "worse" for a change the scale cannot tell from noise.
/// </summary>
public static class ChangeInterpretation
{
    /// <summary>A change in 0-10 pain of about 2 points is clinically important (Farrar et al. 2001, Pain 94:149-158).</summary>
    public const double PainMeaningfulPoints = 2.0;

    /// <summary>... or of about 30% of the starting pain (Farrar et al. 2001), which matters when pain starts low.</summary>
    public const double PainMeaningfulFraction = 0.30;

    /// <summary>
    /// ... but never less than 1 point: below that the 0-10 scale cannot tell a change from noise (about 1 point
    /// is the minimum important change in chronic musculoskeletal pain, Salaffi et al. 2004), so with low pain
    /// 30% alone (1 → 1.3) is not a change.
    /// </summary>
    public const double PainMinimumPoints = 1.0;

    /// <summary>The minimal detectable change of the PSFS mean (90% CI; Stratford et al. 1995).</summary>
    public const double PsfsMeanMeaningfulPoints = 2.0;

    /// <summary>The minimal detectable change of one PSFS activity (90% CI; Stratford et al. 1995).</summary>
    public const double PsfsActivityMeaningfulPoints = 3.0;

    // Check-in values are decimals such as 6.1 and 4.1, which a double cannot hold exactly: without a
    // tolerance, 6.1 - 4.1 comes out just under 2 and an exact threshold would be missed.
    private const double Tolerance = 1e-9;

    private const string Noise = "within normal variation, not yet a clear change.";

    /// <summary>Average pain on the 0-10 numeric rating scale; lower is better.</summary>
    public static ChangeReading Pain(double before, double after)
    {
        CheckScale(before, nameof(before));
        CheckScale(after, nameof(after));
        var change = after - before;
        var size = Math.Abs(change);
        var meaningful = size >= PainMeaningfulPoints - Tolerance
            || (before > 0 && size >= PainMinimumPoints - Tolerance && size >= (PainMeaningfulFraction * before) - Tolerance);
        return Read("Your average pain", before, after, meaningful, lowerIsBetter: true);
    }

    /// <summary>The PSFS score (the mean of the activities); higher is better.</summary>
    public static ChangeReading Psfs(double before, double after)
    {
        CheckScale(before, nameof(before));
        CheckScale(after, nameof(after));
        var meaningful = Math.Abs(after - before) >= PsfsMeanMeaningfulPoints - Tolerance;
        return Read("Your activity score", before, after, meaningful, lowerIsBetter: false);
    }

    /// <summary>One PSFS activity, such as "climbing stairs"; higher is better. One item is noisier than the mean, so it needs 3 points.</summary>
    public static ChangeReading PsfsActivity(string name, double before, double after)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("The activity needs a name.", nameof(name));
        CheckScale(before, nameof(before));
        CheckScale(after, nameof(after));
        var meaningful = Math.Abs(after - before) >= PsfsActivityMeaningfulPoints - Tolerance;
        return Read($"Your score for \"{name.Trim()}\"", before, after, meaningful, lowerIsBetter: false);
    }

    private static ChangeReading Read(string subject, double before, double after, bool meaningful, bool lowerIsBetter)
    {
        var change = after - before;
        var verdict = !meaningful ? ChangeVerdict.NoMeaningfulChange
            : (change < 0) == lowerIsBetter ? ChangeVerdict.Better
            : ChangeVerdict.Worse;
        var what = before == after ? $"{subject} stayed at {Number(before)}" : $"{subject} went from {Number(before)} to {Number(after)}";
        var meaning = verdict switch
        {
            ChangeVerdict.Better => "a meaningful improvement.",
            ChangeVerdict.Worse => "a meaningful worsening.",
            _ => before == after ? "no change." : Noise,
        };
        return new ChangeReading(verdict, change, $"{what}: {meaning}");
    }

    private static void CheckScale(double value, string name)
    {
        if (!(value is >= 0 and <= 10))
            throw new ArgumentOutOfRangeException(name, value, "Scores run from 0 to 10.");
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
