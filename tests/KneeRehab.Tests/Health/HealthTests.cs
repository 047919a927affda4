using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace KneeRehab.Tests.Health;

// What only SQLite has: its file.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public class HealthTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthzAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, json.RootElement.Clone());
    }

    [Fact]
    public async Task Healthz_names_each_check_and_commits_a_real_write_that_changes_no_data()
    {
        using var factory = new KneeRehabFactory();
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthzAsync(client)).Status);
        // data_version moves when another connection commits: the probe's write really happened.
        await using var watcher = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await watcher.OpenAsync(TestContext.Current.CancellationToken);
        var versionBefore = await DataVersionAsync(watcher);

        var (status, body) = await HealthzAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("content").GetString());
        Assert.Equal("ok", body.GetProperty("database").GetString());
        Assert.Empty(body.GetProperty("failed").EnumerateArray());
        Assert.NotEqual(versionBefore, await DataVersionAsync(watcher));
        // The probe's row is deleted in the same transaction (and ReadsNeverWriteTests finds all data unchanged).
        Assert.Equal(0L, await ScalarAsync(watcher, "SELECT COUNT(*) FROM \"HealthProbes\";"));
    }

    private static Task<long> DataVersionAsync(SqliteConnection connection) => ScalarAsync(connection, "PRAGMA data_version;");

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task Healthz_answers_503_while_another_writer_holds_the_database_and_200_once_it_lets_go()
    {
        using var factory = new KneeRehabFactory();
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthzAsync(client)).Status);

        // Reads go on in WAL mode while another connection holds the write lock, so only a real write notices.
        await using (var writer = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await writer.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = await writer.BeginTransactionAsync(TestContext.Current.CancellationToken);

            var (status, body) = await HealthzAsync(client);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("cannot write: SQLite error 5: locked by another writer for too long", body.GetProperty("database").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await HealthzAsync(client)).Status);
    }

    [Fact]
    public async Task Starting_where_the_database_folder_cannot_be_created_answers_503_and_recovers_once_it_can()
    {
        using var factory = new KneeRehabFactory();
        // A file where the database's folder should be: creating the folder fails for root too.
        var folder = Path.GetDirectoryName(factory.DatabasePath)!;
        Directory.Delete(folder);
        await File.WriteAllTextAsync(folder, "in the way", TestContext.Current.CancellationToken);
        try
        {
            var client = factory.CreateBrowserClient();

            var (status, body) = await HealthzAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal(["database"], body.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("not ready: its folder cannot be created", body.GetProperty("database").GetString());
            Assert.Equal("ok", body.GetProperty("content").GetString());

            // Pages without data still work; one that needs the database says so, and claims nothing untrue.
            using var library = await client.GetAsync("/exercises", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, library.StatusCode);
            using var register = await client.SubmitFormAsync("/identity/account/register", new Dictionary<string, string>
            {
                ["Input.Email"] = "first@example.test",
                ["Input.Password"] = KneeRehabFactory.Password,
                ["Input.ConfirmPassword"] = KneeRehabFactory.Password,
            }, formSelector: "form#registerForm");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, register.StatusCode);
            var error = (await register.ToDocumentAsync()).QuerySelector("main")!.TextContent;
            Assert.Contains("cannot be reached just now", error);
            Assert.Contains("it may not have been stored", error);
            Assert.DoesNotContain("lost", error);

            // The fault goes away: the next health check migrates, without a restart.
            File.Delete(folder);
            (status, body) = await HealthzAsync(client);
            Assert.Equal(HttpStatusCode.OK, status);
            await factory.CreateUserClientAsync();
        }
        finally
        {
            if (File.Exists(folder)) File.Delete(folder);
        }
    }
}
