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
        // The app keeps every instant as a UTC DateTime, as on SQLite. Npgsql writes only UTC-kind values to
        // "timestamp with time zone", and a DateTime read back from a form or a file has no kind: it is UTC here.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTime>();
    }

    private sealed class UtcDateTime() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc), value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
