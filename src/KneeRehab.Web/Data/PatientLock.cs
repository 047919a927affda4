using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

/// <summary>
/// One patient's saves, one transaction at a time. Two saves for the same patient at once (two tabs, two phones, two
/// app instances) would each read the week's summary and the program's record without the other's workout, and both
/// write: a decision or a phase change made twice, a summary row inserted twice. On PostgreSQL the save takes an
/// advisory lock on the patient's id, held until its transaction ends (taking it again in the same transaction costs
/// nothing), so the second save waits and then reads everything the first one stored. SQLite's write transactions
/// already run one at a time. Other patients' saves never wait.
/// </summary>
public static class PatientLock
{
    /// <summary>Call inside the save's transaction, before reading what the save will write back.</summary>
    public static async Task TakeAsync(KneeRehabDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({userId}, 0))", cancellationToken);
    }
}
