using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Data;

/// <summary>
/// The drift guard: each provider keeps its own migrations, so a change to the model needs a migration for both.
/// Checked without a server: the model the code builds against each provider's last migration.
/// </summary>
public class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = SqliteDbContext.Open("Data Source=:memory:");
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet ef migrations add NAME --context SqliteDbContext --output-dir Data/Migrations/Sqlite --project src/KneeRehab.Web");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = PostgresDbContext.Open("Host=127.0.0.1;Database=unused");
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: dotnet ef migrations add NAME --context PostgresDbContext --output-dir Data/Migrations/Postgres --project src/KneeRehab.Web -- --Database:Provider Postgres --ConnectionStrings:KneeRehab Host=localhost");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
