namespace KneeRehab.Web.Workouts;

public static class WorkoutPagesRegistration
{
    /// <summary>
    /// Razor Pages, with a user's workout pages behind log-in and model-binding messages a patient
    /// understands ("abc" or a 12-digit number in a reps box).
    /// </summary>
    public static WebApplicationBuilder AddWorkoutPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlayerOptions>().BindConfiguration(PlayerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services
            .AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Log");
                options.Conventions.AuthorizeFolder("/History");
                options.Conventions.AuthorizeFolder("/Account");
                options.Conventions.AuthorizeFolder("/Today");
                options.Conventions.AuthorizeFolder("/Progress");
                options.Conventions.AuthorizePage("/Programs/Start");
                options.Conventions.AuthorizePage("/Programs/Record");
                options.Conventions.AuthorizePage("/Programs/Mine");
                options.Conventions.AuthorizePage("/Programs/Finished");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<Security.RequestGuardFilter>();
                options.ModelBinderProviders.Insert(0, new Security.BooleanFieldBinderProvider());
                options.ModelBinderProviders.Insert(0, new Security.DecimalFieldBinderProvider());
                var messages = options.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is not a valid {field}: enter a number in range.");
                messages.SetValueMustBeANumberAccessor(field => $"Enter a number for {field}.");
                messages.SetValueIsInvalidAccessor(value => $"'{value}' is not valid here.");
                messages.SetMissingBindRequiredValueAccessor(field => $"Enter a value for {field}.");
                messages.SetValueMustNotBeNullAccessor(value => $"Enter a value here.");
            });
        return builder;
    }
}
