using System.ComponentModel.DataAnnotations;

namespace KneeRehab.Web.Training;

/// <summary>
/// The <c>Progression</c> configuration section: the engine's thresholds, defaulting to the fact sheet
/// (FACTS 3.3-3.5). They are configuration, not constants, because a physiotherapist has to sign them off
/// (FACTS 5, item 5) and secondary sources draw the pain bands slightly differently (FACTS 2.1).
/// </summary>
public sealed class ProgressionOptions : IValidatableObject
{
    public const string Section = "Progression";

    /// <summary>Highest pain during exercise that still counts as green (the "safe" zone).</summary>
    [Range(0, 10)] public int GreenPainMax { get; set; } = 3;

    /// <summary>Highest pain during exercise that is still acceptable (amber); one more is red.</summary>
    [Range(0, 9)] public int AmberPainMax { get; set; } = 5;

    /// <summary>Pain during exercise that steps down two rungs and adds a rest day.</summary>
    [Range(1, 10)] public int SeverePain { get; set; } = 8;

    /// <summary>Pain during exercise that, twice in the last 3 sessions, stops the program for a review.</summary>
    [Range(1, 10)] public int StopPain { get; set; } = 7;

    /// <summary>How far above baseline next-morning pain may be and still count as settled (a 1-point change is NRS noise).</summary>
    [Range(0, 10)] public int SettledRise { get; set; } = 1;

    /// <summary>Next-morning pain this far above baseline makes the session red: the 24-hour response failed.</summary>
    [Range(1, 10)] public int RedNextMorningRise { get; set; } = 3;

    /// <summary>Next-morning pain this far above baseline steps down two rungs and adds a rest day.</summary>
    [Range(1, 10)] public int SevereNextMorningRise { get; set; } = 4;

    /// <summary>How long to wait for the next morning's pain before a session without it is decided as amber.</summary>
    [Range(1, 168)] public int PendingHours { get; set; } = 36;

    /// <summary>More days than this since the last session of an exercise resumes it one rung lower.</summary>
    [Range(1, 365)] public int GapDays { get; set; } = 14;

    /// <summary>Green sessions in a row at the current dose that earn a step up ("2-for-2").</summary>
    [Range(1, 10)] public int GreenStreak { get; set; } = 2;

    /// <summary>Failed sessions in a row (too few reps or poor form) that step down a rung.</summary>
    [Range(1, 10)] public int FailStreak { get; set; } = 3;

    /// <summary>A session below this share of the prescribed reps counts as failed.</summary>
    [Range(0.0, 1.0)] public double FailCompletion { get; set; } = 0.8;

    /// <summary>A rise of this much in the weekly mean morning pain holds every exercise for the week.</summary>
    [Range(0.1, 10.0)] public double WeeklyRise { get; set; } = 1.0;

    /// <summary>The load step on ladder B when 3×12 is green twice (ACSM: 2-10%).</summary>
    [Range(0.1, 100.0)] public double LoadIncreasePercent { get; set; } = 5;

    /// <summary>The largest single load increase, after rounding up to the available increment.</summary>
    [Range(0.1, 100.0)] public double MaxLoadIncreasePercent { get; set; } = 10;

    /// <summary>The load step down on ladder B.</summary>
    [Range(0.1, 50.0)] public double LoadDecreasePercent { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The bands only make sense in this order; a swapped pair would make a rule unreachable.
        if (GreenPainMax >= AmberPainMax)
            yield return new("GreenPainMax must be below AmberPainMax.", [nameof(GreenPainMax), nameof(AmberPainMax)]);
        if (SeverePain <= AmberPainMax)
            yield return new("SeverePain must be above AmberPainMax (a severe session is a red one).", [nameof(SeverePain)]);
        if (StopPain <= AmberPainMax)
            yield return new("StopPain must be above AmberPainMax.", [nameof(StopPain)]);
        if (RedNextMorningRise <= SettledRise)
            yield return new("RedNextMorningRise must be above SettledRise.", [nameof(RedNextMorningRise)]);
        if (SevereNextMorningRise < RedNextMorningRise)
            yield return new("SevereNextMorningRise must be at least RedNextMorningRise.", [nameof(SevereNextMorningRise)]);
        if (MaxLoadIncreasePercent < LoadIncreasePercent)
            yield return new("MaxLoadIncreasePercent must be at least LoadIncreasePercent.", [nameof(MaxLoadIncreasePercent)]);
    }
}
