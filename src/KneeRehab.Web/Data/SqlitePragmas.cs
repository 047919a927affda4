using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeRehab.Web.Data;

/// <summary>
/// Per-connection SQLite settings. synchronous=FULL: an acknowledged workout survives a power loss
/// (WAL's default, NORMAL, can lose the last commits). busy_timeout: concurrent writers wait for the
/// lock instead of failing. WAL itself is a property of the database file, set once at migration.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
