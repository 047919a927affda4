using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
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
        return builder;
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
        foreach (var enrollment in unrecorded)
        {
            using var transaction = db.Database.BeginTransaction();
            record.DecideFromAsync(enrollment, enrollment.StartedOn).GetAwaiter().GetResult();
            transaction.Commit();
        }
    }
}
