using System.Globalization;
using System.Text;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeRehab.Tests;

/// <summary>
/// Every row of every table of the app's database, as text: two equal fingerprints mean nothing was written in
/// between. Read through its own connection (read-only on SQLite, a read-only transaction on PostgreSQL), so that
/// taking one changes nothing either.
/// </summary>
public static class DatabaseFingerprint
{
    /// <summary>Starts each table's rows; a control character, so that no stored text can look like one.</summary>
    private const string TableMark = "\u001e#";

    /// <summary>The fingerprint of the database a factory's app uses (<see cref="KneeRehabFactory.Database"/>).</summary>
    public static string Of(string database, params string[] except)
    {
        var postgres = TestDatabase.Provider == Web.Data.DatabaseProvider.Postgres;
        using DbConnection connection = postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(database) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var readOnly = postgres ? connection.BeginTransaction() : null;
        if (readOnly is not null)
        {
            using var setReadOnly = connection.CreateCommand();
            setReadOnly.CommandText = "SET TRANSACTION READ ONLY";
            setReadOnly.ExecuteNonQuery();
        }
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\""
                : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var text = new StringBuilder();
        foreach (var table in tables.Except(except))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = select.ExecuteReader();
            text.Append(TableMark).Append(table).Append('\n');
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>A fingerprint without some tables' rows: what <see cref="Of"/> gives when told to leave them out.</summary>
    public static string Without(string fingerprint, params string[] tables)
    {
        foreach (var table in tables)
        {
            var start = fingerprint.IndexOf($"{TableMark}{table}\n", StringComparison.Ordinal);
            if (start < 0) continue;
            var end = fingerprint.IndexOf(TableMark, start + 1, StringComparison.Ordinal);
            fingerprint = fingerprint[..start] + (end < 0 ? "" : fingerprint[end..]);
        }
        return fingerprint;
    }

    /// <summary>The rows that differ between two fingerprints, for a message that says what was written.</summary>
    public static string Difference(string before, string after, int atMost = 10)
    {
        var old = before.Split('\n');
        var now = after.Split('\n');
        return string.Join('\n', old.Except(now).Select(line => "- " + line).Concat(now.Except(old).Select(line => "+ " + line)).Take(atMost));
    }
}
