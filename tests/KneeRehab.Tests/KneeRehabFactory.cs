using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using KneeRehab.Web.Data;
using Microsoft.Data.Sqlite;

namespace KneeRehab.Tests;

/// <summary>
/// The real app with only its configuration changed: its own database (a SQLite file in a temporary folder, or a
/// PostgreSQL database of its own: <see cref="TestDatabase"/>), and the repository's content/ folder unless a test
/// points it elsewhere. Shared per test class.
/// </summary>
public class KneeRehabFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kneerehab-tests-").FullName;

    private readonly string? _postgresDatabase = TestDatabase.PostgresServer is null ? null : TestDatabase.NewPostgresDatabase();

    /// <summary>The SQLite file, for the tests of what only SQLite has.</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "kneerehab.db");

    /// <summary>The app's connection string, whichever the provider.</summary>
    public string Database => _postgresDatabase ?? $"Data Source={DatabasePath}";

    /// <summary>The e-mail the app sends, as files in its pickup folder.</summary>
    public Mailbox Mailbox => new(Path.Combine(_dataDirectory, "mail"));

    /// <summary>When set, the app's clock: a test can live through weeks of a program in seconds.</summary>
    public TestClock? Clock { get; init; }

    /// <summary>When set, every log event of the app is kept here too (at Information and above), for tests that read the log.</summary>
    public CapturedLog? Log { get; init; }

    /// <summary>More configuration for one test's app, such as an out-of-range value that must stop it from starting.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Null: the app finds the repository's content/ folder itself, as it does for a user.</summary>
    public string? ContentRoot { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Serilog:MinimumLevel:Default", Log is null ? "Warning" : "Information");
        // The test servers speak plain HTTP.
        builder.UseSetting("Security:SecureCookies", "false");
        builder.UseSetting("RateLimiting:Accounts:PermitLimit", AccountPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
        builder.UseSetting("ConnectionStrings:KneeRehab", Database);
        builder.UseSetting("Email:PickupDirectory", Mailbox.Directory);
        if (ContentRoot is not null) builder.UseSetting("Content:Root", ContentRoot);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is not null) builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        // Serilog reads sinks from the services (ReadFrom.Services), so a test adds one like any other sink.
        if (Log is not null) builder.ConfigureTestServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Log));
    }

    /// <summary>Log-in and registration limits are high by default so that tests are not throttled; rate-limit tests lower them.</summary>
    public int AccountPermitLimit { get; init; } = 1000;

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public const string Password = "correct horse battery";

    /// <summary>Registers through the real registration form and the link in the e-mail; the returned client is logged in as that user.</summary>
    public async Task<HttpClient> CreateUserClientAsync(string? email = null)
    {
        var client = CreateBrowserClient();
        await RegisterAsync(client, Mailbox, email);
        return client;
    }

    /// <summary>
    /// Registers as a patient does, on any client (a test server's or a real server's): the registration form, the
    /// confirmation link from the e-mail in <paramref name="mailbox"/>, then the log-in form. The client is then logged in.
    /// </summary>
    public static async Task RegisterAsync(HttpClient client, Mailbox mailbox, string? email = null)
    {
        email ??= $"patient-{Guid.NewGuid():N}@example.test";
        using (var registered = await client.SubmitFormAsync("/identity/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }, formSelector: "form#registerForm"))
            registered.AssertRedirect("/identity/account/registerconfirmation");
        using (var confirmed = await client.GetAsync(mailbox.ConfirmationLink(email), TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.OK, confirmed.StatusCode);
        await LogInAsync(client, email);
    }

    /// <summary>The log-in form with <see cref="Password"/>; the client is then logged in.</summary>
    public static async Task LogInAsync(HttpClient client, string email)
    {
        using var response = await client.SubmitFormAsync("/identity/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }, formSelector: "form.account-form");
        response.AssertRedirect("/");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>Direct database access for arranging data and checking what was stored.</summary>
    public KneeRehabDbContext OpenDatabase() => TestDatabase.Open(Database);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null) TestDatabase.DropPostgresDatabase(_postgresDatabase);
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* a file still held open is left to the OS temp cleaner */ }
    }
}

/// <summary>The app's log events, rendered, as a test reads them.</summary>
public sealed class CapturedLog : Serilog.Core.ILogEventSink
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<Serilog.Events.LogEvent> _events = new();

    public IReadOnlyList<Serilog.Events.LogEvent> Events => [.. _events];

    /// <summary>Every event as text: its message with the properties filled in, then every property, then the exception.</summary>
    public IReadOnlyList<string> Lines => [.. _events.Select(e =>
        $"{e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {string.Join(' ', e.Properties.Select(p => $"{p.Key}={p.Value}"))} {e.Exception}")];

    /// <summary>The status codes of the request log ("HTTP GET /x responded 500 ...").</summary>
    public IReadOnlyList<(string Path, int Status)> Responses => [.. _events
        .Where(e => e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("RequestPath"))
        .Select(e => (((Serilog.Events.ScalarValue)e.Properties["RequestPath"]).Value?.ToString() ?? "", Convert.ToInt32(((Serilog.Events.ScalarValue)e.Properties["StatusCode"]).Value, System.Globalization.CultureInfo.InvariantCulture)))];

    public void Emit(Serilog.Events.LogEvent logEvent) => _events.Enqueue(logEvent);
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
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
