using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.Tests.Security;

/// <summary>
/// The app the bad-input suite talks to: one test server and database for every case (cases run one at a time and
/// each leaves the database as it found it), a clock the daylight-saving cases can move, and every log event kept.
/// Kestrel is started too, on first use, for the limits only a real server enforces (the test server has no header
/// or body limits); its log events go to the same place.
/// </summary>
public sealed class BadInputApp : IDisposable
{
    private KneeRehabFactory? _kestrel;

    public CapturedLog Log { get; } = new();

    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public KneeRehabFactory Factory { get; }

    public BadInputApp() => Factory = new KneeRehabFactory { Log = Log, Clock = Clock };

    public KneeRehabFactory Kestrel
    {
        get
        {
            if (_kestrel is null)
            {
                _kestrel = new KneeRehabFactory { Log = Log };
                _kestrel.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
                _kestrel.StartServer();
            }
            return _kestrel;
        }
    }

    /// <summary>A browser-like client of the Kestrel server: cookies kept, redirects not followed.</summary>
    public HttpClient KestrelClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(Kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };

    public void Dispose()
    {
        _kestrel?.Dispose();
        Factory.Dispose();
    }
}

/// <summary>
/// Bad input over every form and route, sent the way a careless or hostile client sends it: each case prepares what it
/// needs (a patient, a program, a workout, the page's real form), sends one bad request, and expects a clear 4xx or the
/// page back with its message. Never a 5xx, and the database exactly as it was, unless a case stores unusual but valid
/// text on purpose and then checks it was stored and shown as typed. No response the app logs during a case may be a
/// 5xx either, so a page reached on the way cannot fail unseen.
/// </summary>
public sealed class BadInputTests(BadInputApp app) : IClassFixture<BadInputApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Requests => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_bad_request_gets_a_4xx_or_its_message_never_a_5xx_and_leaves_the_database_as_it_was(string request)
    {
        var eventsBefore = app.Log.Events.Count;
        var responsesBefore = app.Log.Responses.Count;
        app.Clock.Now = DateTimeOffset.UtcNow;
        try
        {
            var prepared = await Cases[request](new Scene(app));
            var database = prepared.Database ?? app.Factory.Database;
            var before = DatabaseFingerprint.Of(database, prepared.Writes);

            using (var response = await prepared.Send())
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"{request} → {(int)response.StatusCode} {response.Headers.Location}");
                Assert.True((int)response.StatusCode < 500, $"{request}: {(int)response.StatusCode}");
                await prepared.Expect(response);
            }

            var after = DatabaseFingerprint.Of(database, prepared.Writes);
            Assert.True(before == after, $"{request} changed the database:\n{DatabaseFingerprint.Difference(before, after)}");
        }
        catch (Exception failure) when (ServerErrors(responsesBefore).Count > 0)
        {
            // A page on the way failed (while preparing, or after a redirect): say which, and why.
            Assert.Fail($"{failure.Message}\n{ServerErrorReport(responsesBefore, eventsBefore)}");
        }
        finally
        {
            app.Clock.Now = DateTimeOffset.UtcNow;
        }

        await LogQuietAsync();
        Assert.True(ServerErrors(responsesBefore).Count == 0, ServerErrorReport(responsesBefore, eventsBefore));
    }

    /// <summary>The request log is written as a response completes, a moment after the client has it: wait until it is quiet.</summary>
    private async Task LogQuietAsync()
    {
        var count = -1;
        for (var wait = 0; wait < 40 && app.Log.Events.Count != count; wait++)
        {
            count = app.Log.Events.Count;
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>Every response the app logged since a case began that was a 5xx: the request the case sent, and any other on the way.</summary>
    private List<(string Path, int Status)> ServerErrors(int responsesBefore) => [.. app.Log.Responses.Skip(responsesBefore).Where(r => r.Status >= 500)];

    private string ServerErrorReport(int responsesBefore, int eventsBefore) =>
        $"The app answered {string.Join(", ", ServerErrors(responsesBefore).Select(r => $"{r.Path} {r.Status}"))}{Exceptions(eventsBefore)}";

    /// <summary>The exceptions the app logged since a case began, for the failure message.</summary>
    private string Exceptions(int eventsBefore)
    {
        var exceptions = app.Log.Events.Skip(eventsBefore).Where(e => e.Exception is not null)
            .Select(e => $"\n  {e.Exception!.GetType().FullName}: {e.Exception.Message}\n    {e.Exception.StackTrace?.Split('\n').FirstOrDefault(line => line.Contains("KneeRehab", StringComparison.Ordinal))?.Trim()}")
            .Distinct().ToList();
        return exceptions.Count == 0 ? "" : "\nLogged:" + string.Concat(exceptions);
    }

    // The cases.

    private static readonly IReadOnlyDictionary<string, Func<Scene, Task<Prepared>>> Cases = All().ToDictionary(c => c.Name, c => c.Arrange);

    private static IEnumerable<(string Name, Func<Scene, Task<Prepared>> Arrange)> All()
    {
        const string Reps = "Input.Exercises[0].Sets[0].Reps";
        const string Load = "Input.Exercises[0].Sets[0].Load";
        const string Pain = "Input.Exercises[0].PainDuring";

        // /log: the workout form, filled as a patient would and then changed in one field.
        foreach (var (typed, message) in new[]
        {
            ("abc", "'abc' is not a valid reps: enter a number in range."),
            ("99999999999", "'99999999999' is not a valid reps: enter a number in range."),
            ("2.5", "'2.5' is not a valid reps: enter a number in range."),
            ("1e3", "'1e3' is not a valid reps: enter a number in range."),
            ("١٠", "'١٠' is not a valid reps: enter a number in range."),
            ("-2147483649", "'-2147483649' is not a valid reps: enter a number in range."),
        })
        {
            yield return ($"POST /log · reps \"{typed}\"", async s =>
            {
                var form = await s.LogFormAsync("ball-bridge");
                return Sending(form.With(Reps, typed), FieldMessage(Reps, message));
            });
        }

        yield return ("POST /log · hold \"2.5\"", async s =>
        {
            var form = await s.LogFormAsync("wall-squat");
            return Sending(form.With("Input.Exercises[0].Sets[0].HoldSeconds", "2.5"),
                FieldMessage("Input.Exercises[0].Sets[0].HoldSeconds", "'2.5' is not a valid hold: enter a number in range."));
        });

        foreach (var typed in new[] { "NaN", "Infinity", "-Infinity", "1e300", "0x10", "12.500,5" })
        {
            yield return ($"POST /log · load \"{typed}\"", async s =>
            {
                var form = await s.LogFormAsync("leg-press");
                return Sending(form.With(Load, typed), FieldMessage(Load, $"'{typed}' is not a number: write it like 12.5 or 12,5."));
            });
        }

        yield return ("POST /log · load 99999999999 kg", async s =>
        {
            var form = await s.LogFormAsync("leg-press");
            return Sending(form.With(Load, "99999999999"), FieldMessageStartingWith(Load, "Load must be from 0 to 500 kg"));
        });

        yield return ("POST /log · load \"12,5\" is stored as 12.5 kg, not 125", async s =>
        {
            var form = await s.LogFormAsync("leg-press");
            return new Prepared(() => form.With(Load, "12,5").SendAsync(), async response =>
            {
                var id = SavedWorkoutId(response);
                await using var db = s.Factory.OpenDatabase();
                var loads = await db.LoggedSets.Where(set => db.WorkoutExercises.Any(e => e.Id == set.WorkoutExerciseId && e.WorkoutId == id) && set.Number == 1)
                    .Select(set => set.LoadKg).ToListAsync(Ct);
                Assert.Equal(12.5, Assert.Single(loads));
                var details = await form.Client.GetDocumentAsync($"/history/{id}");
                Assert.Contains("12.5 kg", details.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            })
            { Writes = WorkoutTables };
        });

        foreach (var (typed, message) in new[] { ("11", "Pain is a number from 0 to 10."), ("-1", "Pain is a number from 0 to 10."), ("x", "'x' is not a valid pain: enter a number in range.") })
        {
            yield return ($"POST /log · pain during \"{typed}\"", async s =>
            {
                var form = await s.LogFormAsync("ball-bridge");
                return Sending(form.With(Pain, typed), FieldMessage(Pain, message));
            });
        }

        yield return ("POST /log · pain for all \"x\" sent twice, \"x\" first", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            return Sending(form.Without(Pain).With("Input.PainForAll", "x").Adding("Input.PainForAll", "3"),
                FieldMessageContaining("Input.PainForAll", "is not a valid pain: enter a number in range."));
        });

        yield return ("POST /log · side 7 (no such side)", async s =>
        {
            var form = await s.LogFormAsync("step-up");
            return Sending(form.With("Input.Exercises[0].Side", "7"), AnyMessage());
        });

        yield return ("POST /log · level 99 on a range exercise", async s =>
        {
            var form = await s.LogFormAsync("wall-squat");
            return Sending(form.With("Input.Exercises[0].Level", "99"), FieldMessage("Input.Exercises[0].Level", "Choose a level from the list."));
        });

        foreach (var slug in new[] { "parker-pinch", "../../etc/passwd", "ball-bridge\0", "ball\u200Bbridge" })
        {
            yield return ($"POST /log · exercise slug \"{Visible(slug)}\"", async s =>
            {
                var form = await s.LogFormAsync("ball-bridge");
                return Sending(form.With("Input.Exercises[0].Slug", slug),
                    BadRequestOr(FieldMessageContaining("Input.Exercises[0].Slug", "' is not an exercise in the library.")));
            });
        }

        yield return ("POST /log · exercise slug missing", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            return Sending(form.Without("Input.Exercises[0].Slug"), FieldMessage("Input.Exercises[0].Slug", "Choose an exercise."));
        });

        yield return ("POST /log · no exercises at all", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            return Sending(form.WithoutPrefix("Input.Exercises["), FieldMessage("Input.Exercises", "Add at least one exercise before saving."));
        });

        yield return ("POST /log · 330 exercises", async s =>
        {
            var form = (await s.LogFormAsync("ball-bridge")).Without("AddSlug").Without("NewListName").With("Input.PainForAll", "1");
            for (var i = 1; i < 330; i++)
                form.Adding($"Input.Exercises[{i}].Slug", "ball-bridge").Adding($"Input.Exercises[{i}].Side", "Both").Adding($"Input.Exercises[{i}].Sets[0].Reps", "10");
            return Sending(form, FieldMessage("Input.Exercises", "A workout can hold at most 40 exercises: save it in two parts."));
        });

        yield return ("POST /log · 21 sets in one exercise", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            for (var j = 0; j < 21; j++) form.With($"Input.Exercises[0].Sets[{j}].Reps", "10");
            return Sending(form, FieldMessage("Input.Exercises[0].Sets", "At most 20 sets per exercise."));
        });

        yield return ("POST /log · \"yes\" in the form-ok checkbox", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            return Sending(form.With("Input.Exercises[0].FormOk", "yes"), AnyMessage("Tick the box or leave it empty."));
        });

        foreach (var (date, message) in new[]
        {
            ("0001-01-01", "The date must be in 1900 or later."),
            ("9999-12-31", "The date can be at most one day ahead."),
            ("", "Enter the date of the workout."),
        })
        {
            yield return ($"POST /log · date \"{date}\"", async s =>
            {
                var form = await s.LogFormAsync("ball-bridge");
                return Sending(form.With("Input.Date", date), FieldMessage("Input.Date", message));
            });
        }

        foreach (var date in new[] { "2026-02-30", "10000-01-01", "31/12/2026", "2026-13-01" })
        {
            yield return ($"POST /log · date \"{date}\"", async s =>
            {
                var form = await s.LogFormAsync("ball-bridge");
                return Sending(form.With("Input.Date", date), FieldMessageContaining("Input.Date", date));
            });
        }

        yield return ("POST /log · notes of 2,001 characters", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            return Sending(form.With("Input.Notes", new string('n', 2001)), FieldMessage("Input.Notes", "Notes can be at most 2,000 characters."));
        });

        yield return ("POST /log · an exercise note of 201 characters", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            return Sending(form.With("Input.Exercises[0].Note", new string('n', 201)), FieldMessage("Input.Exercises[0].Note", "A note can be at most 200 characters."));
        });

        yield return ("POST /log · notes with emoji, right-to-left, zero-width and markup are stored and shown as typed", async s =>
        {
            const string Notes = "Knee 🦵🏽 fine 👍 · مرحبا بالركبة · \u202Eevil\u202C · zero\u200Bwidth\u200D · <script>alert(1)</script> & \"quotes\"";
            var form = await s.LogFormAsync("ball-bridge");
            return new Prepared(() => form.With("Input.Notes", Notes).With("Input.Exercises[0].Note", "👍 \u05E9\u05DC\u05D5\u05DD").SendAsync(), async response =>
            {
                var id = SavedWorkoutId(response);
                await using var db = s.Factory.OpenDatabase();
                var workout = await db.Workouts.Include(w => w.Exercises).SingleAsync(w => w.Id == id, Ct);
                Assert.Equal(Notes, workout.Notes);
                Assert.Equal("👍 \u05E9\u05DC\u05D5\u05DD", workout.Exercises.Single().Note);
                using var details = await form.Client.GetAsync($"/history/{id}", Ct);
                var html = await details.Content.ReadAsStringAsync(Ct);
                Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
                Assert.Equal(Notes, (await details.ToDocumentAsync()).QuerySelector(".workout-notes")!.TextContent);
            })
            { Writes = WorkoutTables };
        });

        yield return ("POST /log · a NUL byte in the notes is stored without harm or refused", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            return new Prepared(() => form.With("Input.Notes", "before\0after").SendAsync(), async response =>
            {
                if (response.StatusCode == HttpStatusCode.BadRequest) return;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Assert.NotEqual("", (await response.ToDocumentAsync()).FieldError("Input.Notes"));
                    return;
                }
                var id = SavedWorkoutId(response);
                await using var db = s.Factory.OpenDatabase();
                var stored = (await db.Workouts.SingleAsync(w => w.Id == id, Ct)).Notes!;
                string[] harmless = ["before\0after", "beforeafter", "before\uFFFDafter"];
                Assert.Contains(stored, harmless);
                using var details = await form.Client.GetAsync($"/history/{id}", Ct);
                Assert.False((await details.Content.ReadAsStringAsync(Ct)).Contains('\0', StringComparison.Ordinal), "a raw NUL in the page");
            })
            { Writes = WorkoutTables };
        });

        yield return ("POST /log?handler=AddExercise · unknown exercise", async s =>
        {
            var patient = await s.PatientAsync();
            var page = await patient.Client.StartWorkoutAsync("ball-bridge");
            var form = Form.Of(patient.Client, page.Form(), Button(page.Form(), "Add")).With("AddSlug", "no-such-exercise");
            return Sending(form, async response =>
            {
                var shown = await PageAsync(response);
                Assert.Equal(["ball-bridge"], shown.QuerySelectorAll<IHtmlInputElement>("input[name$='.Slug']").Select(i => i.Value));
            });
        });

        yield return ("POST /log?handler=SaveList · a list name of 61 characters", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            return Sending(form.Aimed("/log?handler=SaveList").With("NewListName", new string('l', 61)),
                FieldMessage("NewListName", "Give the list a name of at most 60 characters."));
        });

        yield return ("POST /log?handler=AddList · another patient's list", async s =>
        {
            var other = await s.AnotherPatientAsync();
            var otherForm = await s.LogFormAsync(other, "ball-bridge");
            using (var saved = await otherForm.Aimed("/log?handler=SaveList").With("NewListName", "Mine").SendAsync()) Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            await using var db = s.Factory.OpenDatabase();
            var list = await db.ExerciseLists.Where(l => l.UserId == other.Id).Select(l => l.Id).SingleAsync(Ct);
            var form = await s.LogFormAsync("wall-squat");
            return Sending(form.Aimed($"/log?handler=AddList&list={list}"), async response =>
            {
                var shown = await PageAsync(response);
                Assert.Equal(["wall-squat"], shown.QuerySelectorAll<IHtmlInputElement>("input[name$='.Slug']").Select(i => i.Value));
            });
        });

        // Antiforgery: a missing, changed, doubled or borrowed token is a 400 on every form.
        foreach (var (url, selector) in new[]
        {
            ("/log", "form.workout-form"),
            ("/progress/checkin", "main form"),
            ("/programs/runners-knee/start", "main form"),
            ("/account/preferences", "main form"),
            ("/progress/share", "main form"),
            ("/identity/account/manage", "form#profile-form"),
        })
        {
            yield return ($"POST {url} · no antiforgery token", async s =>
                Sending((await s.FormAsync(await s.PatientAsync(), url, selector)).Without(Form.TokenField), Status(HttpStatusCode.BadRequest)));
            yield return ($"POST {url} · a changed antiforgery token", async s =>
            {
                var form = await s.FormAsync(await s.PatientAsync(), url, selector);
                return Sending(form.With(Form.TokenField, Tampered(form.Token)), Status(HttpStatusCode.BadRequest));
            });
            yield return ($"POST {url} · another patient's antiforgery token", async s =>
            {
                var form = await s.FormAsync(await s.PatientAsync(), url, selector);
                var theirs = await s.FormAsync(await s.AnotherPatientAsync(), url, selector);
                return Sending(form.With(Form.TokenField, theirs.Token), Status(HttpStatusCode.BadRequest));
            });
        }

        yield return ("POST /log · the antiforgery token sent twice, a changed one first", async s =>
        {
            var form = await s.LogFormAsync("ball-bridge");
            var token = form.Token;
            return Sending(form.With(Form.TokenField, Tampered(token)).Adding(Form.TokenField, token), Status(HttpStatusCode.BadRequest));
        });

        yield return ("POST /identity/account/logout · a changed antiforgery token", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/today", "form.nav-form");
            return Sending(form.With(Form.TokenField, Tampered(form.Token)), Status(HttpStatusCode.BadRequest));
        });

        yield return ("POST /identity/account/login · no antiforgery token", async s =>
        {
            var form = await s.FormAsync(s.Factory.CreateBrowserClient(), "/identity/account/login", "form.account-form");
            return Sending(form.With("Input.Email", "someone@example.test").With("Input.Password", "whatever it is").Without(Form.TokenField), Status(HttpStatusCode.BadRequest));
        });

        // /history/{id}: unknown and other patients' workouts, bad morning pain.
        foreach (var url in new[] { "/history/999999", "/history/999999/edit", "/history/999999/delete", "/history/abc", "/history/99999999999", "/history/-1/edit", "/history/1.5" })
        {
            yield return ($"GET {url}", async s => Getting(await s.PatientAsync(), url, Status(HttpStatusCode.NotFound)));
        }

        foreach (var suffix in new[] { "", "/edit", "/delete" })
        {
            yield return ($"GET /history/{{another patient's workout}}{suffix}", async s =>
            {
                var other = await s.AnotherPatientAsync();
                var id = await s.WorkoutAsync(other);
                return Getting(await s.PatientAsync(), $"/history/{id}{suffix}", Status(HttpStatusCode.NotFound));
            });
        }

        yield return ("POST /history/{another patient's workout}/edit · the patient's own valid form", async s =>
        {
            var other = await s.AnotherPatientAsync();
            var theirs = await s.WorkoutAsync(other);
            var patient = await s.PatientAsync();
            var mine = await s.WorkoutAsync(patient);
            var form = await s.FormAsync(patient, $"/history/{mine}/edit", "form.workout-form", "Save workout");
            return Sending(form.Aimed($"/history/{theirs}/edit").With("Input.Notes", "overwritten"), Status(HttpStatusCode.NotFound));
        });

        yield return ("POST /history/{another patient's workout}/delete · with a valid token", async s =>
        {
            var other = await s.AnotherPatientAsync();
            var theirs = await s.WorkoutAsync(other);
            var patient = await s.PatientAsync();
            var mine = await s.WorkoutAsync(patient);
            var form = await s.FormAsync(patient, $"/history/{mine}/delete", "main form");
            return Sending(form.Aimed($"/history/{theirs}/delete"), Status(HttpStatusCode.NotFound));
        });

        yield return ("POST /history/{id}/delete · no antiforgery token", async s =>
        {
            var patient = await s.PatientAsync();
            var id = await s.WorkoutAsync(patient);
            var form = await s.FormAsync(patient, $"/history/{id}/delete", "main form");
            return Sending(form.Without(Form.TokenField), Status(HttpStatusCode.BadRequest));
        });

        yield return ("POST /history/{another patient's workout}?handler=MorningPain", async s =>
        {
            var other = await s.AnotherPatientAsync();
            var theirs = await s.WorkoutAsync(other, daysAgo: 1);
            var patient = await s.PatientAsync();
            var mine = await s.WorkoutAsync(patient, daysAgo: 1);
            var form = await s.FormAsync(patient, $"/history/{mine}", "form.add-row");
            return Sending(form.Aimed($"/history/{theirs}?handler=MorningPain").With("PainNextMorning", "3"), Status(HttpStatusCode.NotFound));
        });

        foreach (var (typed, message) in new[]
        {
            ("x", "'x' is not a valid pain this morning: enter a number in range."),
            ("11", "Pain is a number from 0 to 10."),
            ("", "Enter the pain this morning, from 0 to 10."),
            ("99999999999", "'99999999999' is not a valid pain this morning: enter a number in range."),
        })
        {
            yield return ($"POST /history/{{id}}?handler=MorningPain · \"{typed}\"", async s =>
            {
                var patient = await s.PatientAsync();
                var id = await s.WorkoutAsync(patient, daysAgo: 1);
                var form = await s.FormAsync(patient, $"/history/{id}", "form.add-row");
                return Sending(form.With("PainNextMorning", typed), FieldMessage("PainNextMorning", message));
            });
        }

        yield return ("POST /history/{id}/edit · date 0001-01-01", async s =>
        {
            var patient = await s.PatientAsync();
            var id = await s.WorkoutAsync(patient);
            var form = await s.FormAsync(patient, $"/history/{id}/edit", "form.workout-form", "Save workout");
            return Sending(form.With("Input.Date", "0001-01-01"), FieldMessage("Input.Date", "The date must be in 1900 or later."));
        });

        yield return ("POST /history/{id}/edit · reps \"abc\"", async s =>
        {
            var patient = await s.PatientAsync();
            var id = await s.WorkoutAsync(patient);
            var form = await s.FormAsync(patient, $"/history/{id}/edit", "form.workout-form", "Save workout");
            return Sending(form.With(Reps, "abc"), FieldMessage(Reps, "'abc' is not a valid reps: enter a number in range."));
        });

        // /today: the morning question, the program workout and carrying on after a warning sign.
        foreach (var (typed, message) in new[]
        {
            ("11", "Pain is a number from 0 to 10."),
            ("x", "'x' is not a valid pain this morning: enter a number in range."),
            ("", "Enter the pain this morning, from 0 to 10."),
        })
        {
            yield return ($"POST /today?handler=MorningPain · \"{typed}\"", async s =>
            {
                var (patient, _) = await s.WaitingForMorningPainAsync(await s.PatientAsync());
                var form = await s.FormAsync(patient, "/today", ".morning-question form");
                return Sending(form.With("MorningPain", typed), FieldMessage("MorningPain", message));
            });
        }

        yield return ("POST /today?handler=MorningPain · another patient's workout", async s =>
        {
            var (_, theirs) = await s.WaitingForMorningPainAsync(await s.AnotherPatientAsync());
            var (patient, _) = await s.WaitingForMorningPainAsync(await s.PatientAsync());
            var form = await s.FormAsync(patient, "/today", ".morning-question form");
            return Sending(form.Aimed($"/today?handler=MorningPain&workout={theirs}").With("MorningPain", "2"), Status(HttpStatusCode.NotFound));
        });

        yield return ("POST /today · a program workout dated before the program started", async s =>
        {
            var patient = await s.ProgramPatientAsync();
            var form = await s.FormAsync(patient, "/today", "form.workout-form", "Save workout");
            // Well before the start whatever the patient's zone or the shared clock's hour.
            var before = DateOnly.FromDateTime(s.App.Clock.Now.UtcDateTime).AddDays(-30);
            return Sending(form.With("Input.Date", before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                FieldMessageStartingWith("Input.Date", "A program workout is for a day of the program: from "));
        });

        foreach (var (seen, seenOn, field, message) in new[]
        {
            ("true", "0001-01-01", "Clearance.SeenOn", "Enter a day from "),
            ("true", "9999-12-31", "Clearance.SeenOn", "Enter a day from "),
            ("yes", "", "Clearance.Seen", "Tick this only when a clinician has seen you and said you can carry on."),
        })
        {
            yield return ($"POST /today?handler=Cleared · seen \"{seen}\" on \"{seenOn}\"", async s =>
            {
                var patient = await s.ProgramPatientAsync();
                var warning = await s.FormAsync(patient, "/today/warning", "main form");
                using (var paused = await warning.With("RedFlags", "A_DVT").SendAsync()) paused.AssertRedirect("/today");
                var form = await s.FormAsync(patient, "/today", "form.clearance");
                return Sending(form.With("Clearance.Seen", seen).With("Clearance.SeenOn", seenOn), FieldMessageStartingWith(field, message));
            });
        }

        yield return ("POST /today/warning · a warning sign that does not exist", async s =>
        {
            var patient = await s.ProgramPatientAsync();
            var form = await s.FormAsync(patient, "/today/warning", "main form");
            return Sending(form.With("RedFlags", "NOT_A_SIGN"), FieldMessage("RedFlags", "Tick the sign you have, or go back if none applies."));
        });

        // /programs/{slug}/start.
        foreach (var (typed, message) in new[]
        {
            ("x", "'x' is not a valid usual morning pain: enter a number in range."),
            ("11", "Pain is a number from 0 to 10."),
            ("99999999999", "'99999999999' is not a valid usual morning pain: enter a number in range."),
            ("", "Enter your usual knee pain in the morning, from 0 to 10."),
        })
        {
            yield return ($"POST /programs/runners-knee/start · usual morning pain \"{typed}\"", async s =>
            {
                var form = await s.FormAsync(await s.PatientAsync(), "/programs/runners-knee/start", "main form");
                return Sending(form.With("Input.BaselineMorningPain", typed), FieldMessage("Input.BaselineMorningPain", message));
            });
        }

        yield return ("POST /programs/whole-chain-knee/start · \"yes\" in the confirm-end checkbox", async s =>
        {
            var patient = await s.ProgramPatientAsync();
            var form = await s.FormAsync(patient, "/programs/whole-chain-knee/start", "main form");
            return Sending(form.With("Input.BaselineMorningPain", "2").With("Input.ConfirmEnd", "yes"), FieldMessage("Input.ConfirmEnd", "Tick the box or leave it empty."));
        });

        yield return ("POST /programs/no-such-program/start · a real start form aimed at an unknown program", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/programs/runners-knee/start", "main form");
            return Sending(form.Aimed("/programs/no-such-program/start").With("Input.BaselineMorningPain", "2"), Status(HttpStatusCode.NotFound));
        });

        // /progress/checkin: the weekly check-in and its activity scale.
        foreach (var (field, typed, message) in new[]
        {
            ("Input.AveragePain", "x", "'x' is not a valid average pain: enter a number in range."),
            ("Input.WorstPain", "11", "Pain is a number from 0 to 10."),
            ("Input.Activities[0].Score", "2.5", "'2.5' is not a valid score: enter a number in range."),
            ("Input.Activities[0].Name", new string('a', 61), "Keep the activity to 60 characters."),
        })
        {
            yield return ($"POST /progress/checkin · {field} \"{Shortened(typed)}\"", async s =>
            {
                var form = await s.CheckInFormAsync();
                return Sending(form.With(field, typed), FieldMessage(field, message));
            });
        }

        yield return ("POST /progress/checkin · worst pain lower than the average", async s =>
        {
            var form = await s.CheckInFormAsync();
            return Sending(form.With("Input.AveragePain", "6").With("Input.WorstPain", "2"), FieldMessage("Input.WorstPain", "The worst pain cannot be lower than the average."));
        });

        yield return ("POST /progress/checkin · 400 activities", async s =>
        {
            var form = (await s.CheckInFormAsync()).WithoutPrefix("Input.Activities[");
            for (var i = 0; i < 400; i++) form.Adding($"Input.Activities[{i}].Name", $"Activity {i}").Adding($"Input.Activities[{i}].Score", "5");
            return Sending(form, FieldMessage("Input.Activities", "Rate at most 5 activities."));
        });

        yield return ("POST /progress/checkin · activities named in other scripts and with emoji are stored as typed", async s =>
        {
            string[] names = ["Treppen 🪜", "\u0627\u0644\u062C\u0631\u064A", "zero\u200Bwidth"];
            var patient = await s.PatientAsync();
            var form = await s.CheckInFormAsync();
            for (var i = 0; i < names.Length; i++) form.With($"Input.Activities[{i}].Name", names[i]);
            return new Prepared(() => form.SendAsync(), async response =>
            {
                response.AssertRedirect("/progress/checkin");
                await using var db = s.Factory.OpenDatabase();
                var stored = await db.CheckIns.Where(c => c.UserId == patient.Id).SelectMany(c => c.Psfs).OrderBy(p => p.Id).Select(p => p.Activity).ToListAsync(Ct);
                Assert.Equal(names, stored);
            })
            { Writes = ["CheckIns", "PsfsRating", "sqlite_sequence"] };
        });

        // /account/preferences.
        foreach (var zone in new[] { "Mars/Olympus_Mons", "../../../../etc/passwd", "Europe/London\0", "Europe/London\u200B", "/usr/share/zoneinfo/Europe/London" })
        {
            yield return ($"POST /account/preferences · time zone \"{Visible(zone)}\"", async s =>
            {
                var form = await s.FormAsync(await s.PatientAsync(), "/account/preferences", "main form");
                return Sending(form.With("Input.TimeZone", zone), BadRequestOr(FieldMessage("Input.TimeZone", "Choose your time zone from the list.")));
            });
        }

        yield return ("POST /account/preferences · a time zone of 65 characters", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/account/preferences", "main form");
            return Sending(form.With("Input.TimeZone", "Europe/" + new string('x', 58)), FieldMessage("Input.TimeZone", "The field TimeZone must be a string with a maximum length of 64."));
        });

        foreach (var (field, typed, message) in new[]
        {
            ("Input.Units", "99", "'99' is not valid here."),
            ("Input.Units", "Stones", "'Stones' is not a valid Units: enter a number in range."),
            ("Input.AffectedKnee", "7", "'7' is not valid here."),
        })
        {
            yield return ($"POST /account/preferences · {field} \"{typed}\"", async s =>
            {
                var form = await s.FormAsync(await s.PatientAsync(), "/account/preferences", "main form");
                return Sending(form.With(field, typed), FieldMessage(field, message));
            });
        }

        // Daylight saving, for a patient in London: their days are London's, whatever the clocks do. At 23:30 UTC on the
        // nights below it is already the next day in London (British Summer Time), so a form's date shows whose day it is.
        var clocksGoBack = new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.Zero);
        var clocksWentForward = new DateTimeOffset(2026, 3, 29, 23, 30, 0, TimeSpan.Zero);

        yield return ("POST /log · 00:30 BST on the night the clocks go back, a workout dated two London days ahead", async s =>
        {
            var patient = await s.LondonPatientAsync(clocksGoBack);
            var form = await s.LogFormAsync(patient, "ball-bridge");
            Assert.Equal("2026-10-25", form.Value("Input.Date"));
            return Sending(form.With("Input.Date", "2026-10-27"), FieldMessage("Input.Date", "The date can be at most one day ahead."));
        });

        yield return ("POST /history/{id}?handler=MorningPain · 00:30 BST on the night the clocks go back, for a workout of the same London day", async s =>
        {
            var patient = await s.LondonPatientAsync(clocksGoBack);
            var id = await s.WorkoutAsync(patient);
            await using (var db = s.Factory.OpenDatabase()) Assert.Equal(new DateOnly(2026, 10, 25), (await db.Workouts.SingleAsync(w => w.Id == id, Ct)).Date);
            var form = await s.FormAsync(patient, $"/history/{id}", "form.add-row");
            return Sending(form.With("PainNextMorning", "2"), FieldMessage("PainNextMorning", "Tell us tomorrow morning: the question is about the morning after the workout."));
        });

        yield return ("POST /today · 00:30 GMT, half an hour before the clocks go forward, a program workout dated tomorrow", async s =>
        {
            var patient = await s.LondonPatientAsync(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
            using (var started = await ProgramPagesTests.StartAsync(patient.Client, "runners-knee")) started.AssertRedirect("/today");
            var form = await s.FormAsync(patient, "/today", "form.workout-form", "Save workout");
            Assert.Equal("2026-03-29", form.Value("Input.Date"));
            return Sending(form.With("Input.Date", "2026-03-30"), FieldMessageStartingWith("Input.Date", "A program workout is for a day of the program: from "));
        });

        yield return ("POST /today · 00:30 BST on the first night after the clocks went forward, a program workout dated the UTC day before the program began", async s =>
        {
            var patient = await s.LondonPatientAsync(clocksWentForward);
            using (var started = await ProgramPagesTests.StartAsync(patient.Client, "runners-knee")) started.AssertRedirect("/today");
            var form = await s.FormAsync(patient, "/today", "form.workout-form", "Save workout");
            Assert.Equal("2026-03-30", form.Value("Input.Date"));
            return Sending(form.With("Input.Date", "2026-03-29"), FieldMessageStartingWith("Input.Date", "A program workout is for a day of the program: from "));
        });

        yield return ("POST /history/{id}?handler=MorningPain · 00:30 BST on the first night after the clocks went forward, for a workout of the same London day", async s =>
        {
            var patient = await s.LondonPatientAsync(clocksWentForward);
            var id = await s.WorkoutAsync(patient);
            await using (var db = s.Factory.OpenDatabase()) Assert.Equal(new DateOnly(2026, 3, 30), (await db.Workouts.SingleAsync(w => w.Id == id, Ct)).Date);
            var form = await s.FormAsync(patient, $"/history/{id}", "form.add-row");
            return Sending(form.With("PainNextMorning", "2"), FieldMessage("PainNextMorning", "Tell us tomorrow morning: the question is about the morning after the workout."));
        });

        // Log-in and registration.
        yield return ("POST /identity/account/login · \"yes\" in keep-me-logged-in", async s =>
        {
            var patient = await s.PatientAsync();
            var form = await s.FormAsync(s.Factory.CreateBrowserClient(), "/identity/account/login", "form.account-form");
            return Sending(form.With("Input.Email", patient.Email).With("Input.Password", KneeRehabFactory.Password).With("Input.RememberMe", "yes"),
                AnyMessage("Tick the box or leave it empty."));
        });

        yield return ("POST /identity/account/login · a 10 KB password", async s =>
        {
            var form = await s.FormAsync(s.Factory.CreateBrowserClient(), "/identity/account/login", "form.account-form");
            return Sending(form.With("Input.Email", NewEmail()).With("Input.Password", new string('p', 10_240)), SummaryMessage("That email and password do not match an account, or the address is not confirmed yet."));
        });

        yield return ("POST /identity/account/login · a NUL byte in the e-mail", async s =>
        {
            var form = await s.FormAsync(s.Factory.CreateBrowserClient(), "/identity/account/login", "form.account-form");
            return Sending(form.With("Input.Email", "pa\0tient@example.test").With("Input.Password", KneeRehabFactory.Password), BadRequestOr(AnyMessage()));
        });

        yield return ("POST /identity/account/login · e-mail field missing", async s =>
        {
            var form = await s.FormAsync(s.Factory.CreateBrowserClient(), "/identity/account/login", "form.account-form");
            return Sending(form.Without("Input.Email").With("Input.Password", KneeRehabFactory.Password), FieldMessage("Input.Email", "Enter your email address."));
        });

        yield return ("POST /identity/account/register · a 10 KB password", async s =>
        {
            var password = new string('p', 10_240);
            var form = await s.RegisterFormAsync(NewEmail(), password);
            return Sending(form, FieldMessage("Input.Password", "The Password must be at least 6 and at max 100 characters long."));
        });

        yield return ("POST /identity/account/register · a 300-character e-mail", async s =>
        {
            var form = await s.RegisterFormAsync(new string('a', 287) + "@example.test", KneeRehabFactory.Password);
            return Sending(form, SummaryMessage("An email address can be at most 254 characters."));
        });

        yield return ("POST /identity/account/register · the same account registered twice", async s =>
        {
            var patient = await s.PatientAsync();
            var form = await s.RegisterFormAsync(patient.Email, KneeRehabFactory.Password);
            // The same answer as for a new address (not to reveal who has an account), and never a second account.
            return Sending(form, response =>
            {
                response.AssertRedirect("/identity/account/registerconfirmation");
                return Task.CompletedTask;
            });
        });

        foreach (var email in new[] { "zero\u200Bwidth@example.test", "\u202Eevil@example.test", "nul\0l@example.test" })
        {
            yield return ($"POST /identity/account/register · e-mail \"{Visible(email)}\"", async s =>
                Sending(await s.RegisterFormAsync(email, KneeRehabFactory.Password), BadRequestOr(AnyMessage())));
        }

        // Account settings (Identity's manage pages).
        yield return ("POST /identity/account/manage · a 5,000-digit phone number", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/identity/account/manage", "form#profile-form");
            return Sending(form.With("Input.PhoneNumber", new string('5', 5000)), async response =>
            {
                var shown = response.StatusCode == HttpStatusCode.Redirect ? await form.Client.GetDocumentAsync(response.Headers.Location!.OriginalString) : await PageAsync(response);
                Assert.True(shown.Body!.TextContent.Contains("at most 20 characters", StringComparison.Ordinal),
                    $"The page does not say the limit; it says: {shown.QuerySelector("[role=alert]")?.TextContent.Trim()} {string.Join(" | ", Messages(shown))}");
            });
        });

        yield return ("POST /identity/account/manage · phone number \"abc\"", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/identity/account/manage", "form#profile-form");
            return Sending(form.With("Input.PhoneNumber", "abc"), FieldMessage("Input.PhoneNumber", "Enter a phone number, for example +44 20 7946 0000."));
        });

        yield return ("POST /identity/account/manage/changepassword · a 10 KB new password", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/identity/account/manage/changepassword", "form#change-password-form");
            var password = new string('p', 10_240);
            return Sending(form.With("Input.OldPassword", KneeRehabFactory.Password).With("Input.NewPassword", password).With("Input.ConfirmPassword", password),
                FieldMessage("Input.NewPassword", "The New password must be at least 6 and at max 100 characters long."));
        });

        yield return ("POST /identity/account/manage/changepassword · a wrong current password", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/identity/account/manage/changepassword", "form#change-password-form");
            return Sending(form.With("Input.OldPassword", "not my password at all").With("Input.NewPassword", "a brand new password").With("Input.ConfirmPassword", "a brand new password"),
                SummaryMessage("Incorrect password."));
        });

        yield return ("POST /identity/account/manage/deletepersonaldata · a wrong password", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/identity/account/manage/deletepersonaldata", "form#delete-user");
            return Sending(form.With("Input.Password", "not my password at all"), SummaryMessage("Incorrect password."));
        });

        // E-mail links with a code that is not what the app sent.
        yield return ("GET /identity/account/confirmemail?userId=x&code=%%%", async s =>
            Getting(s.Factory.CreateBrowserClient(), "/identity/account/confirmemail?userId=x&code=%25%25%25", Status(HttpStatusCode.BadRequest, HttpStatusCode.NotFound)));

        yield return ("GET /identity/account/confirmemail?userId={a real account}&code=%%%", async s =>
        {
            var patient = await s.PatientAsync();
            return Getting(s.Factory.CreateBrowserClient(), $"/identity/account/confirmemail?userId={patient.Id}&code=%25%25%25", Status(HttpStatusCode.BadRequest));
        });

        yield return ("GET /identity/account/confirmemail?userId={a real account}&code={base64 of a made-up token}", async s =>
        {
            var patient = await s.PatientAsync();
            var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("made-up token"));
            return Getting(s.Factory.CreateBrowserClient(), $"/identity/account/confirmemail?userId={patient.Id}&code={code}", async response =>
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("This link does not work", (await response.ToDocumentAsync()).Body!.TextContent, StringComparison.Ordinal);
            });
        });

        yield return ("GET /identity/account/resetpassword?code=%%%", async s =>
            Getting(s.Factory.CreateBrowserClient(), "/identity/account/resetpassword?code=%25%25%25", Status(HttpStatusCode.BadRequest)));

        yield return ("POST /identity/account/resetpassword · a made-up code for a real account", async s =>
        {
            var patient = await s.PatientAsync();
            var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("made-up token"));
            var form = await s.FormAsync(s.Factory.CreateBrowserClient(), $"/identity/account/resetpassword?code={code}", "main form");
            return Sending(form.With("Input.Email", patient.Email).With("Input.Password", "a brand new password").With("Input.ConfirmPassword", "a brand new password"),
                SummaryMessage("Invalid token."));
        });

        // Methods a page has no handler for: 405 (a valid token is sent, so that antiforgery is not what answers).
        foreach (var (method, url) in new[]
        {
            ("POST", "/safety"), ("PUT", "/safety"),
            ("POST", "/exercises/ball-bridge"), ("PUT", "/exercises/ball-bridge"),
            ("POST", "/programs/runners-knee"), ("PUT", "/programs/runners-knee"),
            ("POST", "/shared/sometoken"), ("PUT", "/shared/sometoken"),
            ("POST", "/progress/report"), ("PUT", "/progress/report"),
            ("POST", "/history/{id}"), ("PUT", "/history/{id}"), ("DELETE", "/history/{id}"),
            ("PUT", "/history/{id}/delete"),
            ("POST", "/progress/report?handler=nope"), ("PATCH", "/account/preferences"),
        })
        {
            yield return ($"{method} {url} · with a valid token", async s =>
            {
                var patient = await s.PatientAsync();
                var target = url.Contains("{id}", StringComparison.Ordinal) ? url.Replace("{id}", (await s.WorkoutAsync(patient)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) : url;
                var form = await s.FormAsync(patient, "/progress/share", "main form");
                return Sending(form.Aimed(target), new HttpMethod(method), Status(HttpStatusCode.MethodNotAllowed));
            });
        }

        // Sent as typed, which only a real server receives (a client library removes the dot segments first).
        foreach (var method in new[] { "POST", "PUT" })
        {
            yield return ($"{method} /programs/%2e%2e/start · with a valid token (Kestrel)", async s =>
            {
                var client = await s.KestrelPatientAsync();
                var form = await s.FormAsync(client, "/progress/share", "main form");
                return new Prepared(() => form.Aimed("/programs/%2e%2e/start", asTyped: true).SendAsync(new HttpMethod(method)),
                    Status(HttpStatusCode.MethodNotAllowed, HttpStatusCode.BadRequest, HttpStatusCode.NotFound))
                { Database = s.App.Kestrel.Database };
            });
        }

        foreach (var url in new[] { "/safety", "/shared/sometoken", "/exercises/ball-bridge" })
        {
            yield return ($"POST {url} · anonymous, without a token", async s =>
                new Prepared(() => s.Factory.CreateBrowserClient().PostAsync(url, new FormUrlEncodedContent([new("a", "b")]), Ct),
                    Status(HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed)));
        }

        // Odd addresses.
        foreach (var url in new[] { "/shared/%20", "/shared/%09", "/shared/" + new string('t', 101), "/shared/..%2f..%2fetc%2fpasswd", "/shared/%F0%9F%A6%B5" })
        {
            yield return ($"GET {Shortened(url)}", async s => Getting(s.Factory.CreateBrowserClient(), url, Status(HttpStatusCode.NotFound)));
        }

        // A NUL in the path: the test server refuses to send it, so it goes to Kestrel.
        foreach (var url in new[] { "/shared/%00", "/exercises/%00", "/history/%00" })
        {
            yield return ($"GET {url} (Kestrel)", async s => new Prepared(() => s.App.KestrelClient().GetAsync(url, Ct), Status(HttpStatusCode.BadRequest, HttpStatusCode.NotFound))
            {
                Database = s.App.Kestrel.Database,
            });
        }

        foreach (var url in new[] { "/exercises/no-such-exercise", "/programs/no-such-program", "/programs/no-such-program/start", "/programs/finished/999999", "/no-such-page", "/status/999999999999" })
        {
            yield return ($"GET {url}", async s => Getting(await s.PatientAsync(), url, Status(HttpStatusCode.NotFound)));
        }

        foreach (var url in new[]
        {
            "/progress/report?handler=nope", "/history/{id}?handler=nope", "/history/{id}/edit?handler=nope", "/programs/runners-knee?handler=nope",
            "/programs/runners-knee/start?handler=nope", "/exercises/ball-bridge?handler=nope", "/safety?handler=nope", "/progress?handler=nope",
            "/progress/export?handler=nope", "/today?handler=nope", "/shared/sometoken?handler=nope",
        })
        {
            yield return ($"GET {url} (a handler the page does not have)", async s =>
            {
                var patient = await s.PatientAsync();
                var target = url.Contains("{id}", StringComparison.Ordinal) ? url.Replace("{id}", (await s.WorkoutAsync(patient)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) : url;
                return Getting(patient, target, Status(HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest));
            });
        }

        foreach (var url in new[]
        {
            "/history?before=not-a-cursor&after=9999-99-99.x", "/history?before=0001-01-01.-1", "/progress?range=%00", "/progress?range=99999999999w",
            "/progress?handler=data&range=%3Cscript%3E", "/log?exercise=..%2F..%2Fetc%2Fpasswd", "/exercises?level=99999999999&q=%E2%80%AE%00",
            "/identity/account/login?returnUrl=%2F%2Fevil.example",
        })
        {
            yield return ($"GET {url}", async s => Getting(await s.PatientAsync(), url, Status(HttpStatusCode.OK)));
        }

        // Sizes only a real server limits: Kestrel.
        yield return ("POST /identity/account/login · a 40 MB form (Kestrel)", async s =>
        {
            var client = s.App.KestrelClient();
            var form = await s.FormAsync(client, "/identity/account/login", "form.account-form");
            // As curl sends a large body: the server answers before any of it is sent (without this the client only sees the connection closed).
            return new Prepared(() => form.With("Input.Email", new string('a', 40_000_000)).SendAsync(expectContinue: true),
                Status(HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest))
            { Database = s.App.Kestrel.Database };
        });

        yield return ("POST /identity/account/login · a 40 MB form (test server)", async s =>
        {
            var form = await s.FormAsync(s.Factory.CreateBrowserClient(), "/identity/account/login", "form.account-form");
            return Sending(form.With("Input.Email", new string('a', 40_000_000)), Status(HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest));
        });

        yield return ("GET / · a 100 KB header (Kestrel)", async s =>
        {
            var client = s.App.KestrelClient();
            return new Prepared(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.TryAddWithoutValidation("X-Padding", new string('h', 100 * 1024));
                return client.SendAsync(request, Ct);
            }, Status(HttpStatusCode.RequestHeaderFieldsTooLarge, HttpStatusCode.BadRequest))
            { Database = s.App.Kestrel.Database };
        });

        yield return ("GET /exercises · a 100 KB query string (Kestrel)", async s =>
        {
            var client = s.App.KestrelClient();
            return new Prepared(() => client.GetAsync("/exercises?q=" + new string('q', 100 * 1024), Ct), Status(HttpStatusCode.RequestUriTooLong, HttpStatusCode.BadRequest))
            { Database = s.App.Kestrel.Database };
        });

        // Share links.
        yield return ("POST /progress/share?handler=Revoke · a link that does not exist", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/progress/share", "main form");
            return Sending(form.Aimed("/progress/share?handler=Revoke&link=999999"), Status(HttpStatusCode.NotFound));
        });

        yield return ("POST /progress/share?handler=Revoke · another patient's link", async s =>
        {
            var other = await s.AnotherPatientAsync();
            using (var created = await (await s.FormAsync(other, "/progress/share", "main form")).SendAsync()) created.AssertRedirect("/progress/share");
            await using var db = s.Factory.OpenDatabase();
            var theirs = await db.ShareLinks.Where(l => l.UserId == other.Id).Select(l => l.Id).SingleAsync(Ct);
            var form = await s.FormAsync(await s.PatientAsync(), "/progress/share", "main form");
            return Sending(form.Aimed($"/progress/share?handler=Revoke&link={theirs}"), Status(HttpStatusCode.NotFound));
        });

        yield return ("POST /progress/share?handler=Revoke · link \"abc\"", async s =>
        {
            var form = await s.FormAsync(await s.PatientAsync(), "/progress/share", "main form");
            return Sending(form.Aimed("/progress/share?handler=Revoke&link=abc"), Status(HttpStatusCode.NotFound, HttpStatusCode.BadRequest));
        });

        // The physiotherapist's forms: a program built from the guides, and a change to a patient's exercise.
        foreach (var (field, typed, expect) in new (string, string, Func<string, Func<HttpResponseMessage, Task>>)[]
        {
            ("Draft.WorkoutsPerWeek", "abc", f => FieldMessage(f, "'abc' is not a valid workouts a week: enter a number in range.")),
            ("Draft.Phases[0].Weeks", "99999999999", f => FieldMessage(f, "'99999999999' is not a valid weeks: enter a number in range.")),
            ("Draft.Phases[0].Exercises[0].LoadKg", "NaN", f => FieldMessageStartingWith(f, "'NaN' is not a number")),
            ("Draft.Phases[0].Exercises[0].Slug", "../../etc/passwd", f => FieldMessage(f, "Choose an exercise from the guides.")),
            ("Draft.Phases[0].Exercises[0].Level", "7", f => FieldMessage(f, "Choose a level from 1 to 3.")),
            ("Draft.MilestonesFrom", "no-such-program", f => FieldMessage(f, "Choose a program that has milestones, or none.")),
        })
        {
            yield return ($"POST /clinic/programs/new?handler=Save · {field} \"{typed}\"", async s =>
            {
                var physio = await Clinic.ClinicTests.PhysioAsync(s.Factory);
                var form = await s.FormAsync(physio, "/clinic/programs/new", "form.program-builder", "Save the program");
                form = form.With("Draft.Title", "Knee").With("Draft.Summary", "Strength.").With("Draft.Phases[0].Name", "One")
                    .With("Draft.Phases[0].Exercises[0].Slug", "wall-squat").With("Draft.Phases[0].Exercises[0].Sets", "2").With("Draft.Phases[0].Exercises[0].Reps", "10");
                return Sending(form.With(field, typed), expect(field));
            });
        }

        yield return ("POST /clinic/programs/new?handler=Preview · phases and rows by explicit indexes that skip", async s =>
        {
            var physio = await Clinic.ClinicTests.PhysioAsync(s.Factory);
            var form = await s.FormAsync(physio, "/clinic/programs/new", "form.program-builder", "Preview with virtual patients");
            // An index the binder cannot fill becomes an empty entry in the list.
            form = form.With("Draft.Phases.index", "0").Adding("Draft.Phases.index", "7").With("Draft.Phases[0].Exercises.index", "3").Adding("Draft.Phases[0].Exercises.index", "9")
                .With("Draft.Phases[0].Exercises[3].Slug", "wall-squat");
            return Sending(form, AnyMessage());
        });

        foreach (var (change, swapTo, field, message) in new[]
        {
            ("99", "", "Dose.Change", "Choose what to change."),
            ("Swap", "lunge", "Dose.SwapTo", "Choose an easier or harder exercise that the wall squat guide names."),
            ("Release", "", "Dose.Change", "The wall squat is not held: there is nothing to release."),
        })
        {
            yield return ($"POST /clinic/patients/{{id}}?handler=Dose · change \"{change}\"{(swapTo.Length > 0 ? $" to \"{swapTo}\"" : "")}", async s =>
            {
                var physio = await Clinic.ClinicTests.PhysioAsync(s.Factory);
                var patient = await s.ProgramPatientAsync();
                using (await Clinic.ClinicTests.AcceptAsync(patient.Client, await Clinic.ClinicTests.InviteAsync(physio))) { }
                var form = await s.FormAsync(physio, $"/clinic/patients/{patient.Id}", ".clinician-dose form");
                form = form.With("Dose.Exercise", "wall-squat").With("Dose.Change", change).With("Dose.Sets", "2").With("Dose.Reps", "10").With("Dose.Reason", "a reason");
                if (swapTo.Length > 0) form = form.With("Dose.SwapTo", swapTo);
                return Sending(form, FieldMessage(field, message));
            });
        }
    }

    // A saved workout also updates its week's and month's progress summaries.
    private static readonly string[] WorkoutTables = ["Workouts", "WorkoutExercises", "LoggedSets", "ExerciseSummaries", "PainSummaries", "sqlite_sequence"];

    // What a case prepares, sends and expects.

    /// <summary>A prepared bad request: the one request to send, what to expect of the answer, and which tables it may write.</summary>
    private sealed record Prepared(Func<Task<HttpResponseMessage>> Send, Func<HttpResponseMessage, Task> Expect)
    {
        /// <summary>Tables a case writes on purpose (it then checks what was written); every other table must stay as it was.</summary>
        public string[] Writes { get; init; } = [];

        /// <summary>The database of the server the case talks to; null is the test server's.</summary>
        public string? Database { get; init; }
    }

    private static Prepared Sending(Form form, Func<HttpResponseMessage, Task> expect) => new(() => form.SendAsync(), expect);

    private static Prepared Sending(Form form, HttpMethod method, Func<HttpResponseMessage, Task> expect) => new(() => form.SendAsync(method), expect);

    private static Prepared Getting(HttpClient client, string url, Func<HttpResponseMessage, Task> expect) => new(() => client.GetAsync(url, Ct), expect);

    private static Prepared Getting(Patient patient, string url, Func<HttpResponseMessage, Task> expect) => Getting(patient.Client, url, expect);

    private static Func<HttpResponseMessage, Task> Status(params HttpStatusCode[] expected) => response =>
    {
        Assert.True(expected.Contains(response.StatusCode),
            $"expected {string.Join(" or ", expected.Select(s => (int)s))}, got {(int)response.StatusCode} {response.Headers.Location}");
        return Task.CompletedTask;
    };

    /// <summary>A 400 (a request the framework refuses before the page sees it, such as a NUL byte in a form), or else the given answer.</summary>
    private static Func<HttpResponseMessage, Task> BadRequestOr(Func<HttpResponseMessage, Task> expect) => response =>
        response.StatusCode == HttpStatusCode.BadRequest ? Task.CompletedTask : expect(response);

    private static Func<HttpResponseMessage, Task> FieldMessage(string field, string message) => async response =>
    {
        var page = await PageAsync(response);
        Assert.True(page.FieldError(field) == message, $"{field}: expected \"{message}\", the page shows: {string.Join(" | ", Messages(page))}");
    };

    private static Func<HttpResponseMessage, Task> FieldMessageStartingWith(string field, string start) => async response =>
    {
        var page = await PageAsync(response);
        var shown = page.FieldError(field);
        Assert.True(shown.Length > 0 && shown.StartsWith(start, StringComparison.Ordinal), $"{field}: expected \"{start}…\", the page shows: {string.Join(" | ", Messages(page))}");
    };

    private static Func<HttpResponseMessage, Task> FieldMessageContaining(string field, string text) => async response =>
    {
        var page = await PageAsync(response);
        Assert.True(page.FieldError(field).Contains(text, StringComparison.Ordinal), $"{field}: expected a message about \"{text}\", the page shows: {string.Join(" | ", Messages(page))}");
    };

    private static Func<HttpResponseMessage, Task> SummaryMessage(string message) => async response =>
    {
        var page = await PageAsync(response);
        var summary = page.QuerySelectorAll(".error-summary li, .validation-summary-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.True(summary.Contains(message), $"expected \"{message}\" in the summary, the page shows: {string.Join(" | ", Messages(page))}");
    };

    /// <summary>The page comes back with a message the patient can see (a given one, or any): next to a field or in the summary.</summary>
    private static Func<HttpResponseMessage, Task> AnyMessage(string? message = null) => async response =>
    {
        var page = await PageAsync(response);
        var shown = Messages(page);
        Assert.True(message is null ? shown.Count > 0 : shown.Contains(message),
            $"expected {(message is null ? "a message" : $"\"{message}\"")} on the page, it shows: {(shown.Count == 0 ? "none" : string.Join(" | ", shown))}");
    };

    private static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the page back (200), got {(int)response.StatusCode} {response.Headers.Location}");
        return await response.ToDocumentAsync();
    }

    /// <summary>Every validation message the page shows: next to fields, and in the summary.</summary>
    private static List<string> Messages(IHtmlDocument page) =>
    [
        .. page.QuerySelectorAll("span.field-validation-error, span[data-valmsg-for]").Select(e => e.TextContent.Trim())
            .Concat(page.QuerySelectorAll(".error-summary li, .validation-summary-errors li").Select(li => li.TextContent.Trim()))
            .Where(text => text.Length > 0).Distinct(),
    ];

    private static int SavedWorkoutId(HttpResponseMessage response)
    {
        response.AssertRedirect("/history/");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static string Tampered(string token) => token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

    private static string NewEmail() => $"patient-{Guid.NewGuid():N}@example.test";

    /// <summary>A value as a test name shows it: control and invisible characters as escapes.</summary>
    private static string Visible(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is '\u200B' or '\u200D' or '\u202E' or '\u202C' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static string Shortened(string text) => text.Length <= 40 ? Visible(text) : $"{Visible(text[..12])}… ({text.Length} characters)";

    private static IHtmlElement? Button(IHtmlFormElement form, string text) =>
        form.QuerySelectorAll<IHtmlButtonElement>("button").First(b => b.TextContent.Trim() == text);

    // Arranging.

    private sealed record Patient(HttpClient Client, string Email, string Id);

    /// <summary>What a case prepares with: patients registered through the real form, their programs, workouts and forms.</summary>
    private sealed class Scene(BadInputApp app)
    {
        private Patient? _patient;

        public BadInputApp App => app;

        public KneeRehabFactory Factory => app.Factory;

        /// <summary>The case's own patient, registered on first use.</summary>
        public async Task<Patient> PatientAsync() => _patient ??= await AnotherPatientAsync();

        /// <summary>A new patient, registered and signed in.</summary>
        public async Task<Patient> AnotherPatientAsync()
        {
            var email = NewEmail();
            var client = await Factory.CreateUserClientAsync(email);
            return new(client, email, await UserIdAsync(email));
        }

        public async Task<string> UserIdAsync(string email)
        {
            await using var db = Factory.OpenDatabase();
            var normalized = email.ToUpperInvariant();
            return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync(Ct);
        }

        /// <summary>A new patient of the Kestrel server, registered and signed in; the client that holds their cookies.</summary>
        public async Task<HttpClient> KestrelPatientAsync()
        {
            var client = app.KestrelClient();
            await KneeRehabFactory.RegisterAsync(client, app.Kestrel.Mailbox);
            return client;
        }

        /// <summary>The case's patient, following runners-knee from today.</summary>
        public async Task<Patient> ProgramPatientAsync()
        {
            var patient = await PatientAsync();
            using (var started = await ProgramPagesTests.StartAsync(patient.Client, "runners-knee")) started.AssertRedirect("/today");
            return patient;
        }

        /// <summary>A patient three days into runners-knee, with yesterday's program workout waiting for its morning-after pain.</summary>
        public async Task<(Patient Patient, int Workout)> WaitingForMorningPainAsync(Patient patient)
        {
            using (var started = await ProgramPagesTests.StartAsync(patient.Client, "runners-knee")) started.AssertRedirect("/today");
            ProgramEnrollment enrollment;
            await using (var db = Factory.OpenDatabase()) enrollment = await db.Enrollments.SingleAsync(e => e.UserId == patient.Id, Ct);
            await Factory.BackdateEnrollmentAsync(enrollment.Id, 3);
            await using (var db = Factory.OpenDatabase()) enrollment = await db.Enrollments.SingleAsync(e => e.UserId == patient.Id, Ct);
            var workout = await Factory.SeedWorkoutAsync(enrollment, daysAgo: 1, nextMorning: null);
            return (patient, workout);
        }

        /// <summary>The case's patient, with the clock at <paramref name="now"/> and their time zone set to Europe/London through preferences.</summary>
        public async Task<Patient> LondonPatientAsync(DateTimeOffset now)
        {
            app.Clock.Now = now;
            var patient = await PatientAsync();
            var preferences = await FormAsync(patient, "/account/preferences", "main form");
            using (var saved = await preferences.With("Input.TimeZone", "Europe/London").SendAsync()) saved.AssertRedirect("/account/preferences");
            return patient;
        }

        /// <summary>A workout of ball bridges saved through /log, <paramref name="daysAgo"/> days back; its id.</summary>
        public async Task<int> WorkoutAsync(Patient patient, int daysAgo = 0)
        {
            var form = await LogFormAsync(patient, "ball-bridge");
            if (daysAgo > 0)
                form.With("Input.Date", DateOnly.Parse(form.Value("Input.Date"), CultureInfo.InvariantCulture).AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            using var saved = await form.SendAsync();
            return SavedWorkoutId(saved);
        }

        /// <summary>The /log form of the case's patient with the exercises added and a pain filled in, ready to save.</summary>
        public async Task<Form> LogFormAsync(params string[] slugs) => await LogFormAsync(await PatientAsync(), slugs);

        public async Task<Form> LogFormAsync(Patient patient, params string[] slugs)
        {
            var page = await patient.Client.StartWorkoutAsync(slugs);
            var form = page.Form();
            return Form.Of(patient.Client, form, form.QuerySelector<IHtmlButtonElement>("button.save-workout")).With("Input.PainForAll", "2");
        }

        public async Task<Form> CheckInFormAsync()
        {
            var form = await FormAsync(await PatientAsync(), "/progress/checkin", "main form");
            form.With("Input.AveragePain", "3").With("Input.WorstPain", "5");
            for (var i = 0; i < 3; i++) form.With($"Input.Activities[{i}].Name", $"Activity {i}").With($"Input.Activities[{i}].Score", "5");
            return form;
        }

        public async Task<Form> RegisterFormAsync(string email, string password)
        {
            var form = await FormAsync(Factory.CreateBrowserClient(), "/identity/account/register", "form#registerForm");
            return form.With("Input.Email", email).With("Input.Password", password).With("Input.ConfirmPassword", password);
        }

        public Task<Form> FormAsync(Patient patient, string url, string selector, string? button = null) => FormAsync(patient.Client, url, selector, button);

        public async Task<Form> FormAsync(HttpClient client, string url, string selector, string? button = null)
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
            var page = await response.ToDocumentAsync();
            var form = page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No {selector} on {url}");
            return Form.Of(client, form, button is null ? null : Button(form, button));
        }
    }

    /// <summary>
    /// What a page's form sends, field by field, to be changed before it is sent: the way a tampering client edits a
    /// real form. Starts from the page's own fields (the antiforgery token included) and the submit button's target.
    /// </summary>
    private sealed class Form
    {
        public const string TokenField = "__RequestVerificationToken";

        private readonly List<KeyValuePair<string, string>> _fields;

        private Form(HttpClient client, Uri target, List<KeyValuePair<string, string>> fields) => (Client, Target, _fields) = (client, target, fields);

        public HttpClient Client { get; }

        public Uri Target { get; private set; }

        public string Token => Value(TokenField);

        public static Form Of(HttpClient client, IHtmlFormElement form, IHtmlElement? submitter = null)
        {
            var submission = (submitter is null ? form.GetSubmission() : form.GetSubmission(submitter)) ?? throw new InvalidOperationException("The form cannot be submitted");
            using var reader = new StreamReader(submission.Body, Encoding.UTF8);
            var fields = reader.ReadToEnd().Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                return new KeyValuePair<string, string>(WebUtility.UrlDecode(pair[..equals]), WebUtility.UrlDecode(pair[(equals + 1)..]));
            }).ToList();
            return new Form(client, new Uri(submission.Target.Href), fields);
        }

        public string Value(string name) => _fields.First(f => f.Key == name).Value;

        /// <summary>The field holds this one value (where it was, or added at the end): a changed box, or a tampered hidden field.</summary>
        public Form With(string name, string value)
        {
            var at = _fields.FindIndex(f => f.Key == name);
            _fields.RemoveAll(f => f.Key == name);
            _fields.Insert(at < 0 ? _fields.Count : at, new(name, value));
            return this;
        }

        /// <summary>One more value for the field, after those it has: a duplicated field.</summary>
        public Form Adding(string name, string value)
        {
            _fields.Add(new(name, value));
            return this;
        }

        public Form Without(string name)
        {
            _fields.RemoveAll(f => f.Key == name);
            return this;
        }

        public Form WithoutPrefix(string prefix)
        {
            _fields.RemoveAll(f => f.Key.StartsWith(prefix, StringComparison.Ordinal));
            return this;
        }

        /// <summary>Sent to another address of the same site: a real form, aimed where it does not belong.</summary>
        public Form Aimed(string url, bool asTyped = false)
        {
            // As typed, System.Uri does not decode "%2e%2e" and remove the dot segments before sending (only Kestrel accepts such a Uri).
            Target = asTyped
                ? new Uri(Target.GetLeftPart(UriPartial.Authority) + url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true })
                : new Uri(Target, url);
            return this;
        }

        public async Task<HttpResponseMessage> SendAsync(HttpMethod? method = null, bool expectContinue = false)
        {
            var body = string.Join('&', _fields.Select(f => WebUtility.UrlEncode(f.Key) + "=" + WebUtility.UrlEncode(f.Value)));
            using var request = new HttpRequestMessage(method ?? HttpMethod.Post, Target)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            if (expectContinue) request.Headers.ExpectContinue = true;
            return await Client.SendAsync(request, Ct);
        }
    }
}
