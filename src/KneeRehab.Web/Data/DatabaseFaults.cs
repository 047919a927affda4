using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static SQLitePCL.raw;

namespace KneeRehab.Web.Data;

/// <summary>
/// The database failures that are about the file or the server, not about the request: read-only, cannot be opened,
/// an I/O error, a full disk, held locked too long, damaged; on PostgreSQL a server that cannot be reached, is
/// shutting down, or has no room. They pass when the disk, its permissions or the server are put right, so the app
/// reports them honestly (a message, a 503) and keeps running instead of treating them as bugs.
/// </summary>
public static class DatabaseFaults
{
    public const string WorkoutNotSaved =
        "We could not save your workout just now: nothing was stored. Your entries are still here; try Save again in a minute.";

    private static readonly int[] Codes = [SQLITE_BUSY, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB];

    /// <summary>True for such a failure anywhere in the chain (EF Core wraps it in a DbUpdateException).</summary>
    public static bool IsUnavailable(Exception exception) => SqliteCode(exception) is not null || PostgresFault(exception) is not null;

    /// <summary>The SQLite error code of such a failure, or null when the exception is something else.</summary>
    public static int? SqliteCode(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && Codes.Contains(sqlite.SqliteErrorCode)) return sqlite.SqliteErrorCode;
        }
        return null;
    }

    /// <summary>
    /// PostgreSQL's side: the server cannot be reached or the connection broke (class 08, or no answer at all), it
    /// is out of room (53), shutting down or starting (57P), or a read-only standby (25006).
    /// </summary>
    private static string? PostgresFault(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction:
                    return $"PostgreSQL error {p.SqlState}: {p.MessageText}";
                case NpgsqlException n when n is not PostgresException && (n.IsTransient || n.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException):
                    return "PostgreSQL cannot be reached";
            }
        }
        return null;
    }

    /// <summary>
    /// A row that breaks a unique index, such as a workout whose form was sent twice: the caller finds the row the
    /// first send stored.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException is
        SqliteException { SqliteErrorCode: SQLITE_CONSTRAINT } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>"SQLite error 8: read-only": short enough for /healthz, and without the file's path or the server's address.</summary>
    public static string Describe(Exception exception) => PostgresFault(exception) ?? SqliteCode(exception) switch
    {
        SQLITE_BUSY => "SQLite error 5: locked by another writer for too long",
        SQLITE_READONLY => "SQLite error 8: read-only",
        SQLITE_IOERR => "SQLite error 10: disk I/O error",
        SQLITE_CORRUPT or SQLITE_NOTADB => "SQLite error 11/26: the file is damaged or not a database",
        SQLITE_FULL => "SQLite error 13: the disk is full",
        SQLITE_CANTOPEN => "SQLite error 14: the file or its folder cannot be opened",
        _ => exception.GetType().Name,
    };

    /// <summary>
    /// A save that failed this way: the same page again, as the patient filled it in (the posted values are still in
    /// the model state), with <paramref name="message"/> at the top, 503 and a Retry-After. Call it from the handler's
    /// catch, so each page says what was not saved.
    /// </summary>
    public static PageResult NotSaved(PageModel page, string message)
    {
        page.ModelState.AddModelError(string.Empty, message);
        page.Response.Headers.RetryAfter = "60";
        var result = page.Page();
        result.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return result;
    }
}
