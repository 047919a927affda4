using KneeRehab.Web.Outcomes;

namespace KneeRehab.Tests.Outcomes;

/// <summary>The adherence calendar: statuses, percentage and streak (issue 6).</summary>
public class AdherenceTests
{
    private static readonly DateOnly Today = new(2025, 3, 12);

    private static DateOnly Day(int dayOfMarch) => new(2025, 3, dayOfMarch);

    private static DateOnly[] Days(params int[] daysOfMarch) => [.. daysOfMarch.Select(Day)];

    private static Adherence Calculate(int[] planned, int[] done, int from = 1, int to = 12) =>
        Adherence.Calculate(Days(planned), Days(done), Day(from), Day(to), Today);

    private static DayStatus StatusOn(Adherence adherence, int dayOfMarch) =>
        adherence.Days.Single(d => d.Date == Day(dayOfMarch)).Status;

    [Fact]
    public void Every_day_gets_its_status()
    {
        var adherence = Calculate(planned: [2, 4, 6, 12, 14], done: [2, 5, 6], from: 1, to: 15);

        Assert.Equal(
            [
                DayStatus.Rest, DayStatus.Done, DayStatus.Rest, DayStatus.Missed, DayStatus.Extra,
                DayStatus.Done, DayStatus.Rest, DayStatus.Rest, DayStatus.Rest, DayStatus.Rest,
                DayStatus.Rest, DayStatus.Upcoming, DayStatus.Rest, DayStatus.Upcoming, DayStatus.Rest,
            ],
            adherence.Days.Select(d => d.Status));
        Assert.Equal(Days([.. Enumerable.Range(1, 15)]), adherence.Days.Select(d => d.Date));
    }

    [Fact]
    public void Yesterday_planned_and_not_done_is_missed_today_is_upcoming()
    {
        var adherence = Calculate(planned: [11, 12], done: []);

        Assert.Equal(DayStatus.Missed, StatusOn(adherence, 11));
        Assert.Equal(DayStatus.Upcoming, StatusOn(adherence, 12));
    }

    [Fact]
    public void Today_planned_and_done_is_done()
    {
        var adherence = Calculate(planned: [12], done: [12]);

        Assert.Equal(DayStatus.Done, StatusOn(adherence, 12));
        Assert.Equal(100.0, adherence.Percentage);
        Assert.Equal(1, adherence.CurrentStreak);
    }

    [Fact]
    public void Several_workouts_on_one_day_count_once()
    {
        var adherence = Adherence.Calculate(Days(3, 3, 5, 5), Days(3, 3, 3, 5), Day(1), Day(12), Today);

        Assert.Equal(12, adherence.Days.Count);
        Assert.Equal(2, adherence.PlannedDone);
        Assert.Equal(2, adherence.PlannedDue);
        Assert.Equal(100.0, adherence.Percentage);
        Assert.Equal(2, adherence.CurrentStreak);
    }

    // Percentage: done planned days / planned days that are past or done.

    [Fact]
    public void Percentage_counts_done_against_due_and_leaves_out_upcoming_extra_and_rest_days()
    {
        var adherence = Calculate(planned: [2, 4, 6, 12, 14], done: [2, 5, 6, 8], from: 1, to: 15);

        Assert.Equal(2, adherence.PlannedDone);
        Assert.Equal(3, adherence.PlannedDue);
        Assert.Equal(200.0 / 3, adherence.Percentage!.Value, 10);
    }

    [Fact]
    public void Percentage_of_all_missed_is_zero()
    {
        var adherence = Calculate(planned: [2, 4], done: [3]);

        Assert.Equal(0.0, adherence.Percentage);
    }

    [Fact]
    public void Percentage_is_null_without_planned_days()
    {
        var adherence = Calculate(planned: [], done: [2, 3]);

        Assert.Null(adherence.Percentage);
        Assert.Equal(0, adherence.PlannedDue);
        Assert.Equal(0, adherence.CurrentStreak);
        Assert.All(adherence.Days, d => Assert.NotEqual(DayStatus.Done, d.Status));
    }

    [Fact]
    public void Percentage_is_null_when_the_only_planned_days_are_upcoming()
    {
        var adherence = Calculate(planned: [12, 14], done: [], from: 1, to: 15);

        Assert.Null(adherence.Percentage);
        Assert.Equal(0, adherence.CurrentStreak);
    }

