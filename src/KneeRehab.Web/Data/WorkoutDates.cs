using Microsoft.EntityFrameworkCore;

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

    /// <summary>Today's date where the user is; an unknown or missing zone is UTC.</summary>
    public static DateOnly TodayIn(this TimeProvider clock, string? timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), FindZone(timeZoneId)).DateTime);

    /// <summary>Today's date where the user is, from the time zone in their preferences.</summary>
    public static async Task<DateOnly> TodayForAsync(this KneeRehabDbContext db, TimeProvider clock, string userId) =>
        clock.TodayIn(await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstOrDefaultAsync());

    /// <summary>A stored UTC instant as the clock on the patient's wall showed it.</summary>
    public static DateTime InZone(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static TimeZoneInfo FindZone(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
