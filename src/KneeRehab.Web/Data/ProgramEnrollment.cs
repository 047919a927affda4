namespace KneeRehab.Web.Data;

/// <summary>A user following a program. At most one is active (not ended) per user.</summary>
public sealed class ProgramEnrollment
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string ProgramSlug { get; set; }

    public DateOnly StartedOn { get; set; }

    /// <summary>Set when the user ends it or starts another program.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>The user's usual morning knee pain (0-10) before starting: next-morning pain is compared with it.</summary>
    public int BaselineMorningPain { get; set; }

    /// <summary>The phase the user is in (0-based), when it started, and how often it was repeated.</summary>
    public int PhaseIndex { get; set; }

    public DateOnly PhaseStartedOn { get; set; }

    public int PhaseRepeats { get; set; }

    /// <summary>A red flag reported during the program: the program is locked until a clinician has seen the user.</summary>
    public string? StoppedFor { get; set; }

    public DateTime? StoppedUtc { get; set; }

    public bool IsActive => EndedOn is null;
}
