using System.Net;
using KneeRehab.Web.Data;
using Microsoft.Data.Sqlite;

namespace KneeRehab.Tests.Data;

[Collection(AppProcess.Collection)]
// What only SQLite has: its file and its backups.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kneerehab-backup-").FullName;

    private string DatabasePath => Path.Combine(_folder, "kneerehab.db");

    private static int Backup(string file, string database, TextWriter output) =>
        BackupCommand.Run(["backup", file, "--ConnectionStrings:KneeRehab", $"Data Source={database}"], output);

    [Fact]
    public async Task A_backup_taken_while_patients_save_holds_every_workout_acknowledged_before_it_began()
    {
        var backup = Path.Combine(_folder, "backup.db");
        var output = new StringWriter();
        int exitCode;
        IReadOnlyList<AcknowledgedWorkout> before;
        await using (var app = await AppProcess.StartAsync(DatabasePath, _folder))
        {
            var burst = await WorkoutBurst.PrepareAsync(app, patients: 3);
            using var stop = new CancellationTokenSource();
            var running = burst.RunAsync(stop.Token);
            await burst.WaitForAsync(20);

            before = burst.Acknowledged;
            exitCode = await Task.Run(() => Backup(backup, DatabasePath, output), TestContext.Current.CancellationToken);
            // The patients go on saving after the backup too; then the app stops.
            await burst.WaitForAsync(before.Count + 10);
            await stop.CancelAsync();
            await running;
            Assert.Equal(0, await app.StopAsync());
        }

        Assert.Equal(0, exitCode);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Backed up {DatabasePath} to {backup}", line);

        // Restore as the README says: the backup becomes the app's file (no -wal or -shm beside it) and the app starts on it.
        using var restored = new KneeRehabFactory();
        File.Copy(backup, restored.DatabasePath);
        using var health = await restored.CreateBrowserClient().GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var db = restored.OpenDatabase();
        await WorkoutBurst.AssertStoredWholeAsync(db, before);
        await WorkoutBurst.AssertNoneHalfWrittenAsync(db);
    }

    [Fact]
    public void Backup_refuses_a_missing_database_an_existing_file_and_a_missing_folder()
    {
        var missing = Path.Combine(_folder, "missing.db");
        var output = new StringWriter();

        Assert.Equal(1, Backup(Path.Combine(_folder, "copy.db"), missing, output));
        Assert.Contains($"No database at {missing}", output.ToString());
        Assert.False(File.Exists(missing), "a backup must not create the database it did not find");

        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t (x);";
            create.ExecuteNonQuery();
        }
        var existing = Path.Combine(_folder, "existing.db");
        File.WriteAllText(existing, "keep me");
        output = new StringWriter();
        Assert.Equal(1, Backup(existing, DatabasePath, output));
        Assert.Contains("already exists", output.ToString());
        Assert.Equal("keep me", File.ReadAllText(existing));

        var nowhere = Path.Combine(_folder, "no-such-folder", "copy.db");
        output = new StringWriter();
        Assert.Equal(1, Backup(nowhere, DatabasePath, output));
        Assert.Contains("does not exist", output.ToString());

        output = new StringWriter();
        Assert.Equal(2, BackupCommand.Run(["backup"], output));
        Assert.StartsWith("usage: backup <file>", output.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
