using KneeRehab.Web.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.Tests.Content;

/// <summary>In Development an edited guide shows on the next page load, and a broken edit keeps the last good version.</summary>
public class ContentReloadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kneerehab-content-").FullName;
    private readonly DevelopmentFactory _factory;

    private sealed class DevelopmentFactory(string root) : KneeRehabFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.UseSetting("Content:Root", root);
        }
    }

    public ContentReloadTests()
    {
        foreach (var file in Directory.EnumerateFiles(ContentLoaderTests.Fixture("valid"), "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(ContentLoaderTests.Fixture("valid"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        _factory = new DevelopmentFactory(_folder);
    }

    private async Task<string> TitleAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/exercises/first-guide")).QuerySelector("h1")!.TextContent;

    private static async Task<string> EventuallyAsync(Func<Task<string>> read, string expected)
    {
        var value = "";
        for (var attempt = 0; attempt < 50 && value != expected; attempt++)
        {
            value = await read();
            if (value != expected) await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        return value;
    }

    [Fact]
    public async Task An_edited_guide_is_served_without_a_restart_and_a_broken_edit_is_not()
    {
        var client = _factory.CreateClient();
        Assert.Equal("First guide", await TitleAsync(client));
        var file = Path.Combine(_folder, "exercises", "first-guide.md");

        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace("title: First guide", "title: First guide, edited"), TestContext.Current.CancellationToken);
        Assert.Equal("First guide, edited", await EventuallyAsync(() => TitleAsync(client), "First guide, edited"));

        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace("level: 1", "level: 9").Replace("First guide, edited", "Broken"), TestContext.Current.CancellationToken);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Equal("First guide, edited", await TitleAsync(client));
        Assert.Equal(2, _factory.Services.GetRequiredService<ContentLibrary>().Current.Guides.Count);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
