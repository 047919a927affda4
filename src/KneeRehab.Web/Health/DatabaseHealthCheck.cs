using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeRehab.Web.Health;

/// <summary>
/// Healthy when the database is migrated and a write really reaches the disk. Answering a read is not enough: a
/// read-only file or folder, a full disk, a failing disk or another writer holding the lock still answer reads
/// while every save fails. The probe inserts a row into <c>HealthProbes</c> and deletes it again in one committed
/// transaction: SQLite writes and syncs the changed page, yet the data is left as it was, so checking health is not
/// a change to anyone's data. It goes through the app's own connections, so it fails when a save would, and its
/// failure also empties the connection pool (<see cref="SqliteFaultRecovery"/>). A database that could not be
/// prepared at start-up is tried again here first.
/// </summary>
public sealed class DatabaseHealthCheck(DatabasePreparation preparation, KneeRehabDbContext db) : IHealthCheck
{
    public const string Name = "database";

    /// <summary>
    /// How long the probe waits for the write lock. Saves wait longer (SqlitePragmas), but a lock held this long already
    /// stalls them, and a health check must answer within the few seconds load balancers give it.
    /// </summary>
    private const int LockWaitSeconds = 3;

    private const string LockWaitPragma = "PRAGMA busy_timeout = 3000;";

    private const string Probe = """INSERT OR REPLACE INTO "HealthProbes" ("Id") VALUES (1); DELETE FROM "HealthProbes" WHERE "Id" = 1;""";

    // Two instances probing at once: the second insert waits for the first transaction, which leaves no row.
    private const string PostgresProbe = """INSERT INTO "HealthProbes" ("Id") VALUES (1) ON CONFLICT DO NOTHING; DELETE FROM "HealthProbes" WHERE "Id" = 1;""";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await preparation.TryPrepareAsync(fromRequest: false, cancellationToken))
            return HealthCheckResult.Unhealthy($"not ready: {preparation.Problem}");
        try
        {
            var sqlite = db.Database.IsSqlite();
            await db.Database.OpenConnectionAsync(cancellationToken);
            // For this connection only until it is next opened, when SqlitePragmas sets the app's own wait again.
            if (sqlite) await db.Database.ExecuteSqlRawAsync(LockWaitPragma, cancellationToken);
            db.Database.SetCommandTimeout(LockWaitSeconds);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(sqlite ? Probe : PostgresProbe, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            return HealthCheckResult.Unhealthy($"cannot write: {DatabaseFaults.Describe(e)}");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
