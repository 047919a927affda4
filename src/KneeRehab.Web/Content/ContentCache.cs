using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeRehab.Web.Content;

/// <summary>
/// The pages made only from the content (guides, the library, programs, articles, the home page) are the same for
/// every visitor who is not signed in, so their HTML is kept in memory and served without running the page again.
/// Output caching's default policy already leaves out signed-in requests, responses that set a cookie and anything
/// but a 200; the content's version is part of the key, so a reload shows at once.
/// </summary>
public static class ContentCache
{
    public const string Policy = "content";

    public static IServiceCollection AddContentCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            // Every query string is a key of its own (the library's filters), so the memory is capped.
            options.SizeLimit = 32 * 1024 * 1024;
            options.AddPolicy(Policy, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .VaryByValue(context => new("content", context.RequestServices.GetRequiredService<ContentLibrary>().Version.ToString(CultureInfo.InvariantCulture))));
        });
}
