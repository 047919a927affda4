using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Accounts;

public class AccountTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private static string NewEmail() => $"patient-{Guid.NewGuid():N}@example.test";

    private Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/identity/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }, formSelector: "form#registerForm");

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/identity/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [Fact]
    public async Task A_new_account_is_used_once_the_link_in_the_email_was_opened()
    {
        var client = factory.CreateBrowserClient();
        var email = NewEmail();

        using (var registered = await RegisterAsync(client, email, "gentle knee bends daily"))
            registered.AssertRedirect("/identity/account/registerconfirmation");
        var confirmation = await client.GetDocumentAsync("/identity/account/registerconfirmation");
        Assert.Equal("Check your e-mail", confirmation.QuerySelector("h1")!.TextContent);
        Assert.Contains(email, confirmation.QuerySelector("main")!.TextContent);

        // Before the link is opened the account cannot be used, and log-in says no more than for a wrong password.
        using (var early = await LogInAsync(client, email, "gentle knee bends daily"))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("do not match an account, or the address is not confirmed yet", await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var link = factory.Mailbox.ConfirmationLink(email);
        var confirmed = await client.GetDocumentAsync(link);
        Assert.Equal("Address confirmed", confirmed.QuerySelector("h1")!.TextContent);
        using (var again = await client.GetAsync(link, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using (var login = await LogInAsync(client, email, "gentle knee bends daily"))
            login.AssertRedirect("/");
        var home = await client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("nav a[href='/log']"));
    }

    [Fact]
    public async Task Registering_a_known_address_answers_as_for_a_new_one_and_tells_only_the_owner_by_email()
    {
        var owner = NewEmail();
        var ownerClient = await factory.CreateUserClientAsync(owner);
        var stranger = NewEmail();

        async Task<(string Location, string Page)> RegisterAndReadAsync(string email)
        {
            var client = factory.CreateBrowserClient();
            using var response = await RegisterAsync(client, email, "someone else's passphrase");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
            return (response.Headers.Location!.OriginalString, page.QuerySelector("main")!.TextContent.Replace(email, "ADDRESS", StringComparison.Ordinal));
        }

        Assert.Equal(await RegisterAndReadAsync(stranger), await RegisterAndReadAsync(owner));

        await using (var db = factory.OpenDatabase())
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == owner, TestContext.Current.CancellationToken));
        // The owner's password and session are as they were; the stranger's password opens nothing.
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/history", TestContext.Current.CancellationToken)).StatusCode);
        using (var strangers = await LogInAsync(factory.CreateBrowserClient(), owner, "someone else's passphrase"))
            Assert.Equal(HttpStatusCode.OK, strangers.StatusCode);
        await KneeRehabFactory.LogInAsync(factory.CreateBrowserClient(), owner);

        var told = factory.Mailbox.OnlyOne(owner, "You already have a KneeRehab account");
        Assert.Contains("nothing was changed", told.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("/identity/account/forgotpassword", Mailbox.Link(told, "/identity/account/forgotpassword"));
        Assert.Single(factory.Mailbox.To(owner), m => m.Subject == "Confirm your KneeRehab account");
        Assert.Single(factory.Mailbox.To(stranger), m => m.Subject == "Confirm your KneeRehab account");
    }

    [Fact]
    public async Task Registering_again_before_confirming_sends_a_new_link_and_the_newest_link_works()
    {
        var email = NewEmail();
        using (await RegisterAsync(factory.CreateBrowserClient(), email, KneeRehabFactory.Password)) { }
        using (var again = await RegisterAsync(factory.CreateBrowserClient(), email, KneeRehabFactory.Password))
            again.AssertRedirect("/identity/account/registerconfirmation");

        Assert.Equal(2, factory.Mailbox.To(email).Count(m => m.Subject == "Confirm your KneeRehab account"));
        var client = factory.CreateBrowserClient();
        using (var confirmed = await client.GetAsync(factory.Mailbox.ConfirmationLink(email), TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await KneeRehabFactory.LogInAsync(client, email);
    }

    [Theory]
    [InlineData("an unknown account")]
    [InlineData("a wrong code")]
    [InlineData("a code that is not base64")]
    public async Task A_confirmation_link_that_does_not_confirm_answers_400_the_same_way(string what)
    {
        var email = NewEmail();
        using (await RegisterAsync(factory.CreateBrowserClient(), email, KneeRehabFactory.Password)) { }
        var link = factory.Mailbox.ConfirmationLink(email);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        var userId = query["userId"].ToString();
        var code = query["code"].ToString();
        var broken = what switch
        {
            "an unknown account" => $"/identity/account/confirmemail?userId={Guid.NewGuid()}&code={code}",
            "a wrong code" => $"/identity/account/confirmemail?userId={userId}&code={code[..^4]}AAAA",
            _ => $"/identity/account/confirmemail?userId={userId}&code=%25%25%25",
        };

        using var response = await factory.CreateBrowserClient().GetAsync(broken, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This link does not work", (await response.ToDocumentAsync()).QuerySelector("h1")!.TextContent);
        await using var db = factory.OpenDatabase();
        Assert.False(await db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("eleven char", "at least 12 characters")]
    [InlineData("Password1234", "too common")]
    [InlineData("aaaaaaaaaaaaaaaa", "too common")]
    public async Task Short_or_common_passwords_are_refused(string password, string message)
    {
        var email = NewEmail();
        using var response = await RegisterAsync(factory.CreateBrowserClient(), email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await using var db = factory.OpenDatabase();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var email = NewEmail();
        await factory.CreateUserClientAsync(email);
        var client = factory.CreateBrowserClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await LogInAsync(client, email, "not the right password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("do not match an account", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        using (var fifth = await LogInAsync(client, email, "not the right password"))
            fifth.AssertRedirect("/identity/account/lockout");

        using var right = await LogInAsync(client, email, KneeRehabFactory.Password);
        right.AssertRedirect("/identity/account/lockout");
        await using var db = factory.OpenDatabase();
        var lockoutEnd = await db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync(TestContext.Current.CancellationToken);
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Right_password_logs_in_and_returns_to_the_page_asked_for()
    {
        var email = NewEmail();
        await factory.CreateUserClientAsync(email);
        var client = factory.CreateBrowserClient();

        using var response = await client.SubmitFormAsync("/identity/account/login?returnUrl=%2Fhistory", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = KneeRehabFactory.Password,
        });

        response.AssertRedirect("/history");
    }

    [Fact]
    public async Task Changing_the_password_follows_the_same_policy()
    {
        var email = NewEmail();
        var client = await factory.CreateUserClientAsync(email);
        Dictionary<string, string> Change(string next) => new()
        {
            ["Input.OldPassword"] = KneeRehabFactory.Password,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        };

        using (var common = await client.SubmitFormAsync("/identity/account/manage/changepassword", Change("password1234"), formSelector: "form#change-password-form"))
            Assert.Contains("too common", await common.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using (var changed = await client.SubmitFormAsync("/identity/account/manage/changepassword", Change("a brand new passphrase"), formSelector: "form#change-password-form"))
            changed.AssertRedirect("/identity/account/manage/changepassword");

        using var login = await LogInAsync(factory.CreateBrowserClient(), email, "a brand new passphrase");
        login.AssertRedirect("/");
    }

    [Fact]
    public async Task Log_out_then_history_sends_to_log_in()
    {
        var client = await factory.CreateUserClientAsync();
        var home = await client.GetDocumentAsync("/");

        using var logout = await client.SubmitAsync(home.QuerySelector<IHtmlFormElement>("form.nav-form")!);
        logout.AssertRedirect("/");

        using var history = await client.GetAsync("/history", TestContext.Current.CancellationToken);
        history.AssertRedirect("http://localhost/identity/account/login");
    }

    [Fact]
    public async Task Forgot_password_accepts_the_request_without_revealing_whether_the_account_exists()
    {
        var client = factory.CreateBrowserClient();

        using var response = await client.SubmitFormAsync("/identity/account/forgotpassword",
            new Dictionary<string, string> { ["Input.Email"] = NewEmail() });

        response.AssertRedirect("/identity/account/forgotpasswordconfirmation");
    }

    [Fact]
    public async Task Personal_data_download_has_every_workout_and_set()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("straight-leg-raise");
        using (var saved = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "2", ["Input.Notes"] = "mine" }))
            saved.AssertRedirect("/history/");

        var personalData = await client.GetDocumentAsync("/identity/account/manage/personaldata");
        using var download = await client.SubmitAsync(personalData.QuerySelector<IHtmlFormElement>("form#download-data")!);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        var workout = Assert.Single(json.RootElement.GetProperty("workouts").EnumerateArray());
        Assert.Equal("mine", workout.GetProperty("Notes").GetString());
        var exercises = workout.GetProperty("Exercises").EnumerateArray().ToList();
        Assert.Equal(["Left", "Right"], exercises.Select(e => e.GetProperty("Side").GetString()));
        Assert.Equal(2, exercises[0].GetProperty("Sets").GetArrayLength());
        Assert.Equal(10, exercises[0].GetProperty("Sets")[0].GetProperty("Reps").GetInt32());
        Assert.Equal("Kilograms", json.RootElement.GetProperty("account").GetProperty("Units").GetString());
        Assert.Empty(json.RootElement.GetProperty("programs").EnumerateArray());
    }

    [Fact]
    public async Task Personal_data_download_of_a_long_history_has_every_workout_in_order_across_its_pages()
    {
        var email = NewEmail();
        var client = await factory.CreateUserClientAsync(email);
        await using (var db = factory.OpenDatabase())
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            // 450 workouts, nine pages of the download's reading; two on some days (the id breaks the tie), some of them across a page break.
            var first = new DateOnly(2024, 1, 1);
            for (var i = 0; i < 450; i++)
            {
                var date = first.AddDays(i * 2 / 3);
                var workout = new KneeRehab.Web.Data.Workout { UserId = userId, Date = date, IdempotencyKey = Guid.NewGuid(), CreatedUtc = DateTime.UnixEpoch, Notes = $"w{i}" };
                workout.Exercises.Add(new KneeRehab.Web.Data.WorkoutExercise
                {
                    UserId = userId, Date = date, ExerciseSlug = "wall-squat", PainDuring = i % 4, FormOk = true,
                    Sets = [new KneeRehab.Web.Data.LoggedSet { Number = 1, Reps = 1 + i % 20 }],
                });
                db.Workouts.Add(workout);
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var personalData = await client.GetDocumentAsync("/identity/account/manage/personaldata");
        using var download = await client.SubmitAsync(personalData.QuerySelector<IHtmlFormElement>("form#download-data")!);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var workouts = json.RootElement.GetProperty("workouts").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 450).Select(i => $"w{i}"), workouts.Select(w => w.GetProperty("Notes").GetString()));
        Assert.Equal(1 + 449 % 20, workouts[^1].GetProperty("Exercises")[0].GetProperty("Sets")[0].GetProperty("Reps").GetInt32());
    }

    [Fact]
    public async Task Deleting_the_account_deletes_its_workouts()
    {
        var email = NewEmail();
        var client = await factory.CreateUserClientAsync(email);
        var page = await client.StartWorkoutAsync("ball-bridge");
        using (var saved = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "2" }))
            saved.AssertRedirect("/history/");
        string userId;
        await using (var db = factory.OpenDatabase())
        {
            userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, await db.Workouts.CountAsync(w => w.UserId == userId, TestContext.Current.CancellationToken));
        }

        using var response = await client.SubmitFormAsync("/identity/account/manage/deletepersonaldata",
            new Dictionary<string, string> { ["Input.Password"] = KneeRehabFactory.Password }, formSelector: "form#delete-user");
        response.AssertRedirect("/");

        await using var after = factory.OpenDatabase();
        Assert.False(await after.Users.AnyAsync(u => u.Id == userId, TestContext.Current.CancellationToken));
        Assert.Equal(0, await after.Workouts.CountAsync(w => w.UserId == userId, TestContext.Current.CancellationToken));
        Assert.Equal(0, await after.WorkoutExercises.CountAsync(e => e.UserId == userId, TestContext.Current.CancellationToken));
    }
}

