namespace KneeRehab.Web.Data;

public static class TransitionWords
{
    /// <summary>A step of a program's life in the words the record page and the report use.</summary>
    public static string InWords(this TransitionKind kind) => kind switch
    {
        TransitionKind.Started => "Started",
        TransitionKind.CarriedOver => "Carried over",
        TransitionKind.PhaseAdvanced => "Next phase",
        TransitionKind.PhaseRepeated => "Phase repeated",
        TransitionKind.Finished => "Finished",
        TransitionKind.Paused => "Paused for a warning sign",
        TransitionKind.Resumed => "Carried on after seeing a clinician",
        TransitionKind.PausedForBreak => "Paused: a long break",
        TransitionKind.ResumedAfterBreak => "Back after a break",
        TransitionKind.StoppedForReview => "Stopped for a review",
        _ => "Ended",
    };
}

public enum TransitionKind
{
    Started,

    /// <summary>A program that ran before decisions were recorded: the phase it had reached, carried over.</summary>
    CarriedOver,
    PhaseAdvanced,
    PhaseRepeated,
    Finished,
    Paused,
    Resumed,
    PausedForBreak,
    ResumedAfterBreak,
    StoppedForReview,
    Ended,
}

/// <summary>
/// One step in a program's life, with its date and reason, and the program's phase and status after it.
/// The patient's own steps (start, a warning sign, a clinician's all-clear, ending it) are inputs that are
/// kept when decisions are made again after an edit; the engine's steps are made again.
/// </summary>
public sealed class ProgramTransition
{
    public int Id { get; set; }

    public int EnrollmentId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>When it was recorded: orders it against workouts saved on the same day.</summary>
    public DateTime AtUtc { get; set; }

    public TransitionKind Kind { get; set; }

    /// <summary>The workout whose save made it, for the engine's steps.</summary>
    public int? WorkoutId { get; set; }

    /// <summary>A reason code: a warning sign, the engine's stop reason, PHASE_EXIT_MET...</summary>
    public string? Reason { get; set; }

    /// <summary>In words, for the patient and their physiotherapist.</summary>
    public string? Note { get; set; }

    public int PhaseIndex { get; set; }

    public DateOnly PhaseStartedOn { get; set; }

    public int PhaseRepeats { get; set; }

    public ProgramStatus Status { get; set; }

    public bool ByPatient => Kind is TransitionKind.Started or TransitionKind.CarriedOver or TransitionKind.Paused or TransitionKind.Resumed or TransitionKind.Ended;
}
