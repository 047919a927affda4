using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.BrowserTests;

/// <summary>
/// With JavaScript off (a locked-down browser, a script that failed to load) today's workout is the plain form,
/// and it still logs the workout: every button is a real form post.
/// </summary>
public class NoScriptTests(AppServer app, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Without_javascript_the_plain_form_on_today_saves_the_whole_workout()
    {
        var s = _session = await BrowserSession.StartAsync(host, app, BrowserSession.Phone, javaScript: false);
        var page = s.Page;
        var email = Patients.NewEmail();
        await s.RunAsync("no-script", async () =>
        {
            await Patients.RegisterAsync(s, app, email);
            await Patients.StartProgramAsync(s, "inner-range-quadriceps", "2");

            // No player: every exercise's fields are on the page, as the server sent them.
            Assert.Equal(0, await page.Locator(".player-current").CountAsync());
            var sets = await page.Locator("form.workout-form .set-row").CountAsync();
            Assert.True(sets > 0);
            Assert.True(await page.Locator("form.workout-form input[name$='.Reps']").First.IsVisibleAsync());

            // A button that is JavaScript's job elsewhere goes to the server here, and the form comes back changed.
            await page.Locator("fieldset.exercise-entry").First.GetByRole(AriaRole.Button, new() { Name = "Add set" }).ClickAsync();
            await Assertions.Expect(page.Locator("form.workout-form .set-row")).ToHaveCountAsync(sets + 1);
            await page.GetByLabel("Pain (0-10)", new() { Exact = true }).FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply to all" }).ClickAsync();
            await Assertions.Expect(page.Locator("input.pain-input").First).ToHaveValueAsync("2");

            await page.Locator("button.save-workout").ClickAsync();
            await page.WaitForURLAsync("**/history/*");
            await s.CheckPageAsync();
        });

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var workout = await db.Workouts.Include(w => w.Exercises).ThenInclude(e => e.Sets).SingleAsync(w => w.UserId == userId, TestContext.Current.CancellationToken);
        Assert.NotNull(workout.EnrollmentId);
        Assert.All(workout.Exercises, e => Assert.Equal(2, e.PainDuring));
        // The form started with exactly the prescribed sets; one was added.
        Assert.Equal(workout.Exercises.Sum(e => e.Prescribed!.Sets) + 1, workout.Exercises.Sum(e => e.Sets.Count));
    }
}
