namespace KneeRehab.Web.Training;

/// <summary>
/// One logged session of one exercise, as the engine sees it (FACTS 3.2).
/// <see cref="Date"/> is the day it was done (for the gap rule); <see cref="LoggedUtc"/> is when it was
/// saved (for the wait for the next morning's pain). Pain is 0-10; <see cref="PainNextMorning"/> is null
/// until the patient reports it, and <see cref="ShortestHoldSeconds"/> is null when no hold was logged.
/// </summary>
public sealed record LoggedSession(
    DateOnly Date,
    DateTime LoggedUtc,
    Dose Prescribed,
    IReadOnlyList<int> CompletedReps,
    int? ShortestHoldSeconds,
    int PainDuring,
    int? PainNextMorning,
    bool FormOk)
{
    /// <summary>
    /// The share of the prescribed reps done, 1.0 being all of them. It is the fact sheet's sum over all sets,
    /// so extra reps in one set make up for a short one.
    /// </summary>
    public double Completion => (double)CompletedReps.Sum() / Prescribed.Volume;
}
