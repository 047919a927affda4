using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests;

/// <summary>
/// The built app (KneeRehab.Web.dll) as a process of its own, in Production, on a free port and a SQLite file the
/// test chooses: for what an in-process test server cannot show, a kill -9, a SIGTERM, and file permissions.
/// Clients are ordinary HTTP clients, so the forms are posted exactly as by a browser.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>These tests run one at a time, after the others: each starts a whole app, and a 2-core machine is easily busy.</summary>
    public const string Collection = "app processes";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, int port, string databasePath)
    {
        _process = process;
        Port = port;
        DatabasePath = databasePath;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public string DatabasePath { get; }

    /// <summary>The e-mail the app sends: files in a folder beside its database.</summary>
    public Mailbox Mailbox => new(Path.Combine(Path.GetDirectoryName(DatabasePath)!, "mail"));

    /// <summary>What the app printed so far (its log), for assertions and for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>
    /// Starts the app on <paramref name="databasePath"/> (with <paramref name="home"/> as its HOME, where ASP.NET Core
    /// keeps its data-protection keys, so cookies stay valid across restarts of one test) and waits until /healthz
    /// answers: 200, or any answer when <paramref name="healthy"/> is false (a database that cannot be written).
    /// With <paramref name="postgres"/>, the app uses that PostgreSQL database instead, and the file's folder only
    /// for its e-mail.
    /// </summary>
    /// <remarks>
    /// As root (CI runs tests as root) the app runs without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, dropped with
    /// util-linux's setpriv (on every Debian machine; dropping needs CAP_SETPCAP, which root has, also in Docker's
    /// default set). Root keeps its uid, so it still reads the build output and its HOME, but file permissions bind
    /// it again: a chmod makes the database really read-only for the app, as it would be for a service account.
    /// chattr +i needs CAP_LINUX_IMMUTABLE and a file system that supports it (not Docker's default), a read-only
    /// bind mount needs CAP_SYS_ADMIN, and Mode=ReadOnly in the connection string cannot be lifted without a restart.
    /// </remarks>
    public static async Task<AppProcess> StartAsync(string databasePath, string home, int? port = null, bool healthy = true, string? postgres = null)
    {
        var dll = typeof(Program).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo
        {
            // Like a published app started from its folder: appsettings.json (the log's console sink) is there.
            WorkingDirectory = Path.GetDirectoryName(dll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Environment.IsPrivilegedProcess)
        {
            info.FileName = "setpriv";
            foreach (var arg in (string[])["--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-dac_override,-dac_read_search", dotnet])
                info.ArgumentList.Add(arg);
        }
        else
        {
            info.FileName = dotnet;
        }
        port ??= FreePort();
        foreach (var arg in (string[])[
            dll,
            "--urls", $"http://127.0.0.1:{port}",
            "--Database:Provider", postgres is null ? "Sqlite" : "Postgres",
            "--ConnectionStrings:KneeRehab", postgres ?? $"Data Source={databasePath}",
            "--Email:PickupDirectory", Path.Combine(Path.GetDirectoryName(databasePath)!, "mail"),
            // Plain HTTP here, so cookies may not be marked Secure-only (a setting where the app has it).
            "--Security:SecureCookies", "false",
            "--Serilog:MinimumLevel:Default", "Warning",
            "--RateLimiting:Accounts:PermitLimit", "1000",
        ])
            info.ArgumentList.Add(arg);
        info.Environment["HOME"] = home;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = new Process { StartInfo = info };
        var app = new AppProcess(process, port.Value, databasePath);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync(healthy);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>The app's log lines that contain <paramref name="text"/>, once there is one (the log is read as it comes).</summary>
    public async Task<string[]> LogLinesAsync(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var lines = Output.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).ToArray();
            if (lines.Length > 0 || DateTime.UtcNow > deadline) return lines;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilAnsweringAsync(bool healthy)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode} while starting:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
                if (!healthy || response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The app did not answer /healthz{(healthy ? " with 200" : "")} in {StartTimeout}:\n{Output}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A browser-like client: keeps its cookies (in <paramref name="cookies"/> when given, to carry them to a restarted app), follows no redirects.</summary>
    public HttpClient CreateClient(CookieStore? cookies = null) =>
        new(new CookieHandler(cookies ?? new CookieStore()) { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false } })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromMinutes(2),
        };

    /// <summary>A new patient, registered through the real form; the client is logged in.</summary>
    public async Task<HttpClient> CreateUserClientAsync(CookieStore? cookies = null)
    {
        var client = CreateClient(cookies);
        await KneeRehabFactory.RegisterAsync(client, Mailbox);
        return client;
    }

    /// <summary>kill -9: no shutdown, no flush, no disposing; what SQLite has not made durable is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>SIGTERM, as a service manager or a container runtime sends it to stop the app.</summary>
    public void SendSigterm()
    {
        // The shell's own kill: /bin/kill (procps) is not on every machine, and .NET has no API for SIGTERM.
        using var kill = Process.Start("/bin/sh", ["-c", $"kill -TERM {_process.Id}"]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>A graceful stop: SIGTERM, then the exit code.</summary>
    public async Task<int> StopAsync()
    {
        SendSigterm();
        return await WaitForExitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>The database file opened by the test itself, for checking what was stored.</summary>
    public static SqliteDbContext OpenDatabase(string path) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The cookies of one browser. Sent back whatever their Secure flag: the test talks plain HTTP to 127.0.0.1.</summary>
    public sealed class CookieStore
    {
        private readonly Dictionary<string, string> _cookies = [];

        public string? Header()
        {
            lock (_cookies) return _cookies.Count == 0 ? null : string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
        }

        public void Take(HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
            lock (_cookies)
            {
                foreach (var pair in values.Select(v => v.Split(';', 2)[0].Split('=', 2)).Where(p => p.Length == 2))
                {
                    if (pair[1].Length == 0) _cookies.Remove(pair[0]);
                    else _cookies[pair[0]] = pair[1];
                }
            }
        }
    }

    private sealed class CookieHandler(CookieStore cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (cookies.Header() is { } header) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            cookies.Take(response);
            return response;
        }
    }
}

[CollectionDefinition(AppProcess.Collection, DisableParallelization = true)]
public sealed class AppProcessesOneAtATime;
