namespace KneeRehab.Web.Outcomes;

/// <summary>One day of the adherence calendar.</summary>
public enum DayStatus
{
    /// <summary>A planned workout that was done.</summary>
    Done,

    /// <summary>A planned workout on a past day without a workout.</summary>
    Missed,

    /// <summary>A workout on a day without one planned.</summary>
    Extra,

    /// <summary>Nothing planned, nothing done.</summary>
    Rest,

    /// <summary>A planned workout, today or later, not done yet: today still counts as a chance.</summary>
    Upcoming,
}

public sealed record AdherenceDay(DateOnly Date, DayStatus Status);

/// <summary>
/// Planned against done, per day, for the adherence calendar and the clinician's report.
/// <see cref="Percentage"/> is null when no planned workout is due yet: "0%" or "100%" would both be untrue.
/// </summary>
/// <param name="Days">Every day of the range, oldest first.</param>
/// <param name="PlannedDone">Planned workouts in the range that were done.</param>
/// <param name="PlannedDue">Planned workouts in the range that are past or done (upcoming ones are not due yet).</param>
/// <param name="CurrentStreak">Planned workouts done in a row up to today, whatever the range.</param>
public sealed record Adherence(IReadOnlyList<AdherenceDay> Days, int PlannedDone, int PlannedDue, double? Percentage, int CurrentStreak)
{
    /// <summary>
    /// The calendar from <paramref name="from"/> to <paramref name="to"/> (inclusive; it may run past today to show what is
    /// coming). Several workouts on one day count once. The streak looks at every planned date given, not just the range,
    /// so that choosing "4 weeks" on the progress page does not shorten it.
    /// </summary>
    public static Adherence Calculate(
        IEnumerable<DateOnly> planned, IEnumerable<DateOnly> done, DateOnly from, DateOnly to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(done);
        if (to < from)
            throw new ArgumentException("The range ends before it starts.", nameof(to));

        var plannedDays = planned.ToHashSet();
        var doneDays = done.ToHashSet();

        var days = new List<AdherenceDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
            days.Add(new AdherenceDay(date, StatusOf(date, plannedDays, doneDays, today)));

        var plannedDone = days.Count(d => d.Status == DayStatus.Done);
        var plannedDue = plannedDone + days.Count(d => d.Status == DayStatus.Missed);
        double? percentage = plannedDue == 0 ? null : 100.0 * plannedDone / plannedDue;

        return new Adherence(days, plannedDone, plannedDue, percentage, Streak(plannedDays, doneDays, today));
    }

    /// <summary>The summary sentence that goes with the calendar, for the report and the chart's text alternative.</summary>
    public string Describe()
    {
        var done = PlannedDue == 0
            ? "No planned workouts were due in this period."
            : $"You did {PlannedDone} of {PlannedDue} planned workouts ({Percentage:0}%).";
        var streak = CurrentStreak == 1 ? "1 planned workout" : $"{CurrentStreak} planned workouts";
        return $"{done} Current streak: {streak} in a row.";
    }

    private static DayStatus StatusOf(DateOnly date, HashSet<DateOnly> planned, HashSet<DateOnly> done, DateOnly today) =>
        (planned.Contains(date), done.Contains(date)) switch
        {
            (true, true) => DayStatus.Done,
            (true, false) => date < today ? DayStatus.Missed : DayStatus.Upcoming,
            (false, true) => DayStatus.Extra,
            (false, false) => DayStatus.Rest,
        };

    // Back from the most recent planned day that is not upcoming: rest and extra days are skipped, a missed
    // planned day ends the streak, and today's workout not done yet does not (the day is not over).
    private static int Streak(HashSet<DateOnly> planned, HashSet<DateOnly> done, DateOnly today)
    {
        var streak = 0;
        foreach (var date in planned.Where(d => d < today || done.Contains(d)).OrderDescending())
        {
            if (!done.Contains(date)) break;
            streak++;
        }

        return streak;
    }
}
