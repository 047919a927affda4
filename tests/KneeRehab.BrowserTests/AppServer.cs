using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(KneeRehab.BrowserTests.AppServer))]

namespace KneeRehab.BrowserTests;

/// <summary>
/// The real app on Kestrel at a free loopback port, with its own temporary SQLite file and the
/// repository's content/ folder: what a browser talks to.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kneerehab-browser-").FullName;

    public AppServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>The clinic's configured administrator (<c>Clinic:Administrators</c>), who grants the physiotherapist role at /clinic/admin.</summary>
    public const string Administrator = "clinic-administrator@example.test";

    /// <summary>The e-mail the app sends, as files in its pickup folder.</summary>
    public KneeRehab.Tests.Mailbox Mailbox => new(Path.Combine(_dataDirectory, "mail"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The test servers speak plain HTTP.
        builder.UseSetting("Security:SecureCookies", "false");
        builder.UseSetting("ConnectionStrings:KneeRehab", $"Data Source={Path.Combine(_dataDirectory, "kneerehab.db")}");
        builder.UseSetting("Email:PickupDirectory", Mailbox.Directory);
        // Every journey registers and logs in from 127.0.0.1: the per-device limit on account pages (10 a
        // minute) is for attackers, not for a test run. The integration tests check the limit itself.
        builder.UseSetting("RateLimiting:Accounts:PermitLimit", "1000");
        // The workout player's hold and rest timers run 50 times faster: a 10 s hold takes 0.2 s, and still runs.
        builder.UseSetting("Player:TimeScale", "50");
        builder.UseSetting("Clinic:Administrators:0", Administrator);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
