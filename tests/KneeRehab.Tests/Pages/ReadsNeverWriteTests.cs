using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Tests.Pages.Today;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages;

/// <summary>
/// Reads never write: a walk over every page a patient and their physiotherapist can GET leaves the database
/// exactly as it was. The one deliberate write is the share link's view log.
/// </summary>
public class ReadsNeverWriteTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 7, 0, 0, TimeSpan.Zero);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Start) };

    [Fact]
    public async Task A_walk_over_every_page_as_a_patient_and_as_a_physiotherapist_with_a_link_writes_nothing()
    {
        var email = $"walker-{Guid.NewGuid():N}@example.test";
        var client = await _factory.CreateUserClientAsync(email);
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee", baseline: "2")) started.AssertRedirect("/today");
        // Two easy workouts with their next mornings and a check-in: every page has something to show.
        int workoutId = 0;
        foreach (var day in new[] { 0, 2 })
        {
            _factory.Clock!.Now = Start.AddDays(day);
            var morning = await client.GetDocumentAsync("/today");
            if (morning.QuerySelector<IHtmlFormElement>(".morning-question form") is { } question)
                (await client.SubmitAsync(question, null, new Dictionary<string, string> { ["MorningPain"] = "2" })).Dispose();
            using var saved = await client.SaveAsync(await client.GetDocumentAsync("/today"), new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
            saved.AssertRedirect("/history/");
            workoutId = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }
        var checkIn = await client.GetDocumentAsync("/progress/checkin");
        (await client.SubmitAsync(checkIn.QuerySelector<IHtmlFormElement>("main form")!, null, new Dictionary<string, string>
        {
            ["Input.AveragePain"] = "3", ["Input.WorstPain"] = "5",
            ["Input.Activities[0].Name"] = "Stairs", ["Input.Activities[0].Score"] = "5",
            ["Input.Activities[1].Name"] = "Running", ["Input.Activities[1].Score"] = "3",
            ["Input.Activities[2].Name"] = "Squatting", ["Input.Activities[2].Score"] = "4",
        })).Dispose();

        // Days later, past the break rule and past the phase's weeks: the state in which pages used to write.
        _factory.Clock!.Now = Start.AddDays(20);
        // The sign-in cookie has expired by then (it follows the app's clock): sign in again first.
        client = _factory.CreateBrowserClient();
        await KneeRehabFactory.LogInAsync(client, email);
        // A share link made now (links last 14 days).
        var link = await Progress.ShareTests.CreateLinkAsync(client);
        var before = DatabaseFingerprint.Of(_factory.Database);
        string[] pages =
        [
            "/", "/exercises", "/exercises?level=3", "/exercises/ball-bridge", "/programs", "/programs/runners-knee", "/programs/whole-chain-knee/start",
            "/programs/record", "/programs/finished/1", "/today", "/today/warning", "/log", "/log?exercise=wall-squat", "/history", $"/history/{workoutId}",
            $"/history/{workoutId}/edit", $"/history/{workoutId}/delete", "/progress", "/progress?range=4w", "/progress?range=all",
            "/progress?handler=data&range=all", "/progress/checkin", "/progress/report", "/progress/share", "/progress/export",
            "/progress/export?handler=csv", "/progress/export?handler=calendar", "/account/preferences", "/safety", "/evidence", "/healthz",
        ];
        foreach (var url in pages)
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            // The program is not finished, so its finish page is not there yet.
            var expected = url.StartsWith("/programs/finished/", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Equal(before, DatabaseFingerprint.Of(_factory.Database));

        // The physiotherapist's link: the view is logged, and nothing else changes.
        var physio = _factory.CreateBrowserClient();
        var viewsBefore = Count("ShareLinkView");
        for (var i = 0; i < 2; i++)
        {
            using var response = await physio.GetAsync(link, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(viewsBefore + 2, Count("ShareLinkView"));
        // (SQLite's own counter of ids moves with the view rows.)
        Assert.Equal(DatabaseFingerprint.Without(before, "ShareLinkView", "sqlite_sequence"), DatabaseFingerprint.Of(_factory.Database, "ShareLinkView", "sqlite_sequence"));
    }

    private long Count(string table)
    {
        using var db = _factory.OpenDatabase();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
