using System.Net;
using System.Text.Json;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Health;

/// <summary>
/// A database whose file and folder are made read-only with chmod, for the app as a separate process: as root the
/// test runs it without the capabilities that let root ignore permissions (see <see cref="AppProcess.StartAsync"/>).
/// </summary>
[Collection(AppProcess.Collection)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
// What only SQLite has: its file.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public sealed class ReadOnlyDatabaseTests : IDisposable
{
    private const UnixFileMode ReadOnlyFile = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode WritableFile = ReadOnlyFile | UnixFileMode.UserWrite;
    private const UnixFileMode ReadOnlyFolder = ReadOnlyFile | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode WritableFolder = ReadOnlyFolder | UnixFileMode.UserWrite;

    private readonly string _home = Directory.CreateTempSubdirectory("kneerehab-readonly-").FullName;

    private string DataFolder => Path.Combine(_home, "data");

    private string DatabasePath => Path.Combine(DataFolder, "kneerehab.db");

    [Fact]
    public async Task A_read_only_database_answers_503_keeps_the_typed_workout_and_recovers_without_a_restart()
    {
        // A patient with a workout form filled in, on a database that worked; the app then stops.
        Directory.CreateDirectory(DataFolder);
        var cookies = new AppProcess.CookieStore();
        AngleSharp.Html.Dom.IHtmlDocument page;
        int port;
        await using (var first = await AppProcess.StartAsync(DatabasePath, _home))
        {
            using var client = await first.CreateUserClientAsync(cookies);
            page = await client.StartWorkoutAsync("ball-bridge");
            port = first.Port;
            Assert.Equal(0, await first.StopAsync());
        }

        // The database file and its folder become read-only, and the app starts on them (same address and keys,
        // so the patient's cookie and form still fit): it starts, says so in one line, and answers 503.
        File.SetUnixFileMode(DatabasePath, ReadOnlyFile);
        File.SetUnixFileMode(DataFolder, ReadOnlyFolder);
        await using var app = await AppProcess.StartAsync(DatabasePath, _home, port, healthy: false);
        using var patient = app.CreateClient(cookies);
        // A monitor has no sign-in cookie (checking one needs the database too).
        using var monitor = app.CreateClient();
        var (status, health) = await HealthzAsync(monitor);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["database"], health.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
        var line = Assert.Single(await app.LogLinesAsync("cannot be prepared"));
        Assert.Contains(DatabasePath, line);

        // Without its folder SQLite cannot even read a WAL database: a page that needs it fails, honestly.
        using var history = await patient.GetAsync("/history", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, history.StatusCode);
        var error = (await history.ToDocumentAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("cannot be reached just now", error);
        Assert.DoesNotContain("lost", error);

        // The folder writable again, the file still read-only: the page reads, but the save cannot be written.
        // The patient gets the form back as typed, with the message, and nothing is stored.
        File.SetUnixFileMode(DataFolder, WritableFolder);
        using var refused = await patient.SaveAsync(page, new Dictionary<string, string>
        {
            ["Input.Exercises[0].Sets[0].Reps"] = "7",
            ["Input.PainForAll"] = "2",
            ["Input.Notes"] = "Typed while the disk was read-only",
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        page = await refused.ToDocumentAsync();
        Assert.Equal(DatabaseFaults.WorkoutNotSaved, page.QuerySelector("form.workout-form .error-summary li")?.TextContent.Trim());
        Assert.Equal("7", page.Field("Input.Exercises[0].Sets[0].Reps"));
        Assert.Equal("2", page.Field("Input.PainForAll"));
        Assert.Equal("Typed while the disk was read-only", page.Field("Input.Notes"));
        Assert.Equal(0, await CountWorkoutsAsync());

        // The fault is put right (the file and the -wal and -shm SQLite made beside it meanwhile): without a
        // restart the health check turns 200, and the same form saves once.
        foreach (var file in Directory.GetFiles(DataFolder)) File.SetUnixFileMode(file, WritableFile);
        await WaitUntilHealthyAsync(monitor);
        using var saved = await patient.SaveAsync(page);
        saved.AssertRedirect("/history/");
        using var again = await patient.SaveAsync(page);
        Assert.Equal(saved.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await CountWorkoutsAsync());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthzAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, json.RootElement.Clone());
    }

    /// <summary>Polls /healthz; recovery needs no restart, but may take a few requests on a busy machine.</summary>
    private static async Task WaitUntilHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var (status, body) = await HealthzAsync(client);
            if (status == HttpStatusCode.OK) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"still unhealthy: {body}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Counts through a read-only connection, so the test itself writes nothing.</summary>
    private async Task<int> CountWorkoutsAsync()
    {
        await using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>()
            .UseSqlite($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False").Options);
        return await db.Workouts.CountAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder)) File.SetUnixFileMode(DataFolder, WritableFolder);
        try { Directory.Delete(_home, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
