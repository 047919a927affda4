using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KneeRehab.Web.Programs;

public static class ProgramsRegistration
{
    /// <summary>The progression engine with its thresholds from the <c>Progression</c> section (the fact sheet's defaults when absent).</summary>
    public static WebApplicationBuilder AddPrograms(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProgressionOptions>().BindConfiguration(ProgressionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => new ProgressionEngine(services.GetRequiredService<IOptions<ProgressionOptions>>().Value));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TodayPlanner>();
        builder.Services.AddScoped<ProgramRecord>();
        builder.Services.AddScoped<Milestones.MilestoneRecord>();
        return builder;
    }

    /// <summary>
    /// The engine's thresholds for the commands (<c>simulate</c>, <c>check-content</c>), read the way the site reads
    /// them (appsettings.json, environment variables such as <c>Progression__GreenStreak</c>, <c>--Progression:GreenStreak 3</c>),
    /// so a program is tried with the rules it will run under. Invalid thresholds fail here as they would at start-up.
    /// </summary>
    public static ProgressionOptions ProgressionOptionsFor(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal))])
            .Build();
        var options = configuration.GetSection(ProgressionOptions.Section).Get<ProgressionOptions>() ?? new();
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new(options), validateAllProperties: true);
        return options;
    }

    /// <summary>
    /// Once, for programs that were running before decisions were recorded: makes their record from their
    /// workouts, so every patient keeps their place. A program that has any decision is left alone.
    /// </summary>
    /// <remarks>It needs the migrated database: it runs at start-up, or as soon as the database can be written (DatabasePreparation).</remarks>
    public static void FillProgramRecords(this WebApplication app) =>
        app.Services.GetRequiredService<DatabasePreparation>().ThenRun(() => FillProgramRecordsNow(app));

    private static void FillProgramRecordsNow(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var record = scope.ServiceProvider.GetRequiredService<ProgramRecord>();
        var unrecorded = db.Enrollments
            .Where(e => e.EndedOn == null && !db.ProgramDecisions.Any(d => d.EnrollmentId == e.Id) && db.Workouts.Any(w => w.EnrollmentId == e.Id))
            .ToList();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProgramsRegistration));
        foreach (var enrollment in unrecorded)
        {
            // One program that cannot be walked (its data damaged) must not keep the site from starting for everyone.
            try
            {
                using var transaction = db.Database.BeginTransaction();
                record.DecideFromAsync(enrollment, enrollment.StartedOn).GetAwaiter().GetResult();
                transaction.Commit();
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or ArgumentException or FormatException)
            {
                db.ChangeTracker.Clear();
                logger.LogError(e, "Could not make the record of program enrollment {EnrollmentId}", enrollment.Id);
            }
        }
    }
}
