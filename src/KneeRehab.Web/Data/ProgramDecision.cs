using KneeRehab.Web.Training;

namespace KneeRehab.Web.Data;

/// <summary>
/// The engine's decision for one exercise of a program, made once when the workout (or its next-morning pain,
/// or a return after a pause) was saved. The latest one per exercise is what to do next; /today, progress,
/// the report and the shared report read these rows and never run the engine again.
/// </summary>
public sealed class ProgramDecision
{
    public int Id { get; set; }

    public int EnrollmentId { get; set; }

    /// <summary>The workout it followed; null for a decision made on resuming (after a warning sign or a review).</summary>
    public int? WorkoutId { get; set; }

    /// <summary>The day it was made for: the workout's date, or the day the program resumed.</summary>
    public DateOnly Date { get; set; }

    public int PhaseIndex { get; set; }

    public required string ExerciseSlug { get; set; }

    public DecisionKind Kind { get; set; }

    /// <summary>The dose to do next. On a stop, the dose it stopped at (a resume steps down from it).</summary>
    public required Prescription Next { get; set; }

    /// <summary>The reason codes, most important first, comma-separated.</summary>
    public required string Reasons { get; set; }

    public required string Message { get; set; }

    public bool RestDay { get; set; }

    public IReadOnlyList<string> ReasonCodes => Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
