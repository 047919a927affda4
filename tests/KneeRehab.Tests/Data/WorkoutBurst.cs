using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Data;

/// <summary>A workout the app acknowledged: its answer to the save was the redirect to <c>/history/{Id}</c>.</summary>
public sealed record AcknowledgedWorkout(int Id, Guid Key);

/// <summary>
/// Several patients logging workouts on /log at the same time through the real form, each save a new workout (its
/// own idempotency key), until stopped or until the app goes away. Every acknowledged save is recorded.
/// </summary>
public sealed class WorkoutBurst
{
    private const string Notes = "Logged in a burst";

    private readonly List<(HttpClient Client, IHtmlDocument Page)> _patients;
    private readonly ConcurrentQueue<AcknowledgedWorkout> _acknowledged = new();
    private int _cutOff;

    private WorkoutBurst(List<(HttpClient, IHtmlDocument)> patients) => _patients = patients;

    public IReadOnlyList<AcknowledgedWorkout> Acknowledged => [.. _acknowledged];

    /// <summary>Saves that got no answer because the app went away (for the test's output, not for assertions).</summary>
    public int CutOff => _cutOff;

    /// <summary>Registers the patients and fills in each one's /log form: a two-leg and a one-leg exercise, 3 entries.</summary>
    public static async Task<WorkoutBurst> PrepareAsync(AppProcess app, int patients)
    {
        var prepared = new List<(HttpClient, IHtmlDocument)>();
        for (var i = 0; i < patients; i++)
        {
            var client = await app.CreateUserClientAsync();
            prepared.Add((client, await client.StartWorkoutAsync("ball-bridge", "clamshell")));
        }
        return new WorkoutBurst(prepared);
    }

    /// <summary>Every patient saves one workout after another; a patient stops at the first failure to reach the app.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(_patients.Select(p => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await SaveAsync(p.Client, p.Page) is not { } saved) return;
                _acknowledged.Enqueue(saved);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                Interlocked.Increment(ref _cutOff);
                return;
            }
        }
    })));

    /// <summary>Saves the patient's form as a new workout; the acknowledged workout, or null when the app answered otherwise.</summary>
    public static async Task<AcknowledgedWorkout?> SaveAsync(HttpClient client, IHtmlDocument page)
    {
        var key = Guid.NewGuid();
        using var response = await client.SaveAsync(page, new Dictionary<string, string>
        {
            ["Input.IdempotencyKey"] = key.ToString(),
            ["Input.PainForAll"] = "1",
            ["Input.Notes"] = Notes,
        });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString is not { } location || !location.StartsWith("/history/", StringComparison.Ordinal))
            return null;
        return new AcknowledgedWorkout(int.Parse(location["/history/".Length..], System.Globalization.CultureInfo.InvariantCulture), key);
    }

    /// <summary>Waits until at least <paramref name="count"/> saves were acknowledged (generously: the machine may be busy).</summary>
    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (_acknowledged.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"only {_acknowledged.Count} of {count} saves acknowledged");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Checks that each workout is stored whole under its key: every workout of the burst is the same form, so each
    /// has 3 exercises (ball bridge, clamshell left and right) with all their sets, as many as the form had.
    /// </summary>
    public static async Task AssertStoredWholeAsync(KneeRehabDbContext db, IEnumerable<AcknowledgedWorkout> acknowledged)
    {
        var expected = acknowledged.ToList();
        var ids = expected.Select(a => a.Id).ToList();
        var stored = await db.Workouts.AsNoTracking().Where(w => ids.Contains(w.Id)).Include(w => w.Exercises).ThenInclude(e => e.Sets)
            .ToDictionaryAsync(w => w.Id, TestContext.Current.CancellationToken);
        Assert.All(expected, a =>
        {
            Assert.True(stored.TryGetValue(a.Id, out var workout), $"acknowledged workout {a.Id} is missing");
            Assert.Equal(a.Key, workout.IdempotencyKey);
            AssertWhole(workout);
        });
    }

    /// <summary>No workout of the burst is half-written: the committed ones are whole, and no exercise or set is left without its parent.</summary>
    public static async Task AssertNoneHalfWrittenAsync(KneeRehabDbContext db)
    {
        var all = await db.Workouts.AsNoTracking().Where(w => w.Notes == Notes).Include(w => w.Exercises).ThenInclude(e => e.Sets).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(all, AssertWhole);
        Assert.Equal(0, await db.WorkoutExercises.CountAsync(e => !db.Workouts.Any(w => w.Id == e.WorkoutId), TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.LoggedSets.CountAsync(s => !db.WorkoutExercises.Any(e => e.Id == s.WorkoutExerciseId), TestContext.Current.CancellationToken));
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var check = db.Database.GetDbConnection().CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    private static void AssertWhole(Workout workout)
    {
        Assert.Equal(["ball-bridge", "clamshell", "clamshell"], workout.Exercises.OrderBy(e => e.Position).Select(e => e.ExerciseSlug));
        Assert.Equal("3 exercises · 8 sets · 92 reps", workout.Summary());
    }
}
