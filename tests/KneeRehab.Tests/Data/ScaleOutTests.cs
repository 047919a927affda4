using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Data;

/// <summary>
/// Several app instances on one PostgreSQL server, and that server going away and coming back: each test starts its
/// own throwaway server (<see cref="PostgresCluster"/>) and the built app as processes of their own, in Production.
/// </summary>
[Collection(AppProcess.Collection)]
[Trait(TestDatabase.Trait, PostgresCluster.Trait)]
public sealed class ScaleOutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kneerehab-scale-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A folder of one instance's own: its HOME (where keys would be kept without the database) and its e-mail.</summary>
    private string Instance(string name) => Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;

    [Fact]
    public async Task A_workout_logged_on_one_instance_with_the_cookie_and_form_token_of_another_is_seen_with_its_decision_on_both()
    {
        await using var server = await PostgresCluster.StartAsync();
        var database = server.ConnectionString("kneerehab");
        // Each instance has a HOME of its own: they share keys only through the database.
        await using var a = await AppProcess.StartAsync(Path.Combine(Instance("a"), "unused.db"), Instance("a"), postgres: database);
        await using var b = await AppProcess.StartAsync(Path.Combine(Instance("b"), "unused.db"), Instance("b"), postgres: database);

        // Registered and signed in on A; the program started on A.
        var cookies = new AppProcess.CookieStore();
        var onA = a.CreateClient(cookies);
        await KneeRehabFactory.RegisterAsync(onA, a.Mailbox);
        using (var started = await Pages.Programs.ProgramPagesTests.StartAsync(onA, Pages.Programs.ProgramPagesTests.Program)) started.AssertRedirect("/today");

        // Today's form as A made it (its antiforgery token in the form and in the cookie), sent to B.
        var onB = b.CreateClient(cookies);
        var form = await DocumentAsync(await onA.GetStringAsync("/today", Ct), new Uri(b.Address, "/today"));
        using var saved = await onB.SaveAsync(form, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
        saved.AssertRedirect("/history/");
        var workoutId = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // B decided once, in the save; A reads B's decision.
        await using var db = PostgresDbContext.Open(database);
        var decision = await db.ProgramDecisions.AsNoTracking().SingleAsync(d => d.WorkoutId == workoutId && d.ExerciseSlug == "straight-leg-raise", Ct);
        var today = await onA.GetDocumentAsync("/today");
        Assert.Equal(decision.Message, today.MessageOf("straight-leg-raise"));
        using var onHistory = await onA.GetAsync($"/history/{workoutId}", Ct);
        Assert.Equal(HttpStatusCode.OK, onHistory.StatusCode);
        // And back: B shows the page A's session asks for.
        using var fromB = await onB.GetAsync("/today", Ct);
        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
    }

    [Fact]
    public async Task Without_its_server_the_app_starts_answers_503_keeps_what_was_typed_and_recovers_by_itself_when_the_server_is_back()
    {
        await using var server = await PostgresCluster.StartAsync();
        var database = server.ConnectionString("kneerehab");
        await server.StopAsync();

        // The app starts although the server is down, and says so.
        await using var app = await AppProcess.StartAsync(Path.Combine(Instance("app"), "unused.db"), Instance("app"), healthy: false, postgres: database);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(client));

        // Back: migrated and healthy without a restart.
        await server.StartAgainAsync();
        await WaitUntilHealthyAsync(client);
        var patient = await app.CreateUserClientAsync();
        var page = await patient.StartWorkoutAsync("ball-bridge");

        // Down again, with a workout half typed.
        await server.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(client));
        IHtmlFormElement kept;
        using (var refused = await patient.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1", ["Input.Notes"] = "Felt steady today" }))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var shown = await refused.ToDocumentAsync();
            Assert.Contains("not saved", shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            // What was typed is in the page, to be sent again as it was.
            kept = shown.QuerySelector<IHtmlFormElement>("main form")!;
            Assert.Equal("Felt steady today", kept.Elements["Input.Notes"]?.GetAttribute("value"));
        }
        using (var anotherPage = await patient.GetAsync("/history", Ct))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, anotherPage.StatusCode);

        // The server is back: "Send again" stores the workout as it was typed.
        await server.StartAgainAsync();
        await WaitUntilHealthyAsync(client);
        using (var saved = await patient.SubmitAsync(kept))
            saved.AssertRedirect("/history/");
        await using var db = PostgresDbContext.Open(database);
        Assert.Equal("Felt steady today", (await db.Workouts.AsNoTracking().SingleAsync(Ct)).Notes);
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz", Ct);
        return response.StatusCode;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await HealthAsync(client) != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "/healthz did not recover within 60 s of the server's return");
            await Task.Delay(250, Ct);
        }
    }

    /// <summary>A page's HTML as if it had been loaded from <paramref name="address"/>: its forms post there.</summary>
    private static async Task<IHtmlDocument> DocumentAsync(string html, Uri address) =>
        (IHtmlDocument)await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html).Address(address), Ct);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
