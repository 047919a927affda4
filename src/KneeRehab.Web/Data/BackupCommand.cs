using Microsoft.Data.Sqlite;

namespace KneeRehab.Web.Data;

/// <summary>
/// <c>dotnet run --project src/KneeRehab.Web -- backup &lt;file&gt;</c>: a consistent copy of the database while the
/// app keeps serving. SQLite's online backup API copies every page inside one read transaction, so the copy is the
/// database as it was at one moment, with every commit before it and none half-done; WAL lets the app go on writing
/// meanwhile. The database is found from the same <c>ConnectionStrings:KneeRehab</c> setting as the app's.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    private const string Usage = "usage: backup <file> [--ConnectionStrings:KneeRehab \"Data Source=...\"]";

    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine(Usage);
            return 2;
        }
        var target = Path.GetFullPath(args[1]);
        // The app's own configuration sources (appsettings, environment, command line) and working folder.
        var app = WebApplication.CreateBuilder(args[2..]);
        if (DatabaseRegistration.Provider(app.Configuration) == DatabaseProvider.Postgres)
            return Fail(output, "The database is PostgreSQL: back it up with pg_dump (README, \"Running at scale\").");
        var source = DatabaseRegistration.Connection(app.Configuration, app.Environment.ContentRootPath);

        if (source.DataSource.StartsWith(':') || source.Mode == SqliteOpenMode.Memory)
            return Fail(output, "The database is in memory: there is no file to back up.");
        if (!File.Exists(source.DataSource))
            return Fail(output, $"No database at {source.DataSource}: nothing to back up. Check ConnectionStrings:KneeRehab.");
        if (File.Exists(target) || Directory.Exists(target))
            return Fail(output, $"{target} already exists: a backup never overwrites. Choose a new file name.");
        if (!Directory.Exists(Path.GetDirectoryName(target)))
            return Fail(output, $"The folder {Path.GetDirectoryName(target)} does not exist: create it first.");

        try
        {
            // Read-only and unpooled: the backup cannot change the app's database, and leaves no connection behind.
            using var from = new SqliteConnection(new SqliteConnectionStringBuilder(source.ToString()) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }
        catch (SqliteException e)
        {
            File.Delete(target);
            File.Delete(target + "-journal");
            return Fail(output, $"The backup failed and nothing was written to {target}: {e.Message}");
        }
        output.WriteLine($"Backed up {source.DataSource} to {target} ({new FileInfo(target).Length / 1024} KB).");
        return 0;
    }

    private static int Fail(TextWriter output, string message)
    {
        output.WriteLine(message);
        return 1;
    }
}
