using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.Tests.Data;

/// <summary>Every connection the app uses writes durably and waits for the lock, also when the pool hands it out again.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public class SqlitePragmasTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private async Task<(long Synchronous, long BusyTimeout)> SettingsOfAFreshRequestAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            var synchronous = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
            command.CommandText = "PRAGMA busy_timeout";
            return (synchronous, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Each_open_connection_is_synchronous_full_with_a_ten_second_busy_timeout()
    {
        for (var request = 0; request < 3; request++)
        {
            var (synchronous, busyTimeout) = await SettingsOfAFreshRequestAsync();
            Assert.Equal(2, synchronous); // FULL
            Assert.Equal(10_000, busyTimeout);
        }
    }
}
