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
        return builder;
    }

    /// <summary>
    /// Once, for programs that were running before decisions were recorded: makes their record from their
    /// workouts, so every patient keeps their place. A program that has any decision is left alone. Runs after the
    /// migrations, at start-up or, when the database could not be written then, as soon as it can be.
    /// </summary>
    public static void FillProgramRecords(this WebApplication app) =>
        app.Services.GetRequiredService<DatabasePreparation>().ThenRun(FillProgramRecordsAsync);

    private static async Task FillProgramRecordsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<KneeRehabDbContext>();
        var record = services.GetRequiredService<ProgramRecord>();
        var unrecorded = await db.Enrollments
            .Where(e => e.EndedOn == null && !db.ProgramDecisions.Any(d => d.EnrollmentId == e.Id) && db.Workouts.Any(w => w.EnrollmentId == e.Id))
            .ToListAsync(cancellationToken);
        foreach (var enrollment in unrecorded)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await record.DecideFromAsync(enrollment, enrollment.StartedOn);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
