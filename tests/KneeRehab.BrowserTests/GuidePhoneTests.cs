using System.Text.Json;

namespace KneeRehab.BrowserTests;

/// <summary>
/// A guide on a 390×844 phone, read mid-exercise: the steps on the first screen, when to stop one tap
/// away, and the hold timer. Every page is checked by axe-core and the Nu HTML Checker.
/// </summary>
public class GuidePhoneTests(AppServer app, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<BrowserSession> StartAsync() => _session = await BrowserSession.StartAsync(host, app, BrowserSession.Phone);

    [Fact]
    public async Task First_step_of_every_guide_is_on_the_first_screen()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("guide-first-screen", async () =>
        {
            await s.GotoAsync("/exercises");
            var guides = await page.Locator(".guide-card h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.pathname)");
            Assert.True(guides.Length > 20);

            var tooLow = new List<string>();
            foreach (var guide in guides)
            {
                await page.GotoAsync(guide);
                // The whole first step, measured as laid out, from the top of the page.
                var bottom = await page.Locator("#steps + ol > li").First.EvaluateAsync<double>("li => li.getBoundingClientRect().bottom + window.scrollY");
                var doseLine = await page.Locator(".dose-line").EvaluateAsync<double>("p => p.getBoundingClientRect().bottom + window.scrollY");
                if (bottom > BrowserSession.Phone.Height || doseLine > bottom) tooLow.Add($"{guide}: first step ends at {bottom:0} px, dose line at {doseLine:0} px");
            }
            Assert.True(tooLow.Count == 0, "Not on the first 844 px:\n" + string.Join("\n", tooLow));
            // The longest summary makes the lowest first step; that page gets the full check.
            await s.GotoAsync("/exercises/wall-squat");
        });
    }

    [Fact]
    public async Task When_to_stop_link_scrolls_to_the_cautions()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("guide-when-to-stop", async () =>
        {
            await s.GotoAsync("/exercises/step-down");
            var cautions = page.GetByRole(AriaRole.Heading, new() { Name = "When to stop", Level = 2 });
            Assert.True(await TopOfAsync(cautions) > BrowserSession.Phone.Height, "when to stop should start below the first screen, or this test proves nothing");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" }).GetByRole(AriaRole.Link, new() { Name = "When to stop" }).ClickAsync();
            await s.ArriveAsync("**/exercises/step-down#cautions-heading");
            // At the top of the screen once the (smooth) scroll has ended.
            await page.WaitForFunctionAsync("() => { const top = document.getElementById('cautions-heading').getBoundingClientRect().top; return top >= 0 && top < 100; }");
            await Assertions.Expect(cautions).ToBeInViewportAsync();
            await s.CheckPageAsync();
        });
    }

    private static Task<double> TopOfAsync(ILocator locator) => locator.EvaluateAsync<double>("e => e.getBoundingClientRect().top");

    [Fact]
    public async Task Hold_timer_counts_the_hold_and_announces_only_its_start_and_its_end()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("guide-hold-timer", async () =>
        {
            // Clamshell holds for 2 seconds: a short wait in real time.
            await s.GotoAsync("/exercises/clamshell");
            var timer = page.GetByRole(AriaRole.Group, new() { Name = "Hold timer" });
            await Assertions.Expect(timer).ToBeVisibleAsync();
            var status = timer.GetByRole(AriaRole.Status);
            // Every text the live region is given, as a screen reader would be told it, and every count
            // shown: recorded in the page, so a slow test machine cannot miss one between two polls.
            await status.EvaluateAsync("region => { window.announced = []; new MutationObserver(() => window.announced.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true }); }");
            await timer.Locator(".hold-count").EvaluateAsync("count => { window.counts = []; new MutationObserver(() => window.counts.push(count.textContent)).observe(count, { childList: true, characterData: true, subtree: true }); }");
            await s.CheckPageAsync();

            await timer.GetByRole(AriaRole.Button, new() { Name = "Start 2-second hold" }).ClickAsync();
            var stop = timer.GetByRole(AriaRole.Button, new() { Name = "Stop" });
            await Assertions.Expect(stop).ToBeFocusedAsync();
            await Assertions.Expect(status).ToHaveTextAsync("Hold done: relax.", new() { Timeout = 6000 });
            await Assertions.Expect(timer.Locator(".hold-count")).ToHaveTextAsync("Done");
            await Assertions.Expect(stop).ToBeHiddenAsync();
            Assert.Equal(["2 s", "1 s", "Done"], await RecordedAsync(page, "counts"));
            Assert.Equal(["Hold for 2 seconds: started.", "Hold done: relax."], await RecordedAsync(page, "announced"));

            // Started again and stopped half-way: said once each, and ready to start again.
            await timer.GetByRole(AriaRole.Button, new() { Name = "Start 2-second hold" }).ClickAsync();
            await stop.ClickAsync();
            await Assertions.Expect(status).ToHaveTextAsync("Hold stopped.");
            await Assertions.Expect(timer.GetByRole(AriaRole.Button, new() { Name = "Start 2-second hold" })).ToBeFocusedAsync();
            await page.WaitForTimeoutAsync(2500);
            Assert.Equal(["Hold for 2 seconds: started.", "Hold done: relax.", "Hold for 2 seconds: started.", "Hold stopped."], await RecordedAsync(page, "announced"));
            await s.CheckPageAsync();
        });
    }

    private static async Task<string[]> RecordedAsync(IPage page, string name) =>
        (await page.EvaluateAsync<JsonElement>("name => window[name]", name)).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
