namespace KneeRehab.Web.Data;

/// <summary>
/// A physiotherapist following a patient, with the patient's consent: made when the patient accepts an invitation,
/// ended by the patient at any time (<see cref="EndedUtc"/>). Every clinic query goes through an active link, so an
/// ended link shuts the physiotherapist out at once. A patient may have several.
/// </summary>
public sealed class CareLink
{
    public int Id { get; set; }

    public required string PhysioId { get; set; }

    public required string PatientId { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime? EndedUtc { get; set; }

    /// <summary>When the patient last marked the physiotherapist's notes read: later ones are new on /today.</summary>
    public DateTime? PatientReadUtc { get; set; }
}

/// <summary>A physiotherapist's one-time invitation: a code (only its hash is kept) that a patient accepts within 7 days.</summary>
public sealed class CareInvitation
{
    public const int ValidDays = 7;

    public int Id { get; set; }

    public required string PhysioId { get; set; }

    public required string CodeHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? AcceptedUtc { get; set; }

    public bool IsOpen(DateTime nowUtc) => AcceptedUtc is null && nowUtc < ExpiresUtc;
}

/// <summary>What a physiotherapist did with a patient's data: every view and every change, shown to the patient.</summary>
public sealed class ClinicAuditEntry
{
    public const int ActionLength = 200;

    public int Id { get; set; }

    public required string PhysioId { get; set; }

    public required string PatientId { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>In words: "Viewed your progress and report".</summary>
    public required string Action { get; set; }
}

/// <summary>What a physiotherapist changes about one exercise of a patient's program.</summary>
public enum ClinicianChange
{
    /// <summary>Sets the exercise's next dose; the engine carries on from it.</summary>
    Dose,

    /// <summary>Keeps the exercise at its dose: the engine may still make it easier for pain, never harder.</summary>
    Hold,

    /// <summary>Ends a hold: the engine moves the exercise again.</summary>
    Release,

    /// <summary>Puts another exercise of its ladder (the guide's easier or harder ones) in its place, for the rest of the phase.</summary>
    Swap,
}

/// <summary>
/// A physiotherapist's change to one exercise of a patient's program (<see cref="ClinicianChange"/>), with the reason,
/// from a given day. It is an input to the program's record like the patient's own steps: kept, and applied again in
/// its place when an earlier workout is edited; the engine carries on from it (Programs/ProgramRecord.cs).
/// </summary>
public sealed class ClinicianDose
{
    public const int ReasonLength = 200;

    public ClinicianChange Change { get; set; }

    /// <summary>For a swap: the exercise that takes the place of <see cref="ExerciseSlug"/>.</summary>
    public string? SwapTo { get; set; }

    /// <summary>The program phase it was made in: a swap lasts for that phase (and its repeats).</summary>
    public int PhaseIndex { get; set; }

    public int Id { get; set; }

    public int EnrollmentId { get; set; }

    public required string PhysioId { get; set; }

    /// <summary>The patient's day it applies from.</summary>
    public DateOnly Date { get; set; }

    public DateTime AtUtc { get; set; }

    public required string ExerciseSlug { get; set; }

    /// <summary>The dose set (for a swap, the new exercise's dose; for a hold or a release, the dose at the time).</summary>
    public required Prescription Dose { get; set; }

    /// <summary>In the physiotherapist's words, shown to the patient.</summary>
    public required string Reason { get; set; }
}

/// <summary>
/// A short text note between a patient and one of their physiotherapists (text only), on their link. The patient sees
/// new notes from the physiotherapist on /today until they mark them read.
/// </summary>
public sealed class CareMessage
{
    public const int TextLength = 1000;

    public int Id { get; set; }

    public int CareLinkId { get; set; }

    /// <summary>True when the physiotherapist wrote it, false when the patient did.</summary>
    public bool FromPhysio { get; set; }

    public DateTime AtUtc { get; set; }

    public required string Text { get; set; }
}
