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
        var result = ContentLoader.Load(options.ResolveRoot(builder.Environment.ContentRootPath));
        if (!result.IsValid) throw new InvalidContentException(result.Report());

        builder.Services.AddSingleton(new ContentLibrary(result.Snapshot!, result.Root));
        if (builder.Environment.IsDevelopment()) builder.Services.AddHostedService<ContentWatcher>();
        return builder;
    }
}
