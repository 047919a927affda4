using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Security;

/// <summary>A cookie jar that can be copied: the way a stolen or left-behind session cookie is replayed.</summary>
public sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public CookieJar Copy()
    {
        var copy = new CookieJar();
        foreach (var (name, value) in _cookies) copy._cookies[name] = value;
        return copy;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals], pair[(equals + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        }
        return response;
    }
}

/// <summary>Issue 10's findings, each with the protection that fixes it.</summary>
public class HardeningTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private static string NewEmail() => $"patient-{Guid.NewGuid():N}@example.test";

    private HttpClient Client(CookieJar jar) => factory.CreateDefaultClient(new Uri("http://localhost"), jar);

    private async Task<HttpClient> SignedInAsync(CookieJar jar, string email)
    {
        var client = Client(jar);
        await KneeRehabFactory.RegisterAsync(client, factory.Mailbox, email);
        return client;
    }

    [Fact]
    public async Task A_session_cookie_copied_before_log_out_no_longer_reads_or_writes()
    {
        var jar = new CookieJar();
        var email = NewEmail();
        var client = await SignedInAsync(jar, email);
        var copied = Client(jar.Copy());
        var form = await copied.GetDocumentAsync("/log?exercise=ball-bridge");

        var home = await client.GetDocumentAsync("/");
        using (var logout = await client.SubmitAsync(home.QuerySelector<IHtmlFormElement>("form.nav-form")!)) logout.AssertRedirect("/");

        using var read = await copied.GetAsync("/history", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Contains("/identity/account/login", read.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        using var write = await copied.SaveAsync(form, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
        Assert.NotEqual(HttpStatusCode.OK, write.StatusCode);
        Assert.DoesNotContain("/history/", write.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        await using var db = factory.OpenDatabase();
        Assert.False(await db.Workouts.AnyAsync(w => db.Users.Any(u => u.Id == w.UserId && u.Email == email), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_but_keeps_this_one()
    {
        var jar = new CookieJar();
        var client = await SignedInAsync(jar, NewEmail());
        var other = Client(jar.Copy());

        using (var changed = await client.SubmitFormAsync("/identity/account/manage/changepassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = KneeRehabFactory.Password,
            ["Input.NewPassword"] = "another good passphrase",
            ["Input.ConfirmPassword"] = "another good passphrase",
        }, formSelector: "form#change-password-form")) changed.AssertRedirect("/identity/account/manage/changepassword");

        using var mine = await client.GetAsync("/history", TestContext.Current.CancellationToken);
        using var theirs = await other.GetAsync("/history", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
    }

    [Theory]
    [InlineData("/today")]
    [InlineData("/progress?handler=data&range=all")]
    [InlineData("/progress/export?handler=csv")]
    [InlineData("/progress/report")]
    [InlineData("/history")]
    public async Task Signed_in_pages_and_downloads_are_not_stored_in_any_cache(string url)
    {
        var client = await factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee")) started.AssertRedirect("/today");

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_shared_report_and_the_personal_data_download_are_not_cached()
    {
        var client = await factory.CreateUserClientAsync();
        var link = await Pages.Progress.ShareTests.CreateLinkAsync(client);

        using var shared = await factory.CreateBrowserClient().GetAsync(link, TestContext.Current.CancellationToken);
        var page = await client.GetDocumentAsync("/identity/account/manage/personaldata");
        using var download = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form#download-data")!);

        Assert.True(shared.Headers.CacheControl?.NoStore);
        Assert.True(download.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_configured_proxy_are_ignored()
    {
        var client = await factory.CreateUserClientAsync();
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? body = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body };
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
        var share = await client.GetDocumentAsync("/progress/share");
        using (await client.SubmitAsync(share.QuerySelector<IHtmlFormElement>("main form")!)) { }

        // A made-up X-Forwarded-Proto would turn the share link into https:// if it were believed.
        using var page = await SendAsync(HttpMethod.Get, "/progress/share");
        var links = (await page.ToDocumentAsync()).QuerySelectorAll(".share-url a");
        Assert.NotEmpty(links);
        Assert.DoesNotContain(links, a => a.GetAttribute("href")!.StartsWith("https://", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Four_taps_on_start_program_start_one_program_and_all_land_on_today()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.GetDocumentAsync("/programs/runners-knee/start");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.SubmitAsync(form, null, new Dictionary<string, string> { ["Input.BaselineMorningPain"] = "2" })));

        Assert.All(responses, r => r.AssertRedirect("/today"));
        foreach (var response in responses) response.Dispose();
        var userId = await factory.UserIdAsync(client);
        await using var db = factory.OpenDatabase();
        Assert.Equal(1, await db.Enrollments.CountAsync(e => e.UserId == userId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("7", 7)]
    public async Task A_load_typed_with_a_decimal_comma_is_stored_as_that_number(string typed, double kilograms)
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("leg-press");

        using var saved = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1", ["Input.Exercises[0].Sets[0].Load"] = typed });

        saved.AssertRedirect("/history/");
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = factory.OpenDatabase();
        var set = await db.LoggedSets.FirstAsync(s => db.WorkoutExercises.Any(e => e.Id == s.WorkoutExerciseId && e.WorkoutId == id) && s.Number == 1, TestContext.Current.CancellationToken);
        Assert.Equal(kilograms, set.LoadKg);
    }

    [Theory]
    [InlineData("12.500,5")]
    [InlineData("1,2,3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task An_ambiguous_or_impossible_load_gets_a_message_and_saves_nothing(string typed)
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("leg-press");

        using var refused = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1", ["Input.Exercises[0].Sets[0].Load"] = typed });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("is not a number", (await refused.ToDocumentAsync()).FieldError("Input.Exercises[0].Sets[0].Load"));
    }

    [Fact]
    public async Task Log_in_answers_an_unknown_or_unconfirmed_address_as_it_answers_a_wrong_password_up_to_the_lockout_page()
    {
        var known = NewEmail();
        await factory.CreateUserClientAsync(known);
        // Registered, its link never opened.
        var unconfirmed = NewEmail();
        using (var registered = await factory.CreateBrowserClient().SubmitFormAsync("/identity/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = unconfirmed,
            ["Input.Password"] = KneeRehabFactory.Password,
            ["Input.ConfirmPassword"] = KneeRehabFactory.Password,
        }, formSelector: "form#registerForm"))
            registered.AssertRedirect("/identity/account/registerconfirmation");
        async Task<List<string>> FiveWrongAsync(string email)
        {
            var client = factory.CreateBrowserClient();
            var outcomes = new List<string>();
            for (var attempt = 0; attempt < 5; attempt++)
            {
                using var response = await client.SubmitFormAsync("/identity/account/login", new Dictionary<string, string>
                {
                    ["Input.Email"] = email,
                    ["Input.Password"] = "not the password at all",
                }, formSelector: "form.account-form");
                outcomes.Add(response.StatusCode == HttpStatusCode.OK
                    ? (await response.ToDocumentAsync()).QuerySelector(".error-summary li")?.TextContent.Trim() ?? "?"
                    : response.Headers.Location!.OriginalString.ToLowerInvariant());
            }
            return outcomes;
        }

        var answers = await FiveWrongAsync(known);
        Assert.Equal("/identity/account/lockout", answers[^1]);
        Assert.Equal(answers, await FiveWrongAsync(NewEmail()));
        Assert.Equal(answers, await FiveWrongAsync(unconfirmed));
    }

    [Fact]
    public async Task A_300_character_email_and_a_5000_digit_phone_number_get_a_message()
    {
        var client = factory.CreateBrowserClient();
        var email = new string('a', 290) + "@example.test";
        using var registered = await client.SubmitFormAsync("/identity/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = KneeRehabFactory.Password,
            ["Input.ConfirmPassword"] = KneeRehabFactory.Password,
        }, formSelector: "form#registerForm");
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("at most 254 characters", await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var patient = await factory.CreateUserClientAsync();
        using var phone = await patient.SubmitFormAsync("/identity/account/manage", new Dictionary<string, string> { ["Input.PhoneNumber"] = new string('5', 5000) }, formSelector: "form#profile-form");
        Assert.True(phone.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)phone.StatusCode}");
        var userId = await factory.UserIdAsync(patient);
        await using var db = factory.OpenDatabase();
        Assert.Null((await db.Users.SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken)).PhoneNumber);
    }

    [Fact]
    public async Task A_workout_with_330_exercises_is_refused_with_a_message()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("ball-bridge");
        var form = page.Form();
        for (var i = 1; i < 330; i++)
        {
            foreach (var (name, value) in new[] { ($"Input.Exercises[{i}].Slug", "ball-bridge"), ($"Input.Exercises[{i}].Side", "Both"), ($"Input.Exercises[{i}].Sets[0].Reps", "10") })
            {
                var input = (IHtmlInputElement)page.CreateElement("input");
                (input.Type, input.Name, input.Value) = ("hidden", name, value);
                form.AppendChild(input);
            }
        }

        using var refused = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at most 40 exercises", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_personal_data_download_holds_every_table_with_the_patients_rows_and_deleting_the_account_removes_them()
    {
        var (client, enrollment) = await factory.StartedAsync("runners-knee", startedDaysAgo: 7);
        // Three good workouts: the first milestone (walking 30 minutes) is reached too.
        foreach (var daysAgo in new[] { 6, 4, 2 }) await factory.SeedWorkoutAsync(enrollment, daysAgo);
        var checkIn = await client.GetDocumentAsync("/progress/checkin");
        using (var saved = await client.SubmitAsync(checkIn.QuerySelector<IHtmlFormElement>("main form")!, null, new Dictionary<string, string>
        {
            ["Input.AveragePain"] = "3", ["Input.WorstPain"] = "5",
            ["Input.Activities[0].Name"] = "Stairs", ["Input.Activities[0].Score"] = "5",
            ["Input.Activities[1].Name"] = "Running", ["Input.Activities[1].Score"] = "3",
            ["Input.Activities[2].Name"] = "Squatting", ["Input.Activities[2].Score"] = "4",
        })) saved.AssertRedirect("/progress/checkin");
        var link = await Pages.Progress.ShareTests.CreateLinkAsync(client);
        using (await factory.CreateBrowserClient().GetAsync(link, TestContext.Current.CancellationToken)) { }
        var withList = await client.PressAsync(await client.StartWorkoutAsync("ball-bridge"), "Save list", new Dictionary<string, string> { ["NewListName"] = "Mine" });
        Assert.NotNull(withList);

        // A physiotherapist follows the patient and opened their page once.
        var physio = await Clinic.ClinicTests.PhysioAsync(factory);
        var invited = await client.GetDocumentAsync($"/account/physiotherapists?code={await Clinic.ClinicTests.InviteAsync(physio)}");
        using (var accepted = await client.SubmitAsync(invited.QuerySelector<IHtmlFormElement>("form[action*='Accept']")!)) accepted.AssertRedirect("/account/physiotherapists");
        var patientPage = await physio.GetDocumentAsync($"/clinic/patients/{enrollment.UserId}");
        using (var set = await physio.SubmitAsync(patientPage.QuerySelector<IHtmlFormElement>(".clinician-dose form")!, null, new Dictionary<string, string>
        {
            ["Dose.Exercise"] = "ball-bridge", ["Dose.Sets"] = "2", ["Dose.Reps"] = "10", ["Dose.Reason"] = "easier this week",
        })) set.AssertRedirect("/clinic/patients/");
        using (var noted = await physio.SubmitFormAsync($"/clinic/patients/{enrollment.UserId}/notes", new Dictionary<string, string> { ["Text"] = "How did the stairs go?" }))
            noted.AssertRedirect("/clinic/patients/");

        var page = await client.GetDocumentAsync("/identity/account/manage/personaldata");
        using var download = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form#download-data")!);
        using var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        var userId = enrollment.UserId;

        // Every table of the model that holds this patient's rows, and how the download shows them.
        await using (var db = factory.OpenDatabase())
        {
            var counts = new Dictionary<string, (int Stored, int Downloaded)>
            {
                ["Workouts"] = (await db.Workouts.CountAsync(w => w.UserId == userId, TestContext.Current.CancellationToken), root.GetProperty("workouts").GetArrayLength()),
                ["WorkoutExercises"] = (await db.WorkoutExercises.CountAsync(e => e.UserId == userId, TestContext.Current.CancellationToken), root.GetProperty("workouts").EnumerateArray().Sum(w => w.GetProperty("Exercises").GetArrayLength())),
                ["LoggedSets"] = (await db.LoggedSets.CountAsync(s => db.WorkoutExercises.Any(e => e.Id == s.WorkoutExerciseId && e.UserId == userId), TestContext.Current.CancellationToken),
                    root.GetProperty("workouts").EnumerateArray().SelectMany(w => w.GetProperty("Exercises").EnumerateArray()).Sum(e => e.GetProperty("Sets").GetArrayLength())),
                ["ExerciseLists"] = (await db.ExerciseLists.CountAsync(l => l.UserId == userId, TestContext.Current.CancellationToken), root.GetProperty("exerciseLists").GetArrayLength()),
                ["Enrollments"] = (await db.Enrollments.CountAsync(e => e.UserId == userId, TestContext.Current.CancellationToken), root.GetProperty("programs").GetArrayLength()),
                ["ProgramDecisions"] = (await db.ProgramDecisions.CountAsync(d => db.Enrollments.Any(e => e.Id == d.EnrollmentId && e.UserId == userId), TestContext.Current.CancellationToken),
                    root.GetProperty("programs").EnumerateArray().Sum(p => p.GetProperty("decisions").GetArrayLength())),
                ["MilestonesReached"] = (await db.MilestonesReached.CountAsync(m => db.Enrollments.Any(e => e.Id == m.EnrollmentId && e.UserId == userId), TestContext.Current.CancellationToken),
                    root.GetProperty("programs").EnumerateArray().Sum(p => p.GetProperty("milestones").GetArrayLength())),
                ["ProgramTransitions"] = (await db.ProgramTransitions.CountAsync(t => db.Enrollments.Any(e => e.Id == t.EnrollmentId && e.UserId == userId), TestContext.Current.CancellationToken),
                    root.GetProperty("programs").EnumerateArray().Sum(p => p.GetProperty("steps").GetArrayLength())),
                ["CheckIns"] = (await db.CheckIns.CountAsync(c => c.UserId == userId, TestContext.Current.CancellationToken), root.GetProperty("checkIns").GetArrayLength()),
                ["PsfsRating"] = (await db.Set<PsfsRating>().CountAsync(p => db.CheckIns.Any(c => c.Id == p.OutcomeCheckInId && c.UserId == userId), TestContext.Current.CancellationToken),
                    root.GetProperty("checkIns").EnumerateArray().Sum(c => c.GetProperty("psfs").GetArrayLength())),
                ["ShareLinks"] = (await db.ShareLinks.CountAsync(l => l.UserId == userId, TestContext.Current.CancellationToken), root.GetProperty("shareLinks").GetArrayLength()),
                ["ShareLinkView"] = (await db.Set<ShareLinkView>().CountAsync(v => db.ShareLinks.Any(l => l.Id == v.ShareLinkId && l.UserId == userId), TestContext.Current.CancellationToken),
                    root.GetProperty("shareLinks").EnumerateArray().Sum(l => l.GetProperty("views").GetArrayLength())),
                ["ExerciseSummaries"] = (await db.ExerciseSummaries.CountAsync(x => x.UserId == userId, TestContext.Current.CancellationToken),
                    root.GetProperty("progressSummaries").GetProperty("exercises").GetArrayLength()),
                ["ClinicianDoses"] = (await db.ClinicianDoses.CountAsync(d => db.Enrollments.Any(e => e.Id == d.EnrollmentId && e.UserId == userId), TestContext.Current.CancellationToken),
                    root.GetProperty("programs").EnumerateArray().Sum(p => p.GetProperty("physiotherapistDoses").GetArrayLength())),
                ["CareMessages"] = (await db.CareMessages.CountAsync(m => db.CareLinks.Any(l => l.Id == m.CareLinkId && l.PatientId == userId), TestContext.Current.CancellationToken),
                    root.GetProperty("clinic").GetProperty("notes").GetArrayLength()),
                ["CareLinks"] = (await db.CareLinks.CountAsync(l => l.PatientId == userId, TestContext.Current.CancellationToken),
                    root.GetProperty("clinic").GetProperty("physiotherapists").GetArrayLength()),
                ["ClinicAudit"] = (await db.ClinicAudit.CountAsync(a => a.PatientId == userId, TestContext.Current.CancellationToken),
                    root.GetProperty("clinic").GetProperty("views").GetArrayLength()),
                ["PainSummaries"] = (await db.PainSummaries.CountAsync(x => x.UserId == userId, TestContext.Current.CancellationToken),
                    root.GetProperty("progressSummaries").GetProperty("pain").GetArrayLength()),
            };
            foreach (var (table, (stored, downloaded)) in counts)
            {
                Assert.True(stored > 0, $"{table}: the test should give the patient rows here");
                Assert.True(stored == downloaded, $"{table}: {stored} stored, {downloaded} in the download");
            }
            // A table added to the model must be added here (or to the list of tables without personal data).
            // CareInvitations and ClinicPrograms are the physiotherapist's: ClinicTests and ProgramBuilderTests check their download.
            string[] notPersonal = ["CareInvitations", "ClinicPrograms", "HealthProbes", "DataProtectionKeys", "AspNetRoles", "AspNetRoleClaims", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetUsers"];
            var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct();
            Assert.Empty(tables.Except(counts.Keys).Except(notPersonal));
        }

        var delete = await client.GetDocumentAsync("/identity/account/manage/deletepersonaldata");
        using (var deleted = await client.SubmitAsync(delete.QuerySelector<IHtmlFormElement>("form#delete-user")!, null, new Dictionary<string, string> { ["Input.Password"] = KneeRehabFactory.Password }))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var after = factory.OpenDatabase();
        Assert.False(await after.Workouts.AnyAsync(w => w.UserId == userId, TestContext.Current.CancellationToken));
        Assert.False(await after.Enrollments.AnyAsync(e => e.UserId == userId, TestContext.Current.CancellationToken));
        Assert.False(await after.ExerciseSummaries.AnyAsync(x => x.UserId == userId, TestContext.Current.CancellationToken));
        Assert.False(await after.PainSummaries.AnyAsync(x => x.UserId == userId, TestContext.Current.CancellationToken));
        Assert.False(await after.ProgramDecisions.AnyAsync(d => d.EnrollmentId == enrollment.Id, TestContext.Current.CancellationToken));
        Assert.False(await after.CheckIns.AnyAsync(c => c.UserId == userId, TestContext.Current.CancellationToken));
        Assert.False(await after.ShareLinks.AnyAsync(l => l.UserId == userId, TestContext.Current.CancellationToken));
        Assert.False(await after.Set<ShareLinkView>().AnyAsync(TestContext.Current.CancellationToken) && await after.ShareLinks.AnyAsync(l => l.UserId == userId, TestContext.Current.CancellationToken));
    }
}

/// <summary>Share tokens never reach the log; a view is on record only once the report was made.</summary>
public sealed class ShareTokenLogTests : IDisposable
{
    private readonly KneeRehabFactory _factory = new() { Log = new CapturedLog() };

    [Fact]
    public async Task A_share_token_is_redacted_in_every_log_line()
    {
        var client = await _factory.CreateUserClientAsync();
        var link = await Pages.Progress.ShareTests.CreateLinkAsync(client);
        var token = link.Split('/')[^1];

        using (var shown = await _factory.CreateBrowserClient().GetAsync(link, TestContext.Current.CancellationToken)) Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        using (var unknown = await _factory.CreateBrowserClient().GetAsync("/shared/made-up-token-value", TestContext.Current.CancellationToken)) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The request log is written as the response completes, a moment after the client has it.
        for (var wait = 0; wait < 50 && !_factory.Log!.Responses.Any(r => r.Path.StartsWith("/shared/", StringComparison.Ordinal) && r.Status == 404); wait++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Contains(_factory.Log!.Responses, r => r.Path == "/shared/[token]" && r.Status == 200);
        Assert.DoesNotContain(_factory.Log.Lines, line => line.Contains(token, StringComparison.Ordinal) || line.Contains("made-up-token-value", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Cookies are Secure outside plain-HTTP test and development set-ups.</summary>
public sealed class SecureCookieTests : IDisposable
{
    private readonly SecureCookieFactory _factory = new();

    private sealed class SecureCookieFactory : KneeRehabFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:SecureCookies", "true");
        }
    }

    [Fact]
    public async Task The_sign_in_and_antiforgery_cookies_are_secure_and_http_only()
    {
        // Outside Development the app is served over HTTPS (directly, or behind a configured TLS proxy).
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var page = await client.GetAsync("/identity/account/login", TestContext.Current.CancellationToken);

        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
