using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

/// <summary>
/// PostgreSQL, for several app instances on one database server. Its migrations are in Data/Migrations/Postgres.
/// The Data Protection keys live here too, so that a cookie or a form token made by one instance is read by another.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : KneeRehabDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public static PostgresDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString).Options);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // The app keeps every instant as a UTC DateTime, as on SQLite; stored as written, without a time zone conversion.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }
}
