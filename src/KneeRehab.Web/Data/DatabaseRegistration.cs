using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "KneeRehab";
    private const string DefaultConnectionString = "Data Source=data/kneerehab.db";

    /// <summary>SQLite by default: a file under the app's working folder, whose folder is created when missing.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        var connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (!connection.DataSource.StartsWith(':'))
        {
            connection.DataSource = Path.GetFullPath(connection.DataSource, builder.Environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(connection.DataSource)!);
        }

        builder.Services.AddDbContext<KneeRehabDbContext>(options => options
            .UseSqlite(connection.ToString())
            .AddInterceptors(new SqlitePragmas()));
        return builder;
    }

    /// <summary>Applies pending migrations before the first request.</summary>
    public static void MigrateDatabase(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>().Database;
        database.Migrate();
        // WAL lets readers and a writer work at once; it is stored in the file, so once is enough.
        database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }
}
