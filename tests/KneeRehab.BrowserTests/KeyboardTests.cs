using System.Text.RegularExpressions;

namespace KneeRehab.BrowserTests;

/// <summary>
/// A patient who uses the keyboard only (a switch device, a screen reader's keys): the player's controls are
/// reached with Tab and pressed with Enter, and a failed form puts the focus on the error summary at the top.
/// </summary>
public class KeyboardTests(AppServer app, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The focused element's accessible name as a patient hears it (its aria-label, or its text).</summary>
    private static Task<string> FocusedNameAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || '').trim() : ''; }");

    /// <summary>Presses Tab until the control named <paramref name="name"/> has the focus, as a keyboard user does.</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        var seen = new List<string>();
        for (var presses = 0; presses < 120; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedNameAsync(page);
            if (focused == name) return;
            seen.Add(focused);
        }
        Assert.Fail($"Tab never reached \"{name}\"; it went through: {string.Join(" | ", seen.Distinct())}");
    }

    [Fact]
    public async Task Keyboard_only_the_player_ticks_a_set_and_moves_on_and_a_failed_form_focuses_its_error_summary()
    {
        var s = _session = await BrowserSession.StartAsync(host, app, BrowserSession.Phone);
        var page = s.Page;
        await s.RunAsync("keyboard", async () =>
        {
            await Patients.RegisterAsync(s, app, Patients.NewEmail());
            await Patients.StartProgramAsync(s, "inner-range-quadriceps", "2");

            await TabToAsync(page, "Set 1: done as prescribed");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Set 1: undo done", Exact = true })).ToBeVisibleAsync();
            await TabToAsync(page, "Next exercise");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#player-title")).ToHaveTextAsync("Ball clench extension");
            await s.CheckPageAsync();

            // A form sent without its answers comes back with the summary focused, and its first link leads to the field.
            await s.GotoAsync("/progress/checkin");
            await TabToAsync(page, "Save check-in");
            await page.Keyboard.PressAsync("Enter");
            await page.Locator(".error-summary").WaitForAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('.error-summary')"));
            await s.CheckPageAsync();
            await page.Keyboard.PressAsync("Tab");
            var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-error-for')");
            Assert.Matches(new Regex("^Input_(Average|Worst)Pain$"), target);
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal(target, await page.EvaluateAsync<string>("() => document.activeElement.id"));
        });
    }
}
