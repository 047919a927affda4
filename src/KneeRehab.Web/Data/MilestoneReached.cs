namespace KneeRehab.Web.Data;

/// <summary>
/// A rung of a program's milestone ladder that the patient reached, recorded once, when the save that met its
/// last criterion happened (Milestones/MilestoneRecord.cs). A rung reached stays reached: if pain rises later,
/// the pages say to step back down, but the record keeps when it was reached.
/// </summary>
public sealed class MilestoneReached
{
    public int Id { get; set; }

    public int EnrollmentId { get; set; }

    /// <summary>The rung's place in the program's ladder, from 0.</summary>
    public int Rung { get; set; }

    /// <summary>The rung's activity as the content named it then, so the record reads the same after an edit.</summary>
    public required string Activity { get; set; }

    public DateOnly ReachedOn { get; set; }
}
