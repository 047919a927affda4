using System.Text.RegularExpressions;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.BrowserTests;

/// <summary>
/// Chromium with JavaScript switched off: no player, no drafts, no service worker, and the plain form still
/// logs today's whole workout. The page checks of <see cref="BrowserSession"/> run scripts in the page, so
/// the patient is set up in a normal session and the no-script browser is a second context with its cookies.
/// </summary>
public class NoScriptTests(AppServer app, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private BrowserSession? _session;
    private IBrowserContext? _noScript;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_noScript is not null) await _noScript.DisposeAsync();
        if (_session is not null) await _session.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Without_JavaScript_the_plain_form_on_today_saves_the_whole_workout()
    {
        _session = await BrowserSession.StartAsync(host, app, BrowserSession.Phone);
        var s = _session;
        var email = Patients.NewEmail();
        await s.RunAsync("no-script-setup", async () =>
        {
            await Patients.RegisterAsync(s, app, email);
            await Patients.StartProgramAsync(s, "inner-range-quadriceps", "2");
        });

        _noScript = await host.Browser.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            BaseURL = app.BaseUrl,
            ViewportSize = new() { Width = BrowserSession.Phone.Width, Height = BrowserSession.Phone.Height },
            StorageState = await s.Page.Context.StorageStateAsync(),
        });
        _noScript.SetDefaultTimeout(30_000);
        var page = await _noScript.NewPageAsync();
        await page.GotoAsync("/today");

        // The whole form, as the server renders it: every entry, its sets and the save button; none of the player.
        var entries = page.Locator("fieldset.exercise-entry");
        var count = await entries.CountAsync();
        Assert.True(count >= 6, $"{count} entries");
        await Assertions.Expect(entries.Nth(count - 1)).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".player-nav, .player-start").CountAsync());
        Assert.Equal(0, await page.Locator(".draft-notice").CountAsync());

        // A pain for each entry (the other leg's optional box left empty), one set changed, then Save.
        var pains = page.Locator(".pain-input");
        for (var i = 0; i < count; i++)
        {
            var entry = entries.Nth(i);
            if (await entry.GetAttributeAsync("data-pain-optional") != "true") await entry.Locator(".pain-input").FillAsync("1");
        }
        Assert.Equal(count, await pains.CountAsync());
        await entries.First.GetByLabel("Reps").First.FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/history/\\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Workout");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var workout = await db.Workouts.AsNoTracking().Include(w => w.Exercises).ThenInclude(e => e.Sets)
            .SingleAsync(w => w.UserId == userId, TestContext.Current.CancellationToken);
        Assert.NotNull(workout.EnrollmentId);
        Assert.Equal(count, workout.Exercises.Count);
        Assert.Equal(7, workout.Exercises.OrderBy(e => e.Position).First().Sets.OrderBy(x => x.Number).First().Reps);
        Assert.All(workout.Exercises, e => Assert.NotNull(e.Prescribed));
    }
}
