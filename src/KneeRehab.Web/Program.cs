using KneeRehab.Web.Accounts;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Health;
using KneeRehab.Web.Workouts;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Security;
using Serilog;

if (args is [CheckContentCommand.Name, ..])
    return CheckContentCommand.Run(args, Console.Out);
if (args is [SimulateCommand.Name, ..])
    return SimulateCommand.Run(args, Console.Out);
if (args is [BackupCommand.Name, ..])
    return BackupCommand.Run(args, Console.Out);
if (args is [SeedBenchCommand.Name, ..])
    return SeedBenchCommand.Run(args, Console.Out);
if (args is [GrantPhysioCommand.Grant or GrantPhysioCommand.Revoke, ..])
    return GrantPhysioCommand.Run(args, Console.Out);

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.With<ShareTokenRedaction>());
try
{
    builder.AddContentLibrary();
}
catch (InvalidContentException e)
{
    Console.Error.WriteLine("KneeRehab cannot start: the content is invalid.");
    Console.Error.WriteLine(e.Message);
    return 1;
}
builder.AddDatabase();
builder.AddAccounts();
builder.AddHostingSecurity();
builder.AddWorkoutPages();
builder.AddPrograms();
builder.AddClinic();
builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
builder.AddHealthz();
// On SIGTERM, requests in flight finish first; a save may wait up to 10 s for SQLite's write lock (SqlitePragmas).
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));

var app = builder.Build();

app.MigrateDatabase();
app.FillProgramRecords();
app.UseHostingSecurity();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error");
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/status/{0}");
// This app's own logger, not the process-wide static one (several hosts share a test process).
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
// After authentication: signed-in requests are never served from the cache (Content/ContentCache.cs).
app.UseOutputCache();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapHealthz();

app.Run();
return 0;
