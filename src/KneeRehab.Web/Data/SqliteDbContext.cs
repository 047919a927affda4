using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

/// <summary>The embedded default: one file on one machine. Its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : KneeRehabDbContext(options)
{
    /// <summary>A context on a SQLite file outside the app's services: the commands and the simulator.</summary>
    public static SqliteDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options);
}
