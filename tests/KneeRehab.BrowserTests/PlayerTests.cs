using System.Text.RegularExpressions;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.BrowserTests;

/// <summary>
/// The workout player on a phone (390×844): today's program day one exercise at a time over the workout form, with
/// its timers running at the test server's <c>Player:TimeScale</c> of 50. Every player screen is checked by axe-core.
/// </summary>
public class PlayerTests(AppServer app, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static ILocator Entry(IPage page, string slug, string side) => page.Locator($"fieldset.exercise-entry[data-slug='{slug}'][data-side='{side}']");

    private static Task ExpectStepAsync(IPage page, int step, int of, string title) => Task.WhenAll(
        Assertions.Expect(page.Locator(".player-progress")).ToHaveTextAsync($"Exercise {step} of {of}"),
        Assertions.Expect(page.Locator("#player-title")).ToHaveTextAsync(title));

    private static Task ExpectAnnouncedAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator(".player-announce")).ToHaveTextAsync(new Regex(Regex.Escape(text)), new() { Timeout = 15_000 });

    /// <summary>Ticks every set still open in the exercise on screen, "done as prescribed", in the order the player asks.</summary>
    private static async Task TickAllAsync(IPage page)
    {
        var open = page.Locator(".player-current .player-done:visible");
        while (await open.CountAsync() > 0)
            await page.Locator(".player-current-set .player-done").ClickAsync();
    }

    [Fact]
    public async Task Patient_does_a_whole_program_day_in_the_player_and_exactly_the_ticked_sets_are_stored()
    {
        _session = await BrowserSession.StartAsync(host, app, BrowserSession.Phone);
        var s = _session;
        var page = s.Page;
        await s.RunAsync("player-program-day", async () =>
        {
            var email = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, email);
            await s.GotoAsync("/account/preferences");
            await page.GetByLabel("Right", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await s.ArriveAsync("**/account/preferences");
            await Patients.StartProgramAsync(s, "inner-range-quadriceps", "2");

            // Exercise 1: today's dose, the key cue, the guide; a hold timer and a rest timer run to their end.
            await ExpectStepAsync(page, 1, 6, "Seated quadriceps activation");
            Assert.Equal("Today: 2 × 10, 3 s hold", await page.Locator(".player-dose").TextContentAsync());
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator(".player-cue").TextContentAsync()));
            Assert.Equal("/exercises/seated-quad-activation", await page.Locator(".player-guide").GetAttributeAsync("href"));
            Assert.False(await page.GetByLabel("Notes (optional)", new() { Exact = true }).IsVisibleAsync());
            await s.CheckPageAsync();
            await Button(page, "Start the holds: set 1").ClickAsync();
            await ExpectAnnouncedAsync(page, "Holds done: set 1.");
            await Button(page, "Set 1: done as prescribed").ClickAsync();
            await ExpectAnnouncedAsync(page, "Rest over.");

            await Button(page, "Next exercise").ClickAsync();

            // Exercise 2, one leg: the affected (right) knee first, then the left, set by set.
            await ExpectStepAsync(page, 2, 6, "Ball clench extension");
            Assert.Contains("right leg (your affected knee) first", await page.Locator(".player-side-note").TextContentAsync());
            await Button(page, "Set 1, right leg: done as prescribed").ClickAsync();
            await Assertions.Expect(page.Locator(".player-current-set .player-set-label")).ToHaveTextAsync(new Regex("^Set 1, left leg"));
            await s.CheckPageAsync();

            // A reload in the middle comes back to the same exercise with the same ticks.
            await page.ReloadAsync();
            await ExpectStepAsync(page, 2, 6, "Ball clench extension");
            await Assertions.Expect(Button(page, "Set 1, right leg: undo done")).ToBeVisibleAsync();
            await Assertions.Expect(Button(page, "Set 1, left leg: done as prescribed")).ToBeVisibleAsync();
            await Button(page, "Previous exercise").ClickAsync();
            await ExpectStepAsync(page, 1, 6, "Seated quadriceps activation");
            await Assertions.Expect(Button(page, "Set 1: undo done")).ToBeVisibleAsync();

            // Set 2 done differently: the set's own inputs open, and 8 reps is what gets stored.
            await Button(page, "Set 2: done differently").ClickAsync();
            var editing = page.Locator(".player-editing");
            await editing.GetByLabel("Reps").FillAsync("8");
            await Assertions.Expect(editing.GetByLabel("Hold (s)")).ToHaveValueAsync("3");
            await s.CheckPageAsync();
            await Button(page, "Set 2: done with these numbers").ClickAsync();
            await Assertions.Expect(page.Locator(".player-ticked .player-set-label").Nth(1)).ToHaveTextAsync("Set 2: 8 reps × 3 s hold · done (changed)");
            var seatedPain = Entry(page, "seated-quad-activation", "Both").GetByLabel("Pain during (0-10)");
            Assert.StartsWith("Pain up to 3 out of 10 is fine.", await page.Locator("#" + await seatedPain.GetAttributeAsync("aria-describedby")).TextContentAsync());
            await seatedPain.FillAsync("2");

            await Button(page, "Next exercise").ClickAsync();
            await ExpectStepAsync(page, 2, 6, "Ball clench extension");
            await TickAllAsync(page);
            // Pain is asked for the affected (right) side; the left leg's box is optional and stays empty unless filled.
            await Entry(page, "ball-clench-extension", "Right").GetByLabel("Pain during (0-10)").FillAsync("3");
            var leftPain = Entry(page, "ball-clench-extension", "Left").GetByLabel("Pain during (0-10), optional");
            await Assertions.Expect(leftPain).ToHaveValueAsync("");
            Assert.Contains("right knee is the one being treated", await page.Locator("#" + await leftPain.GetAttributeAsync("aria-describedby")).TextContentAsync());
            await leftPain.FillAsync("1");
            await Entry(page, "ball-clench-extension", "Right").GetByLabel("Pain during (0-10)").FillAsync("4");
            await Assertions.Expect(leftPain).ToHaveValueAsync("1");
            await s.CheckPageAsync();

            // The whole form is one tap away, and back.
            await Patients.ShowWholeFormAsync(s);
            await Assertions.Expect(page.Locator("fieldset.exercise-entry")).ToHaveCountAsync(10);
            Assert.True(await page.Locator("legend", new() { HasText = "Standing quadriceps stretch · left" }).IsVisibleAsync());
            Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Same pain for all" }).IsVisibleAsync());
            await s.CheckPageAsync();
            await Button(page, "One exercise at a time").ClickAsync();
            await ExpectStepAsync(page, 2, 6, "Ball clench extension");
            await Button(page, "Next exercise").ClickAsync();

            foreach (var (step, title, slug, oneLeg) in new[]
            {
                (3, "Straight leg raise", "straight-leg-raise", true),
                (4, "Ball bridge", "ball-bridge", false),
                (5, "Side-lying hip abduction", "side-lying-hip-abduction", true),
            })
            {
                await ExpectStepAsync(page, step, 6, title);
                await TickAllAsync(page);
                await Entry(page, slug, oneLeg ? "Right" : "Both").GetByLabel("Pain during (0-10)").FillAsync("1");
                await Button(page, "Next exercise").ClickAsync();
            }

            // The stretch: the last left set is not ticked, so it is not stored.
            await ExpectStepAsync(page, 6, 6, "Standing quadriceps stretch");
            for (var set = 1; set <= 4; set++)
            {
                await Button(page, $"Set {set}, right leg: done as prescribed").ClickAsync();
                if (set < 4) await Button(page, $"Set {set}, left leg: done as prescribed").ClickAsync();
            }
            await Entry(page, "standing-quad-stretch", "Right").GetByLabel("Pain during (0-10)").FillAsync("0");
            await s.CheckPageAsync();
            await Button(page, "Finish: see the summary").ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your workout" })).ToBeVisibleAsync();
            var summary = await page.Locator(".player-summary-list").TextContentAsync();
            Assert.Contains("set 2 8 reps × 3 s hold", summary);
            Assert.Contains("left leg: 3 of 4 sets done", summary);
            await s.CheckPageAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await s.ArriveAsync(new Regex("/history/\\d+$"));
            await s.CheckPageAsync();

            var stored = await StoredAsync(email);
            Assert.Equal([10, 8], stored[("seated-quad-activation", Side.Both)].Reps);
            Assert.Equal(2, stored[("seated-quad-activation", Side.Both)].Pain);
            Assert.Equal((4, 1), (stored[("ball-clench-extension", Side.Right)].Pain, stored[("ball-clench-extension", Side.Left)].Pain));
            Assert.Equal((1, null), (stored[("straight-leg-raise", Side.Right)].Pain, stored[("straight-leg-raise", Side.Left)].Pain));
            Assert.Equal(4, stored[("standing-quad-stretch", Side.Right)].Reps.Count);
            Assert.Equal(3, stored[("standing-quad-stretch", Side.Left)].Reps.Count);
            Assert.Equal(10, stored.Count);
            Assert.All(stored.Where(e => e.Key.Item1 is not ("seated-quad-activation" or "standing-quad-stretch")), e => Assert.Equal(2, e.Value.Reps.Count));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('kneerehab-player:')).length"));
        });
    }

    [Fact]
    public async Task On_log_an_exercise_with_no_set_ticked_is_skipped_only_after_the_patient_says_so()
    {
        _session = await BrowserSession.StartAsync(host, app, BrowserSession.Phone);
        var s = _session;
        var page = s.Page;
        await s.RunAsync("player-skip", async () =>
        {
            var email = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, email);
            await s.GotoAsync("/log?exercise=ball-bridge");
            // Exercises are added on the whole form; the player then takes them one at a time.
            await Patients.ShowWholeFormAsync(s);
            await page.GetByLabel("Exercise", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Wall squat" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await s.ArriveAsync("**/log?handler=AddExercise");
            await Button(page, "One exercise at a time").ClickAsync();

            await ExpectStepAsync(page, 1, 2, "Ball bridge");
            await s.CheckPageAsync();
            await Button(page, "Set 1: done as prescribed").ClickAsync();
            await Button(page, "Stop").ClickAsync();
            await Entry(page, "ball-bridge", "Both").GetByLabel("Pain during (0-10)").FillAsync("1");
            await Button(page, "Next exercise").ClickAsync();
            await ExpectStepAsync(page, 2, 2, "Wall squat");
            await Button(page, "Finish: see the summary").ClickAsync();

            // Saving asks first; "Go back to it" keeps it.
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await Assertions.Expect(page.Locator(".player-skip-question")).ToContainTextAsync("No set of Wall squat is ticked. Skip this exercise?");
            await s.CheckPageAsync();
            Assert.EndsWith("/log?handler=AddExercise", page.Url);
            await Button(page, "Go back to it").ClickAsync();
            await ExpectStepAsync(page, 2, 2, "Wall squat");
            await Button(page, "Finish: see the summary").ClickAsync();
            await Button(page, "Yes, skip it").ClickAsync();
            await s.ArriveAsync(new Regex("/log\\?.*handler=RemoveExercise"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your workout" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".player-skip-question")).ToHaveCountAsync(0);
            await s.CheckPageAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await s.ArriveAsync(new Regex("/history/\\d+$"));
            var stored = await StoredAsync(email);
            Assert.Equal([("ball-bridge", Side.Both)], stored.Keys);
            Assert.Single(stored[("ball-bridge", Side.Both)].Reps);
        });
    }

    /// <summary>The user's one workout as the server stored it: reps of every set and the pain, per exercise and side.</summary>
    private async Task<Dictionary<(string, Side), (List<int> Reps, int? Pain)>> StoredAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var workout = await db.Workouts.Include(w => w.Exercises).ThenInclude(e => e.Sets).SingleAsync(w => w.UserId == userId);
        return workout.Exercises.ToDictionary(e => (e.ExerciseSlug, e.Side), e => (e.Sets.OrderBy(x => x.Number).Select(x => x.Reps).ToList(), e.PainDuring));
    }
}
