namespace KneeRehab.Web.Data;

/// <summary>
/// Workout dates come from the app's <see cref="TimeProvider"/>, never from the system clock directly,
/// so that tests can live through weeks of a program in seconds.
/// </summary>
public static class WorkoutDates
{
    /// <summary>Today's date in UTC (the date rules allow a day's slack for users ahead of UTC).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
