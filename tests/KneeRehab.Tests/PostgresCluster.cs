using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KneeRehab.Tests;

/// <summary>
/// A throwaway PostgreSQL server of a test's own, from the distribution's binaries (/usr/lib/postgresql/N/bin), in a
/// temporary folder on 127.0.0.1 and a free port: for what a shared server cannot show, such as the server going away
/// and coming back. As root (CI), the server runs as the postgres user, since initdb refuses root.
/// Tests that use one carry <c>[Trait("Database", "Postgres")]</c>.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string Trait = "Postgres";

    private readonly string _bin;
    private readonly string _folder;

    private PostgresCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string for <paramref name="database"/> on this server (the app creates it when it migrates).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    public static async Task<PostgresCluster> StartAsync()
    {
        var initdb = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", "initdb")).Where(File.Exists)
            .OrderBy(p => p, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL server binaries in /usr/lib/postgresql: install the postgresql package (.ci/run does).");
        var folder = Directory.CreateTempSubdirectory("kneerehab-postgres-").FullName;
        var cluster = new PostgresCluster(Path.GetDirectoryName(initdb)!, folder, FreePort());
        if (Environment.IsPrivilegedProcess) await RunAsync("chown", "postgres:postgres", folder);
        await cluster.RunAsPostgresAsync("initdb", "-D", cluster.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        await cluster.StartAgainAsync();
        return cluster;
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Starts the server (again), on the same port and data, and waits until it accepts connections.</summary>
    public Task StartAgainAsync() => RunAsPostgresAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off", "start");

    /// <summary>Stops the server at once, closing every connection: what an app sees when its database server goes down.</summary>
    public Task StopAsync() => RunAsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    private Task RunAsPostgresAsync(string program, params string[] args) => Environment.IsPrivilegedProcess
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. args])
        : RunAsync(Path.Combine(_bin, program), args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await StopAsync(); }
        catch (InvalidOperationException) { /* already stopped by the test */ }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
