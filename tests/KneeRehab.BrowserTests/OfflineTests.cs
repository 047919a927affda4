using System.Text.Json;
using System.Text.RegularExpressions;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.BrowserTests;

/// <summary>
/// Never a lost set, and the app in a gym basement, at a phone's size: drafts restored after a reload,
/// a workout saved offline sent once when the connection returns, pages kept for offline use, and the
/// installable app's manifest and service worker.
/// </summary>
public class OfflineTests(AppServer app, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A phone whose patient uses the whole form (these journeys are about the form's fields, not the player).</summary>
    private async Task<BrowserSession> StartAsync(bool serviceWorkers = true)
    {
        _session = await BrowserSession.StartAsync(host, app, BrowserSession.Phone, serviceWorkers);
        await Patients.PreferWholeFormAsync(_session);
        return _session;
    }

    private static ILocator Entries(IPage page) => page.Locator("fieldset.exercise-entry");

    private static async Task StartRunnersKneeAsync(BrowserSession s)
    {
        await s.GotoAsync("/programs/runners-knee/start");
        await s.Page.GetByLabel("Your usual knee pain when you get up in the morning", new() { Exact = false }).FillAsync("2");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).ClickAsync();
        await s.ArriveAsync("**/today");
        await s.CheckPageAsync();
    }

    /// <summary>The service worker is installed and has kept what this page asked it to keep.</summary>
    private static Task OfflineReadyAsync(IPage page) =>
        page.Locator("html[data-offline-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>A new patient on /log with a ball bridge, the page controlled by the service worker: ready to save offline.</summary>
    private async Task<string> NewPatientOnLogAsync(BrowserSession s)
    {
        var email = Patients.NewEmail();
        await Patients.RegisterAsync(s, app, email);
        await s.GotoAsync("/log?exercise=ball-bridge");
        await OfflineReadyAsync(s.Page);
        await s.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        return email;
    }

    private sealed record StoredWorkout(int Id, List<(string Slug, int? Pain, List<int> Reps)> Exercises, bool InProgram);

    private async Task<List<StoredWorkout>> WorkoutsOfAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var workouts = await db.Workouts.AsNoTracking().Where(w => w.UserId == userId).Include(w => w.Exercises).ThenInclude(e => e.Sets)
            .OrderBy(w => w.Id).ToListAsync(TestContext.Current.CancellationToken);
        return [.. workouts.Select(w => new StoredWorkout(w.Id, [.. w.Exercises.OrderBy(e => e.Id)
            .Select(e => (e.ExerciseSlug, e.PainDuring, e.Sets.OrderBy(x => x.Number).Select(x => x.Reps).ToList()))], w.EnrollmentId is not null))];
    }

    [Fact]
    public async Task Typed_values_and_set_rows_come_back_after_a_reload_and_discarding_gives_the_plan_back()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-draft", async () =>
        {
            await Patients.RegisterAsync(s, app, Patients.NewEmail());
            await StartRunnersKneeAsync(s);

            var first = Entries(page).Nth(0);
            var second = Entries(page).Nth(1);
            var firstRows = await first.Locator(".set-row").CountAsync();
            var secondRows = await second.Locator(".set-row").CountAsync();
            Assert.True(secondRows >= 2, $"{secondRows} sets planned for the second exercise");
            var plannedReps = await first.GetByLabel("Reps").First.InputValueAsync();

            await first.GetByLabel("Reps").First.FillAsync("6");
            await first.GetByRole(AriaRole.Button, new() { Name = "Add set" }).ClickAsync();
            await first.GetByLabel("Reps").Last.FillAsync("4");
            await first.GetByLabel("Pain during (0-10)").FillAsync("3");
            await first.GetByLabel("Felt right", new() { Exact = false }).UncheckAsync();
            await second.GetByRole(AriaRole.Button, new() { Name = $"Remove set {secondRows}" }).ClickAsync();
            await page.GetByLabel("Notes (optional)", new() { Exact = true }).FillAsync("basement gym, no signal");

            await page.ReloadAsync();
            var notice = page.Locator(".draft-notice[role=status]");
            await Assertions.Expect(notice).ToContainTextAsync(new Regex("We restored your unsaved workout from \\d\\d:\\d\\d today"));
            await s.CheckPageAsync();
            Assert.Equal(firstRows + 1, await first.Locator(".set-row").CountAsync());
            Assert.Equal(secondRows - 1, await second.Locator(".set-row").CountAsync());
            Assert.Equal("6", await first.GetByLabel("Reps").First.InputValueAsync());
            Assert.Equal("4", await first.GetByLabel("Reps").Last.InputValueAsync());
            Assert.Equal("3", await first.GetByLabel("Pain during (0-10)").InputValueAsync());
            Assert.False(await first.GetByLabel("Felt right", new() { Exact = false }).IsCheckedAsync());
            Assert.Equal("basement gym, no signal", await page.GetByLabel("Notes (optional)", new() { Exact = true }).InputValueAsync());
            // The restored rows are numbered as log.js numbers them, so the server reads them in order.
            Assert.Equal($"Input.Exercises[0].Sets[{firstRows}].Reps", await first.GetByLabel("Reps").Last.GetAttributeAsync("name"));

            await notice.GetByRole(AriaRole.Button, new() { Name = "Discard it" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
            await Assertions.Expect(Entries(page).Nth(0).Locator(".set-row")).ToHaveCountAsync(firstRows);
            Assert.Equal(plannedReps, await Entries(page).Nth(0).GetByLabel("Reps").First.InputValueAsync());
            Assert.Equal("", await page.GetByLabel("Notes (optional)", new() { Exact = true }).InputValueAsync());
            await page.ReloadAsync();
            await s.CheckPageAsync();
            Assert.Equal(0, await page.Locator(".draft-notice").CountAsync());
        });
    }

    [Fact]
    public async Task A_draft_for_other_exercises_is_mentioned_not_filled_into_the_wrong_fields()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-draft-other", async () =>
        {
            await Patients.RegisterAsync(s, app, Patients.NewEmail());
            await s.GotoAsync("/log?exercise=ball-bridge");
            await page.GetByLabel("Reps").First.FillAsync("17");

            await s.GotoAsync("/log?exercise=wall-squat");
            await Assertions.Expect(page.Locator(".draft-notice[role=status]")).ToContainTextAsync("for other exercises than this page shows now");
            await s.CheckPageAsync();
            Assert.NotEqual("17", await page.GetByLabel("Reps").First.InputValueAsync());

            // On /log the exercises are the patient's choice: the server shows the draft's own again.
            await page.GetByRole(AriaRole.Button, new() { Name = "Bring it back" }).ClickAsync();
            await s.ArriveAsync("**/log?handler=Restore");
            await Assertions.Expect(page.Locator(".draft-notice[role=status]")).ToContainTextAsync("We restored your unsaved workout");
            await s.CheckPageAsync();
            Assert.Equal(["Ball bridge"], await page.Locator(".exercise-entry legend").AllInnerTextsAsync());
            Assert.Equal("17", await page.GetByLabel("Reps").First.InputValueAsync());

            // Still only on the phone until saved: a reload of /log finds it again.
            await s.GotoAsync("/log");
            await Assertions.Expect(page.Locator(".draft-notice[role=status]")).ToContainTextAsync("for other exercises than this page shows now");
        });
    }

    [Fact]
    public async Task On_today_a_draft_made_before_the_plan_changed_is_brought_back_and_saved_as_a_program_workout()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-draft-today", async () =>
        {
            var email = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, email);
            await StartRunnersKneeAsync(s);
            await Entries(page).First.GetByLabel("Reps").First.FillAsync("17");

            // The draft kept on the phone, as it would be had the plan moved on since (a new phase, other exercises).
            await page.EvaluateAsync("""
                () => {
                  const name = Object.keys(localStorage).find(k => k.startsWith('kneerehab-draft:'));
                  const draft = JSON.parse(localStorage.getItem(name));
                  const body = new URLSearchParams(draft.body);
                  body.set('Input.Exercises[0].Slug', 'step-down');
                  body.set('Input.Exercises[0].Level', '1');
                  draft.body = body.toString();
                  localStorage.setItem(name, JSON.stringify(draft));
                }
                """);
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator(".draft-notice[role=status]")).ToContainTextAsync("for other exercises than this page shows now");
            Assert.NotEqual("17", await Entries(page).First.GetByLabel("Reps").First.InputValueAsync());
            await s.CheckPageAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Bring it back" }).ClickAsync();
            await s.ArriveAsync("**/today?handler=Restore");
            await Assertions.Expect(page.Locator(".draft-notice[role=status]")).ToContainTextAsync("We restored your unsaved workout");
            Assert.StartsWith("Step-down", await Entries(page).First.Locator("legend").InnerTextAsync());
            Assert.Equal("17", await Entries(page).First.GetByLabel("Reps").First.InputValueAsync());
            await s.CheckPageAsync();

            var pain = Entries(page).Locator(".pain-input");
            for (var i = 0; i < await pain.CountAsync(); i++)
            {
                if (await pain.Nth(i).InputValueAsync() == "") await pain.Nth(i).FillAsync("1");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await s.ArriveAsync(new Regex("/history/\\d+$"));
            var saved = Assert.Single(await WorkoutsOfAsync(email));
            Assert.Equal("step-down", saved.Exercises[0].Slug);
            Assert.Equal(17, saved.Exercises[0].Reps[0]);
            Assert.True(saved.InProgram);
        });
    }

    [Fact]
    public async Task A_workout_saved_offline_waits_on_the_phone_and_reaches_the_server_once_when_back_online()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-save", async () =>
        {
            var email = await NewPatientOnLogAsync(s);

            var entry = Entries(page).First;
            await entry.GetByLabel("Reps").Nth(0).FillAsync("9");
            await entry.GetByLabel("Reps").Nth(1).FillAsync("8");
            await entry.GetByRole(AriaRole.Button, new() { Name = "Add set" }).ClickAsync();
            await entry.GetByLabel("Reps").Nth(2).FillAsync("7");
            await entry.GetByLabel("Pain during (0-10)").FillAsync("2");

            await page.Context.SetOfflineAsync(true);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved on this phone, waiting to be sent (1 workout)");
            await s.CheckPageAsync();
            Assert.Empty(await WorkoutsOfAsync(email));

            // The typed workout now lives in the outbox, not in a draft; a page opened offline says it waits.
            await page.GotoAsync("/log?exercise=ball-bridge");
            await Assertions.Expect(page.Locator(".offline-banner")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#outbox-status")).ToHaveTextAsync(new Regex("^1 workout saved on this phone, waiting to be sent"));
            Assert.Equal(0, await page.Locator(".draft-notice").CountAsync());
            await s.CheckPageAsync();

            await page.Context.SetOfflineAsync(false);
            await Assertions.Expect(page.Locator("#outbox-status")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            var stored = Assert.Single(await WorkoutsOfAsync(email));
            var exercise = Assert.Single(stored.Exercises);
            Assert.Equal<(string, int?)>(("ball-bridge", 2), (exercise.Slug, exercise.Pain));
            Assert.Equal([9, 8, 7], exercise.Reps);

            // Sent again (another tab, a retried sync), it still counts once.
            await page.ReloadAsync();
            await s.CheckPageAsync();
            await page.GotoAsync("/history");
            await s.CheckPageAsync();
            Assert.Equal(1, await page.Locator(".history-row").CountAsync());
            Assert.Single(await WorkoutsOfAsync(email));
        });
    }

    [Fact]
    public async Task Background_Sync_sends_a_workout_saved_offline_with_no_page_of_the_app_open()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-background-sync", async () =>
        {
            var email = await NewPatientOnLogAsync(s);
            await Entries(page).First.GetByLabel("Reps").Nth(0).FillAsync("5");
            await Entries(page).First.GetByLabel("Pain during (0-10)").FillAsync("1");

            await page.Context.SetOfflineAsync(true);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("waiting to be sent (1 workout)");
            // The service worker asked the browser for a sync once the connection is back.
            Assert.Contains("send-workouts", await page.EvaluateAsync<string[]>("async () => (await navigator.serviceWorker.ready).sync.getTags()"));

            // The patient leaves the app: no page of it is open to notice the connection coming back.
            var cdp = await page.Context.NewCDPSessionAsync(page);
            var registration = new TaskCompletionSource<string>();
            cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, update) =>
            {
                foreach (var r in update!.Value.GetProperty("registrations").EnumerateArray())
                {
                    if (r.GetProperty("scopeURL").GetString() == app.BaseUrl + "/") registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
                }
            };
            await cdp.SendAsync("ServiceWorker.enable");
            var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await page.GotoAsync("about:blank");
            await page.Context.SetOfflineAsync(false);

            // The browser's sync event, as Chromium fires it when the connection returns.
            await cdp.SendAsync("ServiceWorker.dispatchSyncEvent", new Dictionary<string, object>
            {
                ["origin"] = app.BaseUrl,
                ["registrationId"] = registrationId,
                ["tag"] = "send-workouts",
                ["lastChance"] = false,
            });
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await WorkoutsOfAsync(email)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
            var exercise = Assert.Single(Assert.Single(await WorkoutsOfAsync(email)).Exercises);
            Assert.Equal(5, exercise.Reps[0]);

            await s.GotoAsync("/history");
            await Assertions.Expect(page.Locator("#outbox-status")).ToBeHiddenAsync();
            Assert.Equal(1, await page.Locator(".history-row").CountAsync());
        });
    }

    [Fact]
    public async Task Without_a_service_worker_the_page_keeps_a_workout_saved_offline_and_sends_it_when_back_online()
    {
        var s = await StartAsync(serviceWorkers: false);
        var page = s.Page;
        await s.RunAsync("offline-save-no-worker", async () =>
        {
            var email = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, email);
            await s.GotoAsync("/log?exercise=ball-bridge");
            Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker === undefined || navigator.serviceWorker.controller === null"));
            var entry = Entries(page).First;
            await entry.GetByLabel("Reps").Nth(0).FillAsync("5");
            await entry.GetByLabel("Reps").Nth(1).FillAsync("4");
            await entry.GetByLabel("Pain during (0-10)").FillAsync("1");

            await page.Context.SetOfflineAsync(true);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await Assertions.Expect(page.Locator(".draft-notice[role=status]")).ToContainTextAsync("Saved on this phone, waiting to be sent (1 workout)");
            await Assertions.Expect(page.Locator("#outbox-status")).ToContainTextAsync("1 workout saved on this phone, waiting to be sent");
            await s.CheckPageAsync();
            Assert.Empty(await WorkoutsOfAsync(email));

            await page.Context.SetOfflineAsync(false);
            await Assertions.Expect(page.Locator("#outbox-status")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            var exercise = Assert.Single(Assert.Single(await WorkoutsOfAsync(email)).Exercises);
            Assert.Equal([5, 4], exercise.Reps);
        });
    }

    [Fact]
    public async Task A_workout_saved_offline_that_the_server_refuses_comes_back_to_its_form()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-refused", async () =>
        {
            var email = await NewPatientOnLogAsync(s);
            await Entries(page).First.GetByLabel("Pain during (0-10)").FillAsync("11");

            await page.Context.SetOfflineAsync(true);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("waiting to be sent (1 workout)");
            await page.Context.SetOfflineAsync(false);
            await s.GotoAsync("/history");
            var status = page.Locator("#outbox-status");
            await Assertions.Expect(status).ToContainTextAsync("A workout saved offline was not accepted", new() { Timeout = 30_000 });
            Assert.Empty(await WorkoutsOfAsync(email));

            await status.GetByRole(AriaRole.Link, new() { Name = "open it to check the values" }).ClickAsync();
            await s.ArriveAsync("**/log");
            await page.GetByRole(AriaRole.Button, new() { Name = "Bring it back" }).ClickAsync();
            await Assertions.Expect(page.Locator(".draft-notice[role=status]")).ToContainTextAsync("We restored your unsaved workout");
            Assert.Equal("11", await Entries(page).First.GetByLabel("Pain during (0-10)").InputValueAsync());
            await Assertions.Expect(status).ToBeHiddenAsync();

            await Entries(page).First.GetByLabel("Pain during (0-10)").FillAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await s.ArriveAsync(new Regex("/history/\\d+$"));
            await s.CheckPageAsync();
            Assert.Single(await WorkoutsOfAsync(email));
        });
    }

    [Fact]
    public async Task Workouts_saved_offline_are_sent_only_for_the_account_that_saved_them_and_never_shown_to_another()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-accounts", async () =>
        {
            var first = await NewPatientOnLogAsync(s);
            var status = page.Locator("#outbox-status");

            // Two workouts saved offline: a good one, and one the server will give back (pain 11).
            await page.Context.SetOfflineAsync(true);
            await Entries(page).First.GetByLabel("Reps").Nth(0).FillAsync("6");
            await Entries(page).First.GetByLabel("Pain during (0-10)").FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("waiting to be sent (1 workout)");
            await page.GotoAsync("/log?exercise=ball-bridge");
            await Entries(page).First.GetByLabel("Pain during (0-10)").FillAsync("11");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("waiting to be sent (2 workouts)");

            // The browser loses its cookies (the session and the antiforgery cookie the saved forms' tokens
            // belong to) before the connection returns: nothing can be sent until the patient logs in again.
            await page.Context.ClearCookiesAsync(new() { NameRegex = new Regex("Identity|Antiforgery") });
            await page.Context.SetOfflineAsync(false);
            await s.GotoAsync("/");
            await Assertions.Expect(status).ToHaveTextAsync("2 workouts saved on this phone, waiting to be sent: log in with the account that saved them to send them.", new() { Timeout = 30_000 });
            await s.CheckPageAsync();

            // Another patient logs in on this phone: neither workout goes to their account.
            var second = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, second);
            await s.GotoAsync("/log?exercise=ball-bridge");
            await Assertions.Expect(status).ToHaveTextAsync("2 workouts saved on this phone by another account, waiting until it logs in.", new() { Timeout = 30_000 });
            Assert.Empty(await WorkoutsOfAsync(second));

            // Back to the first patient: sent with the token of their new session, the good workout is stored
            // once and the refused one comes back to them.
            await Patients.LogOutAsync(s);
            await s.GotoAsync("/identity/account/login");
            await Patients.LogInAsync(s, first);
            await s.GotoAsync("/history");
            await Assertions.Expect(status).ToHaveTextAsync(new Regex("^A workout saved offline was not accepted: open it to check the values"), new() { Timeout = 30_000 });
            var saved = Assert.Single(await WorkoutsOfAsync(first));
            Assert.Equal<(string, int?)>(("ball-bridge", 2), (Assert.Single(saved.Exercises).Slug, saved.Exercises[0].Pain));
            Assert.Equal(6, saved.Exercises[0].Reps[0]);

            // It is theirs alone: after a log-out the next patient is not shown it, nor given it as a draft.
            await Patients.LogOutAsync(s);
            await s.GotoAsync("/identity/account/login");
            await Patients.LogInAsync(s, second);
            await s.GotoAsync("/log?exercise=ball-bridge");
            await Assertions.Expect(status).ToHaveTextAsync("1 workout saved on this phone by another account, waiting until it logs in.", new() { Timeout = 30_000 });
            Assert.Equal(0, await page.Locator(".draft-notice").CountAsync());
            Assert.Equal("", await Entries(page).First.GetByLabel("Pain during (0-10)").InputValueAsync());
            await s.CheckPageAsync();
            Assert.Empty(await WorkoutsOfAsync(second));

            await Patients.LogOutAsync(s);
            await s.GotoAsync("/identity/account/login");
            await Patients.LogInAsync(s, first);
            await s.GotoAsync("/history");
            await status.GetByRole(AriaRole.Link, new() { Name = "open it to check the values" }).ClickAsync(new() { Timeout = 30_000 });
            await s.ArriveAsync("**/log");
            await page.GetByRole(AriaRole.Button, new() { Name = "Bring it back" }).ClickAsync();
            Assert.Equal("11", await Entries(page).First.GetByLabel("Pain during (0-10)").InputValueAsync());
            Assert.Single(await WorkoutsOfAsync(first));

            // Now a draft on the phone; the session ends without a log-out, and the other patient logs in: not theirs to see.
            await page.Context.ClearCookiesAsync(new() { NameRegex = new Regex("Identity") });
            await s.GotoAsync("/identity/account/login");
            await Patients.LogInAsync(s, second);
            await s.GotoAsync("/log?exercise=ball-bridge");
            await Assertions.Expect(Entries(page)).ToHaveCountAsync(1);
            Assert.Equal(0, await page.Locator(".draft-notice").CountAsync());
            Assert.Equal("", await Entries(page).First.GetByLabel("Pain during (0-10)").InputValueAsync());
        });
    }

    [Fact]
    public async Task Two_taps_on_save_and_a_replayed_post_store_one_workout()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-double-tap", async () =>
        {
            var email = Patients.NewEmail();
            await Patients.RegisterAsync(s, app, email);
            await s.GotoAsync("/log?exercise=ball-bridge");
            await page.GetByLabel("Pain during (0-10)").FillAsync("1");
            var body = await page.EvaluateAsync<string>("() => new URLSearchParams(new FormData(document.querySelector('.workout-form'))).toString()");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.DblClickAsync();
            // The second tap's post replaces the first one's navigation (the browser aborts it): the address,
            // not a navigation event, says where the patient ended up.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/history/\\d+$"));
            await s.CheckPageAsync();
            var saved = Assert.Single(await WorkoutsOfAsync(email));

            // The same form posted once more, as the outbox replays it: the saved workout, not a new one.
            var replay = await page.APIRequest.PostAsync("/log", new()
            {
                DataString = body,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
                MaxRedirects = 0,
            });
            Assert.Equal(302, replay.Status);
            Assert.EndsWith($"/history/{saved.Id}", replay.Headers["location"]);
            Assert.Single(await WorkoutsOfAsync(email));
        });
    }

    [Fact]
    public async Task After_one_visit_today_its_guides_and_the_history_open_offline_marked_as_copies_and_log_out_forgets_them()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-pages", async () =>
        {
            await Patients.RegisterAsync(s, app, Patients.NewEmail());
            await StartRunnersKneeAsync(s);
            await OfflineReadyAsync(page);
            var guides = await page.Locator(".decision-list a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.True(guides.Length >= 4, $"{guides.Length} guides");

            await page.Context.SetOfflineAsync(true);
            var banner = page.Locator(".offline-banner[role=status]");
            await page.GotoAsync("/today");
            await Assertions.Expect(banner).ToHaveTextAsync(new Regex("^You are offline: this is the copy from .*\\d\\d:\\d\\d\\.$"));
            Assert.Equal("Today", await page.Locator("h1").TextContentAsync());
            await s.CheckPageAsync();

            await page.GotoAsync(guides[^1]);
            await Assertions.Expect(banner).ToContainTextAsync("You are offline: this is the copy from");
            Assert.Equal(0, await page.Locator(".decision-list a").CountAsync());
            await s.CheckPageAsync();

            await page.GotoAsync("/history");
            await Assertions.Expect(banner).ToContainTextAsync("You are offline");
            Assert.Equal("Workout history", await page.Locator("h1").TextContentAsync());
            await s.CheckPageAsync();

            await page.Context.SetOfflineAsync(false);
            await s.GotoAsync("/today");
            Assert.Equal(0, await banner.CountAsync());
            await Patients.LogOutAsync(s);
            var kept = await page.EvaluateAsync<string[]>("async () => (await (await caches.open('kneerehab-pages-v1')).keys()).map(r => new URL(r.url).pathname)");
            Assert.DoesNotContain("/today", kept);
            Assert.DoesNotContain("/history", kept);
            Assert.DoesNotContain(kept, path => path.StartsWith("/exercises/", StringComparison.Ordinal));

            // Offline after logging out: the patient's pages are gone from this phone.
            await page.Context.SetOfflineAsync(true);
            var gone = await page.GotoAsync("/today");
            Assert.Equal(503, gone!.Status);
            Assert.Equal("You are offline", await page.Locator("h1").TextContentAsync());
            await s.CheckPageAsync();
            await page.Context.SetOfflineAsync(false);
        });
    }

    [Fact]
    public async Task The_manifest_is_valid_with_its_icons_and_the_service_worker_controls_the_page_after_a_reload()
    {
        var s = await StartAsync();
        var page = s.Page;
        await s.RunAsync("offline-install", async () =>
        {
            await s.GotoAsync("/");
            Assert.Equal("/manifest.webmanifest", await page.Locator("link[rel=manifest]").GetAttributeAsync("href"));
            var response = await page.APIRequest.GetAsync("/manifest.webmanifest");
            Assert.Equal(200, response.Status);
            Assert.StartsWith("application/manifest+json", response.Headers["content-type"]);
            using var manifest = JsonDocument.Parse(await response.TextAsync());
            var root = manifest.RootElement;
            Assert.Equal("KneeRehab", root.GetProperty("short_name").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("name").GetString()));
            Assert.Equal("/today", root.GetProperty("start_url").GetString());
            Assert.Equal("standalone", root.GetProperty("display").GetString());
            var theme = root.GetProperty("theme_color").GetString()!;
            var css = await (await page.APIRequest.GetAsync("/css/site.css")).TextAsync();
            Assert.Contains(theme, css, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(theme, await page.Locator("meta[name=theme-color]").GetAttributeAsync("content"));

            var icons = root.GetProperty("icons").EnumerateArray().ToList();
            foreach (var (size, type) in new[] { ("192x192", "image/png"), ("512x512", "image/png"), ("any", "image/svg+xml") })
            {
                var icon = Assert.Single(icons, i => i.GetProperty("sizes").GetString() == size);
                Assert.Equal(type, icon.GetProperty("type").GetString());
                var file = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
                Assert.Equal(200, file.Status);
                Assert.StartsWith(type, file.Headers["content-type"]);
                var bytes = await file.BodyAsync();
                if (type == "image/png")
                {
                    // The PNG header's IHDR chunk: width and height, big-endian, at bytes 16 and 20.
                    var side = int.Parse(size.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
                    Assert.Equal(side, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
                    Assert.Equal(side, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
                }
            }

            var csp = (await page.APIRequest.GetAsync("/")).Headers["content-security-policy"];
            Assert.Contains("worker-src 'self'", csp);
            Assert.Contains("manifest-src 'self'", csp);

            await OfflineReadyAsync(page);
            await page.ReloadAsync();
            await s.CheckPageAsync();
            Assert.EndsWith("/sw.js", await page.EvaluateAsync<string>("() => navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL"));
            Assert.Equal("/", new Uri(await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.getRegistration()).scope")).AbsolutePath);
        });
    }
}
