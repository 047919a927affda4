namespace KneeRehab.Web.Training;

/// <summary>How soon a red flag needs a clinician (FACTS 2.5 A, B, C).</summary>
public enum RedFlagUrgency
{
    Emergency,
    Urgent,
    Prompt,
}

/// <summary>An active red flag, e.g. <c>new RedFlag("A_DVT", RedFlagUrgency.Emergency)</c> for a swollen, painful calf.</summary>
public sealed record RedFlag(string Code, RedFlagUrgency Urgency);