    [Fact]
    public void Percentage_counts_only_the_range()
    {
        var adherence = Calculate(planned: [2, 4, 8, 10], done: [8, 10], from: 7, to: 12);

        Assert.Equal(100.0, adherence.Percentage);
        Assert.Equal(6, adherence.Days.Count);
        Assert.Equal(Day(7), adherence.Days[0].Date);
        Assert.Equal(Day(12), adherence.Days[^1].Date);
    }

    // Streak: planned days done in a row, back from the most recent planned day that is not upcoming.

    [Fact]
    public void Streak_counts_planned_days_done_in_a_row_across_rest_days()
    {
        var adherence = Calculate(planned: [2, 5, 8, 11], done: [2, 5, 8, 11]);

        Assert.Equal(4, adherence.CurrentStreak);
    }

    [Fact]
    public void A_missed_planned_day_breaks_the_streak()
    {
        var adherence = Calculate(planned: [2, 5, 8, 11], done: [2, 8, 11]);

        Assert.Equal(2, adherence.CurrentStreak);
    }

    [Fact]
    public void A_most_recent_missed_day_leaves_no_streak()
    {
        var adherence = Calculate(planned: [2, 5, 8, 11], done: [2, 5, 8]);

        Assert.Equal(0, adherence.CurrentStreak);
    }

    [Fact]
    public void Today_not_yet_done_does_not_break_the_streak()
    {
        var adherence = Calculate(planned: [8, 10, 12], done: [8, 10]);

        Assert.Equal(2, adherence.CurrentStreak);
        Assert.Equal(DayStatus.Upcoming, StatusOn(adherence, 12));
    }

    [Fact]
    public void Today_done_adds_to_the_streak()
    {
        var adherence = Calculate(planned: [8, 10, 12], done: [8, 10, 12]);

        Assert.Equal(3, adherence.CurrentStreak);
    }

    [Fact]
    public void Extra_workouts_neither_add_to_nor_break_the_streak()
    {
        var adherence = Calculate(planned: [4, 8], done: [4, 6, 8, 9]);

        Assert.Equal(2, adherence.CurrentStreak);
    }

    [Fact]
    public void An_extra_workout_does_not_make_up_for_a_missed_day()
    {
        var adherence = Calculate(planned: [4, 8], done: [4, 9]);

        Assert.Equal(0, adherence.CurrentStreak);
        Assert.Equal(DayStatus.Extra, StatusOn(adherence, 9));
    }

    [Fact]
    public void Streak_looks_past_the_start_of_the_range()
    {
        var adherence = Calculate(planned: [2, 4, 8, 10], done: [2, 4, 8, 10], from: 7, to: 12);

        Assert.Equal(4, adherence.CurrentStreak);
        Assert.Equal(2, adherence.PlannedDone);
    }

    [Fact]
    public void Streak_ignores_upcoming_days_after_the_end_of_the_range()
    {
        var adherence = Calculate(planned: [9, 11, 14, 16], done: [9, 11], from: 1, to: 12);

        Assert.Equal(2, adherence.CurrentStreak);
    }

    // The summary sentence.

    [Fact]
    public void Describe_gives_done_due_percentage_and_streak()
    {
        Assert.Equal(
            "You did 2 of 3 planned workouts (67%). Current streak: 1 planned workout in a row.",
            Calculate(planned: [2, 4, 6, 12], done: [2, 6]).Describe());
        Assert.Equal(
            "You did 3 of 3 planned workouts (100%). Current streak: 3 planned workouts in a row.",
            Calculate(planned: [2, 4, 6], done: [2, 4, 6]).Describe());
    }

    [Fact]
    public void Describe_says_when_nothing_was_due() =>
        Assert.Equal(
            "No planned workouts were due in this period. Current streak: 0 planned workouts in a row.",
            Calculate(planned: [12], done: []).Describe());

    [Fact]
    public void A_one_day_range_is_allowed_and_a_reversed_range_is_rejected()
    {
        Assert.Single(Calculate(planned: [5], done: [5], from: 5, to: 5).Days);
        Assert.Throws<ArgumentException>(() => Calculate(planned: [], done: [], from: 6, to: 5));
    }
}
