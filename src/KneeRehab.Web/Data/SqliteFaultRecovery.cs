using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeRehab.Web.Data;

/// <summary>
/// Lets the app recover by itself once a database fault is gone. Microsoft.Data.Sqlite pools connections, and SQLite
/// opens a file it may not write read-only without saying so: a pooled connection opened during the fault stays
/// read-only (and one that could not open the WAL files stays broken) long after the permissions or the disk are
/// put right, until the pool prunes it minutes later. So on any such failure the pool is emptied; connections in
/// use are closed when they are returned, and the next request opens the file afresh. The app has one database,
/// so clearing every pool is the same as clearing its own.
/// </summary>
public sealed class SqliteFaultRecovery : IDbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearPoolsAfter(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolsAfter(eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => ClearPoolsAfter(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolsAfter(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ClearPoolsAfter(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolsAfter(eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>A busy database is not a broken connection: its connections are kept.</summary>
    public static void ClearPoolsAfter(Exception exception)
    {
        if (DatabaseFaults.SqliteCode(exception) is { } code && code != SQLitePCL.raw.SQLITE_BUSY) SqliteConnection.ClearAllPools();
    }
}
