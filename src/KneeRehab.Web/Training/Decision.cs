namespace KneeRehab.Web.Training;

public enum DecisionKind
{
    Progress,
    Hold,
    Regress,
    Stop,
}

/// <summary>
/// The engine's answer for one exercise. <see cref="Next"/> is the dose for the next session (the same dose
/// on a hold) and null on a stop. <see cref="Reasons"/> are the codes of <see cref="Reason"/>, most
/// important first; <see cref="Message"/> says the same to the patient in plain words.
/// </summary>
public sealed record Decision(DecisionKind Kind, Dose? Next, IReadOnlyList<string> Reasons, string Message, bool RestDay = false)
{
    // A record compares lists by reference; two equal decisions must compare equal whatever list holds the reasons.
    public bool Equals(Decision? other) =>
        other is not null
        && Kind == other.Kind
        && Next == other.Next
        && Reasons.SequenceEqual(other.Reasons, StringComparer.Ordinal)
        && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && RestDay == other.RestDay;

    public override int GetHashCode() => HashCode.Combine(Kind, Next, string.Join(',', Reasons), Message, RestDay);
}

public static class DecisionKindWords
{
    /// <summary>What the decision does to the dose, in the words the report uses for a physiotherapist and a patient.</summary>
    public static string InWords(this DecisionKind kind) => kind switch
    {
        DecisionKind.Progress => "moves up a step",
        DecisionKind.Hold => "stays at this dose",
        DecisionKind.Regress => "steps back",
        _ => "stopped",
    };
}

/// <summary>The reason codes a decision carries. They are part of the contract: the UI and the tests read them.</summary>
public static class Reason
{
    public const string RedFlagPrefix = "RED_FLAG_";

    public const string StopReview = "STOP_REVIEW";
    public const string PainAtStopLevelTwice = "PAIN_AT_STOP_LEVEL_TWICE";
    public const string MorningPainRisingTwoWeeks = "MORNING_PAIN_RISING_2_WEEKS";
    public const string RedAfterRegression = "RED_AFTER_REGRESSION";

    public const string RedPainDuring = "RED_PAIN_DURING";
    public const string RedNextDay = "RED_NEXT_DAY";
    public const string RedSevere = "RED_SEVERE";
    public const string RedSkip48H = "RED_SKIP_48H";
    public const string BottomOfLadder = "BOTTOM_OF_LADDER";
    public const string AlreadySteppedDown = "ALREADY_STEPPED_DOWN";

    public const string WeeklyRise = "WEEKLY_RISE";
    public const string Gap = "GAP_14D";
    public const string GreenTwice = "GREEN_X2";
    public const string LoadPlus5Percent = "LOAD_PLUS_5PCT";
    public const string FailToComplete = "FAIL_TO_COMPLETE";

    public const string PendingNextMorning = "PENDING_NEXT_MORNING";
    public const string NextMorningMissing = "NEXT_MORNING_MISSING";
    public const string AmberPain = "AMBER_PAIN";
    public const string NotSettled = "NOT_SETTLED";
    public const string Incomplete = "INCOMPLETE";
    public const string HoldShort = "HOLD_SHORT";
    public const string HoldMissing = "HOLD_MISSING";
    public const string Form = "FORM";
    public const string OneGreen = "ONE_GREEN";
    public const string NewDose = "NEW_DOSE";
    public const string NoHistory = "NO_HISTORY";
    public const string TopOfLadder = "TOP_OF_LADDER";
    public const string FixedDose = "FIXED_DOSE";

    public const string NewPhase = "NEW_PHASE";
    public const string ClearedByClinician = "CLEARED_BY_CLINICIAN";

    /// <summary>The physiotherapist set this dose (Clinic/): the engine carries on from it.</summary>
    public const string SetByPhysiotherapist = "SET_BY_PHYSIOTHERAPIST";

    /// <summary>The physiotherapist holds this exercise: the engine keeps it from moving up until they release it.</summary>
    public const string HeldByPhysiotherapist = "HELD_BY_PHYSIOTHERAPIST";

    /// <summary>The physiotherapist put this exercise in place of another of its ladder.</summary>
    public const string SwappedByPhysiotherapist = "SWAPPED_BY_PHYSIOTHERAPIST";
}
