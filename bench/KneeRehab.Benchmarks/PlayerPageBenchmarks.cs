using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeRehab.Benchmarks;

/// <summary>
/// The player's page, /today with a full program day, rendered in process for a signed-in patient (the whole
/// pipeline: session check, the plan from the program's record, the form). The patient is made by the app's own
/// seed-bench command in a fresh SQLite file.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1063 // BenchmarkDotNet needs the class unsealed; Dispose is its global clean-up.
public partial class PlayerPageBenchmarks : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kneerehab-bench-").FullName;
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _client = null!;

    private sealed class App(string connection) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:KneeRehab", connection);
            builder.UseSetting("Content:Root", Repository.Content);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetTempPath(), "kneerehab-bench-mail"));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GlobalSetup]
    public void Setup()
    {
        var connection = $"Data Source={Path.Combine(_folder, "bench.db")}";
        var seeded = SeedBenchCommand.Run(["seed-bench", "--users", "1", "--heavy", "100", "--ConnectionStrings:KneeRehab", connection, "--Content:Root", Repository.Content], TextWriter.Null);
        if (seeded != 0) throw new InvalidOperationException("seed-bench failed");
        // Where the in-process host finds the app's files (wwwroot, its settings), as a test project's build would say.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KNEEREHAB_WEB", Path.Combine(Repository.Root, "src", "KneeRehab.Web"));
        _app = new App(connection);
        _client = _app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var login = _client.GetStringAsync("/identity/account/login").GetAwaiter().GetResult();
        using var signedIn = _client.PostAsync("/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = SeedBenchCommand.Email(1),
            ["Input.Password"] = SeedBenchCommand.Password,
            ["__RequestVerificationToken"] = Token().Match(login).Groups[1].Value,
        })).GetAwaiter().GetResult();
        if (!TodayAsync().GetAwaiter().GetResult().Contains("Save workout", StringComparison.Ordinal))
            throw new InvalidOperationException("/today did not show the program day's form: logging in failed");
    }

    [Benchmark(Description = "render /today (the player's page), signed in")]
    public Task<string> TodayAsync() => _client.GetStringAsync("/today");

    [GlobalCleanup]
    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
