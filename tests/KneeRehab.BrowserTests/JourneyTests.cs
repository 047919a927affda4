using System.Text.RegularExpressions;

namespace KneeRehab.BrowserTests;

/// <summary>
/// What patients do, in a real browser: at a phone's size (390×844), and the library journey at a
/// desktop's too. Every page is checked by axe-core and the Nu HTML Checker.
/// </summary>
public class JourneyTests(AppServer app, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<BrowserSession> StartAsync((int, int) viewport) =>
        _session = await BrowserSession.StartAsync(host, app, viewport);

    [Fact]
    public Task Visitor_browses_the_library_on_a_phone() => VisitorBrowsesTheLibrary(BrowserSession.Phone, "library-phone");

    [Fact]
    public Task Visitor_browses_the_library_on_a_desktop() => VisitorBrowsesTheLibrary(BrowserSession.Desktop, "library-desktop");

    private async Task VisitorBrowsesTheLibrary((int, int) viewport, string name)
    {
        var s = await StartAsync(viewport);
        var page = s.Page;
        await s.RunAsync(name, async () =>
        {
            await s.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Exercises" }).ClickAsync();
            await s.ArriveAsync("**/exercises");
            await s.CheckPageAsync();

            await page.GetByLabel("Equipment").SelectOptionAsync("ball");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show exercises" }).ClickAsync();
            await s.ArriveAsync("**/exercises?*equipment=ball*");
            await s.CheckPageAsync();
            var cards = await page.Locator(".guide-card h2").AllTextContentsAsync();
            Assert.Contains("Ball bridge", cards);
            Assert.DoesNotContain("Leg press", cards);

            await page.GetByRole(AriaRole.Link, new() { Name = "Ball bridge", Exact = true }).ClickAsync();
            await s.ArriveAsync("**/exercises/ball-bridge");
            await s.CheckPageAsync();
            Assert.Equal("Ball bridge", await page.Locator("h1").TextContentAsync());

            var next = page.Locator("a[rel=next]").First;
            var nextTitle = (await next.TextContentAsync())!;
            await next.ClickAsync();
            await s.ArriveAsync(new Regex("/exercises/(?!ball-bridge)"));
            await s.CheckPageAsync();
            Assert.Equal(nextTitle, await page.Locator("h1").TextContentAsync());
        });
    }

    private static async Task AddExerciseAsync(BrowserSession s, string title)
    {
        await s.Page.GetByLabel("Exercise", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = title });
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await s.Page.Locator("legend", new() { HasText = title }).WaitForAsync();
        await s.CheckPageAsync();
    }

    private static ILocator Entry(IPage page, string title) => page.Locator("fieldset.exercise-entry", new() { Has = page.Locator("legend", new() { HasText = title }) });

    [Fact]
    public async Task Patient_registers_logs_in_and_logs_two_exercises_with_the_form_buttons()
    {
        var s = await StartAsync(BrowserSession.Phone);
        var page = s.Page;
        await s.RunAsync("log-workout", async () =>
        {
            var email = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, email);
            await Patients.LogOutAsync(s);

            await page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).ClickAsync();
            await Patients.LogInAsync(s, email);

            await page.GetByRole(AriaRole.Link, new() { Name = "Log", Exact = true }).ClickAsync();
            await s.ArriveAsync("**/log");
            await s.CheckPageAsync();
            await AddExerciseAsync(s, "Ball bridge");
            await Patients.ShowWholeFormAsync(s);
            await AddExerciseAsync(s, "Wall squat");

            // Each starts with the guide's two sets; take one away and add it back with the buttons,
            // which JavaScript handles in the page (the URL does not change).
            var bridge = Entry(page, "Ball bridge");
            var urlBefore = page.Url;
            await bridge.GetByRole(AriaRole.Button, new() { Name = "Remove set 2" }).ClickAsync();
            Assert.Equal(1, await bridge.Locator(".set-row").CountAsync());
            await bridge.GetByRole(AriaRole.Button, new() { Name = "Add set" }).ClickAsync();
            Assert.Equal(2, await bridge.Locator(".set-row").CountAsync());
            Assert.Equal("", await bridge.GetByLabel("Reps").Nth(1).InputValueAsync());
            await bridge.GetByLabel("Reps").Nth(1).FillAsync("12");

            var squat = Entry(page, "Wall squat");
            await squat.GetByRole(AriaRole.Button, new() { Name = "Remove set 2" }).ClickAsync();
            await squat.GetByLabel("Reps").First.FillAsync("8");
            await squat.GetByRole(AriaRole.Button, new() { Name = "Copy last set" }).ClickAsync();
            Assert.Equal("8", await squat.GetByLabel("Reps").Nth(1).InputValueAsync());
            Assert.Equal(urlBefore, page.Url);

            // The hold countdown runs in the page.
            await bridge.GetByRole(AriaRole.Button, new() { Name = "Hold 3 s" }).ClickAsync();
            await Assertions.Expect(bridge.Locator(".timer-display")).ToHaveTextAsync("Hold: done", new() { Timeout = 6000 });

            await page.GetByLabel("Pain (0-10)").FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply to all" }).ClickAsync();
            Assert.Equal("2", await squat.GetByLabel("Pain during (0-10)").InputValueAsync());

            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await s.ArriveAsync(new Regex("/history/\\d+$"));
            await s.CheckPageAsync();
            Assert.Equal("2 exercises · 4 sets · 38 reps", await page.Locator(".workout-summary").TextContentAsync());

            await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
            await s.ArriveAsync("**/history");
            await s.CheckPageAsync();
            Assert.Contains("Ball bridge, Wall squat", await page.Locator(".history-row").First.TextContentAsync());
        });
    }

    private static async Task LogBallBridgeAsync(BrowserSession s)
    {
        await s.GotoAsync("/log?exercise=ball-bridge");
        await Patients.ShowWholeFormAsync(s);
        await s.Page.GetByLabel("Pain during (0-10)").FillAsync("1");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
        await s.ArriveAsync(new Regex("/history/\\d+$"));
        await s.CheckPageAsync();
    }

    [Fact]
    public async Task Patient_edits_a_set_then_deletes_the_workout()
    {
        var s = await StartAsync(BrowserSession.Phone);
        var page = s.Page;
        await s.RunAsync("edit-delete", async () =>
        {
            await Patients.RegisterAsync(s, app, Patients.NewEmail());
            await LogBallBridgeAsync(s);

            await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
            await page.Locator(".history-row a").First.ClickAsync();
            await s.ArriveAsync(new Regex("/history/\\d+$"));
            var workoutUrl = page.Url;
            await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
            await s.ArriveAsync("**/edit");
            await s.CheckPageAsync();
            await page.GetByLabel("Reps").Nth(1).FillAsync("11");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await s.ArriveAsync(workoutUrl);
            await s.CheckPageAsync();
            Assert.Equal(["10", "11"], await page.Locator(".sets-table tbody tr td:nth-child(2)").AllTextContentsAsync());

            await page.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
            await s.ArriveAsync("**/delete");
            await s.CheckPageAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete it" }).ClickAsync();
            await s.ArriveAsync("**/history");
            await s.CheckPageAsync();
            Assert.Equal(0, await page.Locator(".history-row").CountAsync());

            var gone = await page.GotoAsync(workoutUrl);
            Assert.Equal(404, gone!.Status);
            await s.CheckPageAsync();

            await s.GotoAsync("/account/preferences");
            await page.GetByRole(AriaRole.Link, new() { Name = "Download your data" }).ClickAsync();
            await s.ArriveAsync("**/progress/export");
            await s.CheckPageAsync();
        });
    }

    [Fact]
    public async Task Reps_zero_and_pain_eleven_show_the_field_messages_and_keep_the_other_values()
    {
        var s = await StartAsync(BrowserSession.Phone);
        var page = s.Page;
        await s.RunAsync("validation", async () =>
        {
            await Patients.RegisterAsync(s, app, Patients.NewEmail());
            await s.GotoAsync("/log?exercise=ball-bridge");
            await Patients.ShowWholeFormAsync(s);
            await page.GetByLabel("Reps").First.FillAsync("0");
            await page.GetByLabel("Reps").Nth(1).FillAsync("9");
            await page.GetByLabel("Pain during (0-10)").FillAsync("11");
            await page.GetByLabel("Notes (optional)", new() { Exact = true }).FillAsync("knee felt warm");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await page.Locator(".field-validation-error").First.WaitForAsync();
            await s.CheckPageAsync();

            Assert.Equal("Reps must be from 1 to 200.", await page.Locator("[data-valmsg-for='Input.Exercises[0].Sets[0].Reps']").TextContentAsync());
            Assert.Equal("Pain is a number from 0 to 10.", await page.Locator("[data-valmsg-for='Input.Exercises[0].PainDuring']").TextContentAsync());
            Assert.Equal("9", await page.GetByLabel("Reps").Nth(1).InputValueAsync());
            Assert.Equal("knee felt warm", await page.GetByLabel("Notes (optional)", new() { Exact = true }).InputValueAsync());
            Assert.True(await page.Locator(".exercise-entry legend", new() { HasText = "Ball bridge" }).IsVisibleAsync());
        });
    }

    [Fact]
    public async Task After_logging_out_history_sends_the_user_to_log_in()
    {
        var s = await StartAsync(BrowserSession.Phone);
        var page = s.Page;
        await s.RunAsync("logout", async () =>
        {
            await Patients.RegisterAsync(s, app, Patients.NewEmail());
            await Patients.LogOutAsync(s);
            Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).IsVisibleAsync());

            await s.GotoAsync("/history");
            Assert.Matches("/identity/account/login\\?returnurl=%2fhistory$", page.Url.ToLowerInvariant());
            Assert.Equal("Log in", await page.Locator("h1").TextContentAsync());
        });
    }

    [Fact]
    public async Task Patient_starts_a_program_and_logs_today_as_prescribed()
    {
        var s = await StartAsync(BrowserSession.Phone);
        var page = s.Page;
        await s.RunAsync("program-today", async () =>
        {
            await Patients.RegisterAsync(s, app, Patients.NewEmail());
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Programs" }).ClickAsync();
            await s.ArriveAsync("**/programs");
            await s.CheckPageAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Runner's knee" }).ClickAsync();
            await s.ArriveAsync("**/programs/runners-knee");
            await s.CheckPageAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Start this program" }).ClickAsync();
            await s.ArriveAsync("**/programs/runners-knee/start");
            await s.CheckPageAsync();

            await page.GetByLabel("Your usual knee pain when you get up in the morning", new() { Exact = false }).FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).ClickAsync();
            await s.ArriveAsync("**/today");
            await s.CheckPageAsync();
            Assert.Contains("Today's exercises", await page.Locator("#decisions-heading").TextContentAsync());
            var planned = await page.Locator(".decision").CountAsync();
            Assert.True(planned >= 4, $"{planned} exercises planned");
            await Patients.ShowWholeFormAsync(s);

            await page.GetByLabel("Pain (0-10)").FillAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply to all" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await s.ArriveAsync(new Regex("/history/\\d+$"));
            await s.CheckPageAsync();
            Assert.True(await page.Locator(".prescribed").CountAsync() >= planned);

            await page.GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }).ClickAsync();
            await s.ArriveAsync("**/today");
            await s.CheckPageAsync();
            Assert.Contains("Done for today", await page.Locator("#decisions-heading").TextContentAsync());

            await page.GetByRole(AriaRole.Link, new() { Name = "Your weekly check-in is due" }).ClickAsync();
            await s.ArriveAsync("**/progress/checkin");
            await s.CheckPageAsync();
            await page.GetByLabel("Average pain this week").FillAsync("4");
            await page.GetByLabel("Worst pain this week").FillAsync("6");
            foreach (var (activity, score, row) in new[] { ("Stairs", "5", 0), ("Running", "3", 1), ("Kneeling", "4", 2) })
            {
                await page.GetByLabel($"Activity {row + 1}").FillAsync(activity);
                await page.GetByLabel("Score (0-10)").Nth(row).FillAsync(score);
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();
            await s.ArriveAsync("**/progress/checkin?saved=*");
            await s.CheckPageAsync();

            // Say which knee is the problem, so progress compares the legs.
            await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
            await s.ArriveAsync("**/account/preferences");
            await page.GetByLabel("Left", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await s.ArriveAsync("**/account/preferences");
            await s.CheckPageAsync();

            // Progress: the charts are drawn (Chart.js under the CSP), each with its table.
            await page.GetByRole(AriaRole.Link, new() { Name = "Progress", Exact = true }).ClickAsync();
            await s.ArriveAsync("**/progress");
            await page.WaitForFunctionAsync("() => window.Chart && Object.keys(window.Chart.instances).length > 0");
            await s.CheckPageAsync();
            Assert.True(await page.Locator("canvas[data-chart='exercise']").CountAsync() >= 4);
            Assert.True(await page.Locator(".symmetry-summary").CountAsync() >= 1);

            // The clinician's report prints to a clean PDF that carries the patient's figures.
            await page.GetByRole(AriaRole.Link, new() { Name = "Report for your physiotherapist" }).ClickAsync();
            await s.ArriveAsync("**/progress/report");
            await s.CheckPageAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            var printed = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Equal(1, document.NumberOfPages);
            Assert.Contains("Runner", printed);
            Assert.Contains("planned workouts", printed);
            Assert.Contains("Average pain", printed);
            Assert.DoesNotContain("Log out", printed);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            // A share link for the physiotherapist opens the same report.
            await page.GetByRole(AriaRole.Link, new() { Name = "Share this report with your physiotherapist" }).ClickAsync();
            await s.ArriveAsync("**/progress/share");
            await s.CheckPageAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create a share link" }).ClickAsync();
            await page.Locator(".share-url a").WaitForAsync();
            await s.CheckPageAsync();
            await page.Locator(".share-url a").ClickAsync();
            await s.ArriveAsync("**/shared/*");
            await s.CheckPageAsync();
            Assert.Contains("Runner", await page.Locator("#report-program").TextContentAsync() + await page.Locator("main").TextContentAsync());

            // The program's record lists its start.
            await s.GotoAsync("/programs/record");
            Assert.Contains("Started", await page.Locator(".program-record").TextContentAsync());

            // A warning sign pauses the program; carrying on needs the clinician's visit and its date.
            await s.GotoAsync("/today/warning");
            await page.GetByLabel("The knee locks", new() { Exact = false }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Pause my program" }).ClickAsync();
            await s.ArriveAsync("**/today");
            await s.CheckPageAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Carry on with my program" }).ClickAsync();
            await s.ArriveAsync("**/today?handler=Cleared");
            await s.CheckPageAsync();
            Assert.Contains("Enter the day a clinician saw you.", await page.Locator(".stop-advice").TextContentAsync());
            await page.GetByLabel("A clinician has seen me about this and says I can carry on").CheckAsync();
            await page.GetByLabel("When were you seen?").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Carry on with my program" }).ClickAsync();
            await s.ArriveAsync("**/today");
            Assert.Contains("one step lower", await page.Locator("main").TextContentAsync());
        });
    }

    [Fact]
    public async Task After_six_weeks_progress_draws_every_chart_and_the_report_prints_the_figures_on_one_page()
    {
        var s = await StartAsync(BrowserSession.Phone);
        var page = s.Page;
        await s.RunAsync("six-weeks", async () =>
        {
            var email = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, email);
            await s.GotoAsync("/programs/inner-range-quadriceps/start");
            await page.GetByLabel("Your usual knee pain when you get up in the morning", new() { Exact = false }).FillAsync("3");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).ClickAsync();
            await s.ArriveAsync("**/today");
            await Seeding.SixWeeksAsync(app, email);

            await s.GotoAsync("/progress?range=all");
            await page.WaitForFunctionAsync("() => window.Chart && Object.keys(window.Chart.instances).length >= document.querySelectorAll('canvas[data-chart]').length");
            await s.CheckPageAsync();
            Assert.True(await page.Locator("canvas[data-chart]").CountAsync() >= 8);

            await s.GotoAsync("/progress/report");
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            var printed = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Equal(1, document.NumberOfPages);
            Assert.Contains("Inner-range quadriceps", printed);
            Assert.Contains("Usual morning pain before starting: 3/10", printed);
            Assert.Contains("went from 6 to 1", printed);
            Assert.Contains("planned workouts", printed);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            // The program's record, and the finish moment once the program is over.
            await s.GotoAsync("/programs/record");
            var finished = await Seeding.FinishAsync(app, email);
            await s.GotoAsync("/today");
            await page.GetByRole(AriaRole.Link, new() { Name = "See what you achieved and what to keep doing" }).ClickAsync();
            await s.ArriveAsync($"**/programs/finished/{finished}");
            await s.CheckPageAsync();
            Assert.True(await page.Locator(".finished-doses tbody tr").CountAsync() >= 4);
        });
    }

    [Fact]
    public async Task Years_of_workouts_show_on_progress_per_quarter_with_every_chart_drawn()
    {
        var s = await StartAsync(BrowserSession.Phone);
        var page = s.Page;
        await s.RunAsync("progress-years", async () =>
        {
            var email = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, email);
            // About ten years of a workout every fourth day.
            await Seeding.YearsAsync(app, email, workouts: 900, everyDays: 4);

            await s.GotoAsync("/progress?range=all");
            await page.WaitForFunctionAsync("() => window.Chart && Object.keys(window.Chart.instances).length >= document.querySelectorAll('canvas[data-chart]').length");
            await s.CheckPageAsync();
            await Assertions.Expect(page.Locator(".grouping-note")).ToContainTextAsync("each quarter");
            Assert.Contains("900 workouts", await page.Locator("main").TextContentAsync());
            // Pain, check-ins, two exercises and the legs compared: each a chart drawn from the summaries.
            Assert.True(await page.Locator("canvas[data-chart]").CountAsync() >= 5);
            var painRows = await page.Locator("#pain-heading ~ details tbody tr").CountAsync();
            Assert.InRange(painRows, 39, 42);
        });
    }
}
