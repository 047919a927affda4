namespace KneeRehab.Web.Data;

/// <summary>Where a program stands in its life cycle: started → phases → finished, with pauses and stops on the way.</summary>
public enum ProgramStatus
{
    /// <summary>Running: /today says what to do.</summary>
    Active,

    /// <summary>A warning sign was reported: nothing is prescribed until a clinician has seen the patient.</summary>
    Paused,

    /// <summary>The pain rules (or a phase missed twice) call for a clinician's review before carrying on.</summary>
    StoppedForReview,

    /// <summary>Every phase was completed.</summary>
    Finished,

    /// <summary>The patient ended it, or started another program.</summary>
    Ended,
}

/// <summary>
/// A user following a program. At most one is not ended per user. Its phase and status are the program's
/// record, kept by <see cref="Programs.ProgramRecord"/> when a workout, a morning pain or a warning sign is saved;
/// pages only read them.
/// </summary>
public sealed class ProgramEnrollment
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string ProgramSlug { get; set; }

    public DateOnly StartedOn { get; set; }

    /// <summary>Set when the program is finished or ended (by the user, or by starting another program).</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>The user's usual morning knee pain (0-10) before starting: next-morning pain is compared with it.</summary>
    public int BaselineMorningPain { get; set; }

    /// <summary>The phase the user is in (0-based), when it started, and how often it was repeated.</summary>
    public int PhaseIndex { get; set; }

    public DateOnly PhaseStartedOn { get; set; }

    public int PhaseRepeats { get; set; }

    public ProgramStatus Status { get; set; }

    /// <summary>Why the status is what it is: a warning sign's code, or the engine's reason codes for a review.</summary>
    public string? StatusReason { get; set; }

    public DateOnly? StatusSince { get; set; }

    /// <summary>The day of the last program workout, or of resuming after a pause: the break rule counts from it.</summary>
    public DateOnly? LastActivityOn { get; set; }

    public bool IsActive => EndedOn is null;
}
