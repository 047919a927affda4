using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeRehab.Web.Data;

/// <summary>Which database the app keeps its data in (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, one app instance, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by several app instances (README, "Running at scale").</summary>
    Postgres,
}

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "KneeRehab";
    public const string ProviderSetting = "Database:Provider";
    private const string DefaultConnectionString = "Data Source=data/kneerehab.db";

    /// <summary>The configured provider; a value that is not one of them stops the start-up with a message that names the setting.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration[ProviderSetting];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderSetting} is '{value}'; it must be Sqlite (the default) or Postgres.");
    }

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

    /// <summary>SQLite by default (a file under the app's working folder, whose folder is created when missing), or PostgreSQL.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        string? file = null;
        if (Provider(builder.Configuration) == DatabaseProvider.Postgres)
            AddPostgres(builder);
        else
            file = AddSqlite(builder);
        builder.Services.AddExceptionHandler<DatabaseFaultHandler>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new DatabasePreparation(
            file,
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<DatabasePreparation>>()));
        return builder;
    }

    private static string? AddSqlite(WebApplicationBuilder builder)
    {
        var connection = Connection(builder.Configuration, builder.Environment.ContentRootPath);
        // Pooled: a request reuses a context instead of building one (its options, its services) every time.
        builder.Services.AddDbContextPool<KneeRehabDbContext, SqliteDbContext>(options => options
            .UseSqlite(connection.ToString())
            .AddInterceptors(new SqlitePragmas(), new SqliteFaultRecovery()));
        return IsInMemory(connection) ? null : connection.DataSource;
    }

    private static void AddPostgres(WebApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException($"{ProviderSetting} is Postgres, so ConnectionStrings:{ConnectionStringName} must name the server, for example \"Host=127.0.0.1;Port=5432;Database=kneerehab;Username=kneerehab;Password=...\".");
        builder.Services.AddDbContextPool<KneeRehabDbContext, PostgresDbContext>(options => options.UseNpgsql(connection));
        builder.Services.AddScoped(services => (PostgresDbContext)services.GetRequiredService<KneeRehabDbContext>());
        // Every instance reads and writes the same key ring, under one application name whatever folder it runs
        // from: a sign-in cookie or a form token made by one instance is accepted by the others.
        builder.Services.AddDataProtection()
            .SetApplicationName("KneeRehab")
            .PersistKeysToDbContext<PostgresDbContext>();
    }

    /// <summary>
    /// Applies pending migrations before the first request. When the database cannot be written, the app starts
    /// anyway and the requests try again (see <see cref="DatabasePreparation"/>). Several instances starting at once
    /// are safe: EF Core takes a lock on the migrations history while it migrates.
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
