using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.Tests.Programs;

/// <summary>
/// Two phones, two tabs or two app instances saving for the same patient at the same moment, each on its own
/// connection: every workout gets its decisions once, no phase change is made twice, and each week's summary is
/// written once (Data/PatientLock.cs on PostgreSQL; SQLite's one writer at a time).
/// </summary>
public sealed class ConcurrentSavesTests : IDisposable
{
    private readonly KneeRehabFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Workouts_saved_at_the_same_moment_each_get_their_decisions_once_and_the_record_is_what_one_walk_decides()
    {
        var (_, enrollment) = await _factory.StartedAsync("runners-knee", startedDaysAgo: 40);
        // Twenty workouts, two at a time: enough for the program to reach the end of a phase (and repeat it) on the way.
        for (var day = 39; day > 0; day -= 4)
        {
            var first = _factory.ProgramWorkout(enrollment, daysAgo: day);
            var second = _factory.ProgramWorkout(enrollment, daysAgo: day - 2);
            await Task.WhenAll(Task.Run(() => SaveAsync(enrollment.Id, first), Ct), Task.Run(() => SaveAsync(enrollment.Id, second), Ct));
        }

        var stored = await RecordAsync(enrollment.Id);
        Assert.Equal(20, stored.Workouts);
        Assert.Equal(stored.Decisions.Count, stored.Decisions.Distinct().Count());
        Assert.True(stored.Transitions.Any(t => t.Contains("|PhaseAdvanced|", StringComparison.Ordinal) || t.Contains("|PhaseRepeated|", StringComparison.Ordinal)), string.Join("\n", stored.Transitions) + "\n" + stored.Phase);

        // One walk through the same workouts in order decides exactly what the concurrent saves stored.
        await _factory.RecordFromAsync(enrollment.Id, enrollment.StartedOn);
        var walkedOnce = await RecordAsync(enrollment.Id);
        Assert.Equal(walkedOnce.Decisions, stored.Decisions);
        Assert.Equal(walkedOnce.Transitions, stored.Transitions);
        Assert.Equal(walkedOnce.Phase, stored.Phase);
    }

    /// <summary>What /today does when a workout is saved, in a request (a scope) of its own.</summary>
    private async Task SaveAsync(int enrollmentId, Workout workout)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var enrollment = await db.Enrollments.SingleAsync(e => e.Id == enrollmentId);
        await scope.ServiceProvider.GetRequiredService<ProgramRecord>().SaveWorkoutAsync(workout, enrollment);
    }

    private sealed record Record(int Workouts, List<string> Decisions, List<string> Transitions, string Phase);

    private async Task<Record> RecordAsync(int enrollmentId)
    {
        await using var db = _factory.OpenDatabase();
        var decisions = await db.ProgramDecisions.AsNoTracking().Where(d => d.EnrollmentId == enrollmentId).ToListAsync();
        var transitions = await db.ProgramTransitions.AsNoTracking().Where(t => t.EnrollmentId == enrollmentId).ToListAsync();
        var enrollment = await db.Enrollments.AsNoTracking().SingleAsync(e => e.Id == enrollmentId);
        return new Record(
            await db.Workouts.CountAsync(w => w.EnrollmentId == enrollmentId),
            [.. decisions.Select(d => $"{d.WorkoutId}|{d.Date}|{d.ExerciseSlug}|{d.PhaseIndex}|{d.Kind}|{d.Next}|{d.Reasons}").Order(StringComparer.Ordinal)],
            [.. transitions.Select(t => $"{t.Date}|{t.Kind}|{t.WorkoutId}|{t.PhaseIndex}|{t.Status}").Order(StringComparer.Ordinal)],
            $"{enrollment.PhaseIndex}|{enrollment.PhaseStartedOn}|{enrollment.Status}");
    }

    public void Dispose() => _factory.Dispose();
}
