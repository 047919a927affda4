using KneeRehab.Web.Training;

namespace KneeRehab.Web.Content;

public static class ContentRegistration
{
    /// <summary>
    /// Loads and validates the content eagerly: the app refuses to start on invalid content, with the
    /// full report, instead of failing on the first request that needs a broken guide.
    /// </summary>
    public static WebApplicationBuilder AddContentLibrary(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new();
        // The same section the engine binds, so that the rules the pages state are the rules the app applies.
        var progression = builder.Configuration.GetSection(ProgressionOptions.Section).Get<ProgressionOptions>() ?? new();
        var result = ContentLoader.Load(options.ResolveRoot(builder.Environment.ContentRootPath), progression);
        if (!result.IsValid) throw new InvalidContentException(result.Report());

        builder.Services.AddSingleton(new ContentLibrary(result.Snapshot!, result.Root, progression));
        builder.Services.AddContentCache();
        if (builder.Environment.IsDevelopment()) builder.Services.AddHostedService<ContentWatcher>();
        return builder;
    }
}
