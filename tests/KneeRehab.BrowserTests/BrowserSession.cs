using System.Text.Json;
using System.Text.RegularExpressions;

namespace KneeRehab.BrowserTests;

/// <summary>Starts Playwright and Debian's Chromium once for all browser tests.</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Checkers.RequireChromium();
        // As generous as the contexts' timeouts: a save on a busy 2-core machine can take more than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(60_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Checkers.ChromiumPath,
            Headless = true,
            // Root needs --no-sandbox; the rest keep Chromium off a network this machine does not have.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

/// <summary>
/// One journey in its own browser context: checks every page it visits (axe-core, no console errors such
/// as CSP violations, and at the end the Nu HTML Checker), and leaves a screenshot when it fails.
/// </summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, string baseUrl) : IAsyncDisposable
{
    private readonly List<(string Url, Task<string?> Html)> _documents = [];
    private readonly List<string> _consoleErrors = [];
    private bool _serviceWorkers;
    private int _shots;

    public IPage Page { get; } = page;

    public static readonly (int Width, int Height) Phone = (390, 844);
    public static readonly (int Width, int Height) Desktop = (1280, 800);

    /// <summary>Service workers run as in a patient's browser unless a journey checks what happens without one.</summary>
    public static async Task<BrowserSession> StartAsync(BrowserHost host, AppServer app, (int Width, int Height) viewport, bool serviceWorkers = true)
    {
        var context = await host.Browser.NewContextAsync(new()
        {
            ServiceWorkers = serviceWorkers ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
            BaseURL = app.BaseUrl,
            ViewportSize = new() { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport == Phone,
            HasTouch = viewport == Phone,
        });
        // Generous: on a shared 2-core machine the other test project and a build may run at the same time.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page, app.BaseUrl) { _serviceWorkers = serviceWorkers };
        page.Response += (_, response) => session.Record(response);
        page.Console += (_, message) =>
        {
            // HTTP errors are judged from the responses themselves (a 404 page can be the point of a step).
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                session._consoleErrors.Add($"{page.Url}: {message.Text}");
        };
        return session;
    }

    private void Record(IResponse response)
    {
        if (!response.Request.IsNavigationRequest && response.Status >= 400)
            _consoleErrors.Add($"{Page.Url}: {response.Url} answered {response.Status}");
        var isPage = response.Request.IsNavigationRequest && response.Frame == Page.MainFrame
            && response.Status is 200 or 404 or 429
            && (response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal);
        if (isPage) _documents.Add((response.Url, BodyOrNullAsync(response)));
    }

    // A navigation the next one aborted (a double tap) has no body left to read; the page that replaced it is checked.
    private static async Task<string?> BodyOrNullAsync(IResponse response)
    {
        try { return await response.TextAsync(); }
        catch (PlaywrightException) { return null; }
    }

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await CheckPageAsync();
        await ServiceWorkerSettledAsync();
    }

    /// <summary>
    /// Until the service worker that js/offline.js registers is installed and controls the page (offline.js then
    /// marks the page offline-ready). A journey that clicks on at once navigates while the worker claims the page,
    /// and Chromium then sometimes never reports that navigation's load: a 60 s timeout on a page long loaded.
    /// Capped at 10 s: a page without the scripts (an error page, a browser offline) is not marked.
    /// </summary>
    private async Task ServiceWorkerSettledAsync()
    {
        if (!_serviceWorkers) return;
        try
        {
            await Page.WaitForFunctionAsync("() => document.documentElement.dataset.offlineReady === 'true'", null, new() { Timeout = 10_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            // Not marked: the journey goes on; its own checks say whether the page works.
        }
    }

    /// <summary>
    /// Waits until the browser's address matches (a Playwright URL glob: ** any text, * any text without a slash).
    /// The address is polled rather than waiting for a load event: Chromium can drop that event for a page the
    /// service worker answers, or when a second post aborts the first navigation.
    /// </summary>
    public Task ArriveAsync(string glob) => ArriveAsync(new Regex("^" + Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$"));

    public async Task ArriveAsync(Regex address)
    {
        await Assertions.Expect(Page).ToHaveURLAsync(address);
        await Page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    /// <summary>Accessibility of the page as it is now: no serious or critical axe-core violation.</summary>
    public async Task CheckPageAsync()
    {
        // The document's own state: Playwright's load event can be missed for a page a service worker answered.
        await Page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        // Colours are judged as they end up: a button that just changed is still in Bootstrap's colour transition.
        await Page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => undefined)))");
        // Evaluated through DevTools, so the page's CSP (no inline script) does not block the checker.
        await Page.EvaluateAsync("source => { if (!window.axe) { (0, eval)(source); } }", Checkers.AxeSource);
        var result = await Page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) })); }");
        var serious = result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core on {Page.Url}:\n" + string.Join("\n", serious));

        // For looking at what patients see: KNEEREHAB_SCREENSHOTS=folder keeps a picture of every checked page.
        if (Environment.GetEnvironmentVariable("KNEEREHAB_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = string.Concat(new Uri(Page.Url).PathAndQuery.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{++_shots:00}{name}.png"), FullPage = true });
        }
    }

    /// <summary>Runs a journey; on failure saves a screenshot beside the test binaries and says where.</summary>
    public async Task RunAsync(string name, Func<Task> journey)
    {
        try
        {
            await journey();
            Assert.True(_consoleErrors.Count == 0, "Console errors (a CSP violation, a script error or a missing file):\n" + string.Join("\n", _consoleErrors));
            var pages = new List<(string, string)>();
            foreach (var (url, html) in _documents)
                if (await html is { } body) pages.Add((url, body));
            var errors = await Checkers.ValidateHtmlAsync(pages);
            Assert.True(errors.Count == 0, $"Nu HTML Checker errors on {pages.Count} pages:\n" + string.Join("\n", errors));
        }
        catch (Exception e)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{name}.png");
            await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
            throw new JourneyFailedException($"{name} failed at {Page.Url}; screenshot: {file}", e);
        }
    }

    public string Url(string path) => baseUrl + path;

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

public sealed class JourneyFailedException(string message, Exception inner) : Exception(message, inner);
