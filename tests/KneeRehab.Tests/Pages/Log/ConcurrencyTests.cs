using KneeRehab.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Log;

public class ConcurrencyTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    [Fact]
    public async Task Many_users_logging_at_once_keep_every_acknowledged_workout()
    {
        const int users = 8, workoutsEach = 4;
        var clients = new List<HttpClient>();
        for (var i = 0; i < users; i++) clients.Add(await factory.CreateUserClientAsync());
        // Each user prepares their forms first, then all of them save at the same moment.
        var forms = new List<(HttpClient Client, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        foreach (var client in clients)
        {
            for (var j = 0; j < workoutsEach; j++) forms.Add((client, await client.StartWorkoutAsync("ball-bridge", "clamshell")));
        }

        var saves = await Task.WhenAll(forms.Select(async f =>
        {
            using var response = await f.Client.SaveAsync(f.Page, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
            return response.Headers.Location?.OriginalString;
        }));

        Assert.All(saves, location => Assert.StartsWith("/history/", location));
        Assert.Equal(users * workoutsEach, saves.Distinct().Count());
        await using var db = factory.OpenDatabase();
        var ids = saves.Select(s => int.Parse(s!.Split('/').Last())).ToList();
        var stored = await db.Workouts.Where(w => ids.Contains(w.Id)).Include(w => w.Exercises).ThenInclude(e => e.Sets).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(users * workoutsEach, stored.Count);
        Assert.All(stored, w => Assert.Equal("3 exercises · 8 sets · 92 reps", w.Summary()));
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
    public async Task Database_runs_in_wal_mode_with_full_synchronous_writes()
    {
        // Start the app first: it creates and migrates the database, then switches it to WAL.
        using var scope = factory.Services.CreateScope();
        await using var db = factory.OpenDatabase();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = db.Database.GetDbConnection();

        await using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await journal.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        // The app's own connections: the interceptor sets synchronous=FULL (2) on every open.
        var appDb = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        await appDb.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var synchronous = appDb.Database.GetDbConnection().CreateCommand();
        synchronous.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long)(await synchronous.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }
}
