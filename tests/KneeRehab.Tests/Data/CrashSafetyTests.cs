using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using Microsoft.Data.Sqlite;

namespace KneeRehab.Tests.Data;

/// <summary>
/// The app as its own process, killed and stopped while patients are saving: nothing it acknowledged may be lost,
/// and nothing may be left half-written (synchronous=FULL, WAL, one transaction per workout).
/// </summary>
[Collection(AppProcess.Collection)]
// What only SQLite has: its file.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kneerehab-crash-").FullName;

    private string DatabasePath => Path.Combine(_folder, "kneerehab.db");

    [Fact]
    public async Task Every_workout_acknowledged_before_a_kill_9_is_there_and_whole_after_a_restart()
    {
        IReadOnlyList<AcknowledgedWorkout> acknowledged;
        await using (var app = await AppProcess.StartAsync(DatabasePath, _folder))
        {
            var burst = await WorkoutBurst.PrepareAsync(app, patients: 4);
            using var stop = new CancellationTokenSource();
            var running = burst.RunAsync(stop.Token);
            await burst.WaitForAsync(40);

            // Mid-burst: every patient is saving again, so saves are in flight when the process dies.
            await app.KillAsync();
            await running;
            acknowledged = burst.Acknowledged;
            TestContext.Current.TestOutputHelper?.WriteLine($"{acknowledged.Count} workouts acknowledged, {burst.CutOff} saves cut off by the kill");
        }

        // The same file again: SQLite recovers its write-ahead log, and the app starts healthy.
        await using (var restarted = await AppProcess.StartAsync(DatabasePath, _folder))
            Assert.Equal(0, await restarted.StopAsync());

        await using var db = AppProcess.OpenDatabase(DatabasePath);
        await WorkoutBurst.AssertStoredWholeAsync(db, acknowledged);
        await WorkoutBurst.AssertNoneHalfWrittenAsync(db);
    }

    [Fact]
    public async Task Sigterm_lets_the_saves_in_flight_finish_and_answer()
    {
        await using var app = await AppProcess.StartAsync(DatabasePath, _folder);
        var patients = new List<(HttpClient Client, IHtmlDocument Page)>();
        for (var i = 0; i < 4; i++)
        {
            var client = await app.CreateUserClientAsync();
            patients.Add((client, await client.StartWorkoutAsync("ball-bridge", "clamshell")));
        }

        // The test holds SQLite's write lock, so each save below waits inside its request (busy_timeout) until
        // the test lets go: the saves are certainly in flight when SIGTERM arrives, whatever the machine's speed.
        await using var writer = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await writer.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await writer.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var saves = patients.Select(p => WorkoutBurst.SaveAsync(p.Client, p.Page)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        app.SendSigterm();
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await transaction.RollbackAsync(TestContext.Current.CancellationToken);

        // Every save that was sent gets its answer (an exception here is a request cut off by the shutdown).
        var answers = await Task.WhenAll(saves);
        Assert.All(answers, Assert.NotNull);
        Assert.Equal(0, await app.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        await using var db = AppProcess.OpenDatabase(DatabasePath);
        await WorkoutBurst.AssertStoredWholeAsync(db, answers.OfType<AcknowledgedWorkout>());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
