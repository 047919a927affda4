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

        builder.Services.AddDbContext<KneeRehabDbContext>(options => options.UseSqlite(connection.ToString()));
        return builder;
    }

    /// <summary>Applies pending migrations before the first request.</summary>
    public static void MigrateDatabase(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>().Database.Migrate();
    }
}
