namespace KneeRehab.Web.Training;

/// <summary>The traffic light of one session (FACTS 3.3).</summary>
public enum SessionClass
{
    Green,
    Amber,
    Red,

    /// <summary>Not decided yet: the next morning's pain is still to come.</summary>
    Pending,
}

/// <summary>
/// A session's class and why: the <see cref="Reason"/> codes of what kept it from green (most important first),
/// and for a red session whether it was severe enough for two rungs down and a rest day.
/// </summary>
public sealed record SessionAssessment(SessionClass Class, IReadOnlyList<string> Reasons, bool Severe = false);
