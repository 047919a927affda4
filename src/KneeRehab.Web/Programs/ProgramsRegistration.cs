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
        return builder;
    }
}
