using KneeRehab.Web.Data;
using Npgsql;

namespace KneeRehab.Tests;

/// <summary>
/// The database the integration tests run on: a SQLite file per test class by default, or, when
/// <c>KNEEREHAB_TEST_POSTGRES</c> names a PostgreSQL server, a database of its own on that server per test class.
/// <c>.ci/run</c> runs the suite a second time that way, on a throwaway server. Tests of what only SQLite has (its file,
/// its backups, its read-only and crash behaviour) carry <c>[Trait("Database", "Sqlite")]</c> and are left out of that run.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "KNEEREHAB_TEST_POSTGRES";

    /// <summary>For <c>[Trait(Trait, SqliteOnly)]</c>.</summary>
    public const string Trait = "Database";

    public const string SqliteOnly = "Sqlite";

    /// <summary>The server's connection string without a database, for example "Host=127.0.0.1;Port=55432;Username=postgres".</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public static DatabaseProvider Provider => PostgresServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    /// <summary>A new, empty database's connection string on the test server; the app creates it when it migrates.</summary>
    public static string NewPostgresDatabase() =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"kneerehab_test_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>Drops a database made by <see cref="NewPostgresDatabase"/>, closing whatever connections it still has.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    /// <summary>A context on the given database, outside the app, for arranging data and checking what was stored.</summary>
    public static KneeRehabDbContext Open(string connectionString) => Provider == DatabaseProvider.Postgres
        ? PostgresDbContext.Open(connectionString)
        : SqliteDbContext.Open(connectionString);
}
