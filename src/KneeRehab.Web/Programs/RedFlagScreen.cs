using KneeRehab.Web.Training;

namespace KneeRehab.Web.Programs;

/// <summary>
/// One warning sign, asked in the patient's words (FACTS 2.5 and content/pages/safety.md); <paramref name="AskedOf"/>
/// limits it to some age bands (null: everyone).
/// </summary>
public sealed record RedFlagQuestion(string Code, RedFlagUrgency Urgency, string Question, IReadOnlyList<Data.AgeBand>? AskedOf = null)
{
    public RedFlag AsFlag() => new(Code, Urgency);
}

/// <summary>
/// The red-flag screen shown before a program starts and whenever a user reports a warning sign.
/// Any "yes" stops the program: these need a clinician, not exercise.
/// </summary>
public static class RedFlagScreen
{
    public static readonly IReadOnlyList<RedFlagQuestion> Questions =
    [
        new("A_DVT", RedFlagUrgency.Emergency, "A calf that is swollen, painful, warm or red, especially with breathlessness, chest pain or coughing blood"),
        new("A_SEPTIC", RedFlagUrgency.Emergency, "A hot, red, swollen knee together with a fever or feeling generally unwell"),
        new("A_INJURY", RedFlagUrgency.Emergency, "Since an injury: the knee or leg looks out of shape, you cannot take 4 steps, you cannot straighten the knee yourself, or the leg or foot is cold, pale or numb"),
        new("B_RECENT_INJURY", RedFlagUrgency.Urgent, "You injured this knee in the last 6 weeks and no clinician has cleared you to exercise it"),
        new("B_SWELLING", RedFlagUrgency.Urgent, "The knee swelled up within about 2 hours of twisting it or hurting it"),
        new("B_GIVING_WAY", RedFlagUrgency.Urgent, "The knee gives way since a twist or an injury"),
        new("B_DISLOCATION", RedFlagUrgency.Urgent, "Your kneecap has come out of place"),
        new("B_LOCKING", RedFlagUrgency.Urgent, "The knee locks: it gets stuck and will not straighten fully"),
        new("C_NIGHT_PAIN", RedFlagUrgency.Prompt, "Knee pain at night or at rest that wakes you up"),
        new("C_GENERAL", RedFlagUrgency.Prompt, "Weight loss you cannot explain, night sweats, a past cancer, or a lump or swelling that does not go away"),
        new("C_STIFFNESS", RedFlagUrgency.Prompt, "Morning stiffness lasting more than 30 minutes, or several swollen joints"),
        new("C_HOT_KNEE", RedFlagUrgency.Prompt, "A hot, swollen knee without any injury"),
        new("C_WORSENING", RedFlagUrgency.Prompt, "Pain or a change in the knee's shape that is getting worse quickly"),
        new("C_YOUNG", RedFlagUrgency.Prompt, "Under 18: knee pain with a limp or hip pain, or a knee that clicks or gives way and will not straighten fully",
            [Data.AgeBand.Under16, Data.AgeBand.From16To54]),
        // The Ottawa Knee Rule's age criterion (Stiell et al. 1995): after an injury at 55 or over, an X-ray may be needed.
        new("B_INJURY_55", RedFlagUrgency.Urgent, "55 or over: you hurt this knee in a fall, a knock or a twist in the last 6 weeks (an X-ray may be needed before you exercise it)",
            [Data.AgeBand.From55]),
    ];

    /// <summary>The questions for a patient of <paramref name="band"/>; every question when the age was not given.</summary>
    public static IReadOnlyList<RedFlagQuestion> For(Data.AgeBand? band) =>
        band is null ? Questions : [.. Questions.Where(q => q.AskedOf is null || q.AskedOf.Contains(band.Value))];

    /// <summary>For a patient under 16, shown when a program starts and on /today.</summary>
    public const string WithAParent =
        "You are under 16: if the pain does not settle, or keeps coming back, see a physiotherapist or a doctor together with a parent or carer.";

    public static RedFlagQuestion? Find(string code) => Questions.FirstOrDefault(q => q.Code == code);

    /// <summary>What to do, for the most urgent of the signs reported.</summary>
    public static string Advice(RedFlagUrgency urgency) => urgency switch
    {
        RedFlagUrgency.Emergency => "Stop exercising and get emergency care now: call your local emergency number or go to an emergency department.",
        RedFlagUrgency.Urgent => "Stop the program and see a doctor or physiotherapist within the next few days. Go sooner if it gets worse.",
        _ => "Pause the program and book an appointment with your GP or physiotherapist. Do not wait for it to go away.",
    };
}
