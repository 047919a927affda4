namespace KneeRehab.Web.Training;

/// <summary>
/// Everything one decision for one exercise depends on. The clock is an input so that the engine stays pure.
/// </summary>
/// <param name="Current">What is prescribed now, before this decision.</param>
/// <param name="Recent">This exercise's last sessions (about 5), newest first. The engine sorts them again by date, so an unsorted list cannot change the decision.</param>
/// <param name="BaselineMorningPain">The patient's usual morning pain, 0-10.</param>
/// <param name="RedFlags">Active red flags; empty when there are none.</param>
/// <param name="WeeklyMorningPainMeans">Mean morning pain per week, newest first: this week, last week, the week before.</param>
/// <param name="WorkoutPeakPains">
/// In a program, the highest pain during any exercise of each of the last program workouts, newest first: the
/// stop-for-review rule counts workouts across all exercises (FACTS 2.5 D). Null outside a program, where the
/// exercise's own sessions are counted.
/// </param>
public sealed record EngineInput(
    ExerciseLadder Ladder,
    Dose Current,
    IReadOnlyList<LoggedSession> Recent,
    int BaselineMorningPain,
    IReadOnlyList<RedFlag> RedFlags,
    IReadOnlyList<double> WeeklyMorningPainMeans,
    DateTime NowUtc,
    IReadOnlyList<int>? WorkoutPeakPains = null);
