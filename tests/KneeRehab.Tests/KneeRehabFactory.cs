using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace KneeRehab.Tests;

/// <summary>
/// The real app with only its configuration changed: its own SQLite file in a temporary folder, and
/// the repository's content/ folder unless a test points it elsewhere. Shared per test class.
/// </summary>
public class KneeRehabFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kneerehab-tests-").FullName;

    public string DatabasePath => Path.Combine(_dataDirectory, "kneerehab.db");

    /// <summary>Null: the app finds the repository's content/ folder itself, as it does for a user.</summary>
    public string? ContentRoot { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("ConnectionStrings:KneeRehab", $"Data Source={DatabasePath}");
        if (ContentRoot is not null) builder.UseSetting("Content:Root", ContentRoot);
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* a file still held open is left to the OS temp cleaner */ }
    }
}

public static class HtmlDocuments
{
    /// <summary>Parses a response body the way a browser would, for assertions on the DOM rather than on strings.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return await response.ToDocumentAsync();
    }

    public static async Task<IHtmlDocument> ToDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!), TestContext.Current.CancellationToken);
        return (IHtmlDocument)document;
    }
}