/// <summary>Its own app, with a low limit, so that other tests' log-ins do not count.</summary>
public class RateLimitTests : IDisposable
{
    private readonly KneeRehabFactory _factory = new() { AccountPermitLimit = 3 };

    [Fact]
    public async Task Log_in_attempts_past_the_limit_get_429_with_retry_after_and_a_clear_page()
    {
        var client = _factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync("/identity/account/login");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var values = new Dictionary<string, string> { ["Input.Email"] = "someone@example.test", ["Input.Password"] = "guess guess guess" };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await client.SubmitAsync(form, null, values);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var limited = await client.SubmitAsync(form, null, values);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        var document = await limited.ToDocumentAsync();
        Assert.Equal("Too many attempts", document.QuerySelector("h1")!.TextContent);
        // Reading pages is never limited.
        using var library = await client.GetAsync("/exercises", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
    }

    [Theory]
    [InlineData("/identity/account/login/")]
    [InlineData("/IDENTITY/ACCOUNT/LOGIN/")]
    [InlineData("/Identity/Account/Login")]
    public async Task Another_spelling_of_the_log_in_address_is_limited_as_the_same_page(string spelling)
    {
        var client = _factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync("/identity/account/login");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var values = new Dictionary<string, string> { ["Input.Email"] = "someone@example.test", ["Input.Password"] = "guess guess guess" };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using (await client.SubmitAsync(form, null, values)) { }
        }

        form.Action = spelling;
        using var limited = await client.SubmitAsync(form, null, values);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Current_password_checks_are_limited_per_account()
    {
        var client = await _factory.CreateUserClientAsync();
        var page = await client.GetDocumentAsync("/identity/account/manage/changepassword");
        var form = page.QuerySelector<IHtmlFormElement>("form#change-password-form")!;
        var values = new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "not my password at all",
            ["Input.NewPassword"] = "a new good passphrase",
            ["Input.ConfirmPassword"] = "a new good passphrase",
        };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await client.SubmitAsync(form, null, values);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await client.SubmitAsync(form, null, values);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Registration_is_limited_too()
    {
        var client = _factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync("/identity/account/register");
        var form = page.QuerySelector<IHtmlFormElement>("form#registerForm")!;
        var values = new Dictionary<string, string> { ["Input.Email"] = "not-an-email", ["Input.Password"] = "x", ["Input.ConfirmPassword"] = "x" };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using (await client.SubmitAsync(form, null, values)) { }
        }
        using var limited = await client.SubmitAsync(form, null, values);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
