using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeRehab.Web.Data;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "KneeRehab";
    private const string DefaultConnectionString = "Data Source=data/kneerehab.db";

    /// <summary>The configured SQLite connection, or the default file; a relative file is under the content root (the working folder).</summary>
    public static SqliteConnectionStringBuilder Connection(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (!IsInMemory(connection)) connection.DataSource = Path.GetFullPath(connection.DataSource, contentRoot);
        return connection;
    }

    private static bool IsInMemory(SqliteConnectionStringBuilder connection) =>
        connection.DataSource.StartsWith(':') || connection.Mode == SqliteOpenMode.Memory;

    /// <summary>SQLite by default: a file under the app's working folder, whose folder is created when missing.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var connection = Connection(builder.Configuration, builder.Environment.ContentRootPath);
        // Pooled: a request reuses a context instead of building one (its options, its services) every time.
        builder.Services.AddDbContextPool<KneeRehabDbContext>(options => options
            .UseSqlite(connection.ToString())
            .AddInterceptors(new SqlitePragmas(), new SqliteFaultRecovery()));
        builder.Services.AddExceptionHandler<DatabaseFaultHandler>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new DatabasePreparation(
            IsInMemory(connection) ? null : connection.DataSource,
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<DatabasePreparation>>()));
        return builder;
    }

    /// <summary>
    /// Applies pending migrations before the first request. When the database cannot be written, the app starts
    /// anyway and the requests try again (see <see cref="DatabasePreparation"/>).
    /// </summary>
    public static void MigrateDatabase(this WebApplication app)
    {
        var preparation = app.Services.GetRequiredService<DatabasePreparation>();
        preparation.TryPrepareAsync(fromRequest: false, CancellationToken.None).GetAwaiter().GetResult();
        app.Use(async (context, next) =>
        {
            if (!preparation.IsReady) await preparation.TryPrepareAsync(fromRequest: true, context.RequestAborted);
            await next(context);
        });
    }
}
