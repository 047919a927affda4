using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

/// <summary>
/// Gets the database ready: creates its folder, applies pending migrations, switches SQLite to WAL and runs the work that
/// must follow (<see cref="ThenRun"/>). At start-up a database that cannot be written (a read-only file or folder, a
/// folder that cannot be created, a full disk, a PostgreSQL server that cannot be reached) must not stop the app, or it would restart in a loop while the fault
/// lasts: one line is logged, the app serves what it can, <c>/healthz</c> answers 503, and each health check and the
/// requests (at most every few seconds) try again, so the app recovers by itself once the fault is gone.
/// Anything else (a migration that does not match the model) still stops the start-up, as it should.
/// </summary>
public sealed class DatabasePreparation(string? file, IServiceScopeFactory scopes, TimeProvider clock, ILogger<DatabasePreparation> logger) : IDisposable
{
    private static readonly TimeSpan RequestRetryInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private Action[] _followUps = [];
    private volatile bool _ready;
    private DateTimeOffset _nextRequestAttempt;

    public bool IsReady => _ready;

    /// <summary>The file, or the server: never the connection string, which may hold a password.</summary>
    private string Where => file ?? "the database server";

    /// <summary>Why the last attempt failed, in words safe to show on /healthz (no paths).</summary>
    public string? Problem { get; private set; }

    /// <summary>Adds work that needs the migrated database, and runs it now when the database can be written (else with the next successful attempt).</summary>
    public void ThenRun(Action followUp)
    {
        _followUps = [.. _followUps, followUp];
        _ready = false;
        TryPrepareAsync(fromRequest: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// True when the database is ready. A request does not wait for an attempt already running, and tries at most every
    /// few seconds, so a broken disk does not cost every request a migration attempt.
    /// </summary>
    public async Task<bool> TryPrepareAsync(bool fromRequest, CancellationToken cancellationToken)
    {
        if (_ready) return true;
        if (!await _oneAtATime.WaitAsync(fromRequest ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, cancellationToken)) return false;
        try
        {
            if (_ready) return true;
            var now = clock.GetUtcNow();
            if (fromRequest && now < _nextRequestAttempt) return false;
            _nextRequestAttempt = now + RequestRetryInterval;

            using var scope = scopes.CreateScope();
            if (file is not null) Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var database = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>().Database;
            await database.MigrateAsync(cancellationToken);
            // WAL lets readers and a writer work at once; it is stored in the file, so once is enough.
            if (database.IsSqlite()) await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            foreach (var followUp in _followUps) followUp();

            if (Problem is not null) logger.LogInformation("The database at {File} can be written again and is ready.", Where);
            Problem = null;
            _ready = true;
            return true;
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e) || e is IOException or UnauthorizedAccessException)
        {
            var problem = e is IOException or UnauthorizedAccessException ? "its folder cannot be created" : DatabaseFaults.Describe(e);
            // One line, not a stack trace per request: repeated attempts with the same outcome are not news.
            var level = problem == Problem ? LogLevel.Debug : LogLevel.Error;
            logger.Log(level, "The database at {File} cannot be prepared: {Problem} ({Message}). The app keeps running, /healthz answers 503, and it tries again until the database can be written.",
                Where, problem, e.GetBaseException().Message);
            Problem = problem;
            return false;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
