using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.Tests.Clinic;

/// <summary>
/// Physiotherapist mode, first part: the role granted by the command, the invitation a patient accepts (or not), the
/// caseload, the patient's page behind an active link only, and every view shown to the patient.
/// </summary>
public class ClinicTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Start) };

    /// <summary>Registers, is made a physiotherapist by the grant-physio command, and logs in again (the command ends the sessions).</summary>
    public static async Task<HttpClient> PhysioAsync(KneeRehabFactory factory)
    {
        var email = $"physio-{Guid.NewGuid():N}@example.test";
        using (await factory.CreateUserClientAsync(email)) { }
        using var output = new StringWriter();
        var exit = GrantPhysioCommand.Run([GrantPhysioCommand.Grant, email, "--Database:Provider", TestDatabase.Provider.ToString(), "--ConnectionStrings:KneeRehab", factory.Database], output);
        Assert.True(exit == 0, output.ToString());
        Assert.Contains("is a physiotherapist", output.ToString());
        var client = factory.CreateBrowserClient();
        await KneeRehabFactory.LogInAsync(client, email);
        return client;
    }

    public static async Task<string> InviteAsync(HttpClient physio)
    {
        var page = await physio.GetDocumentAsync("/clinic/invite");
        using (var made = await physio.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!)) made.AssertRedirect("/clinic/invite");
        var shown = await physio.GetDocumentAsync("/clinic/invite");
        return shown.QuerySelector(".invitation-code strong")!.TextContent;
    }

    /// <summary>Days of good workouts from /today (pain 1), the knee settled the next mornings; the clock ends the next morning.</summary>
    private async Task TrainAsync(HttpClient patient, int fromDay, int days)
    {
        for (var day = fromDay; day < fromDay + days; day++)
        {
            _factory.Clock!.Now = Start.Date.AddDays(day).AddHours(7);
            var morning = await patient.GetDocumentAsync("/today");
            if (morning.QuerySelector<IHtmlFormElement>(".morning-question form") is { } question)
                using (var answered = await patient.SubmitAsync(question, null, new Dictionary<string, string> { ["MorningPain"] = "2" })) answered.AssertRedirect("/today");
            _factory.Clock.Now = Start.Date.AddDays(day).AddHours(18);
            var evening = await patient.GetDocumentAsync("/today");
            if (evening.QuerySelector("form.workout-form") is not null)
                using (var saved = await Pages.Log.WorkoutForms.SaveAsync(patient, evening, new Dictionary<string, string> { ["Input.PainForAll"] = "1" })) saved.AssertRedirect("/history/");
        }
        _factory.Clock!.Now = Start.Date.AddDays(fromDay + days).AddHours(8);
    }

    public static async Task<HttpResponseMessage> AcceptAsync(HttpClient patient, string code)
    {
        var page = await patient.GetDocumentAsync("/account/physiotherapists");
        return await patient.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='Accept']")!, null, new Dictionary<string, string> { ["Code"] = code });
    }

    [Fact]
    public async Task A_patient_accepts_an_invitation_the_physiotherapist_sees_their_page_every_view_is_listed_and_ending_the_link_shuts_it_at_once()
    {
        var physio = await PhysioAsync(_factory);
        var (patient, _) = await _factory.StartedAsync("runners-knee");
        var patientId = await _factory.UserIdAsync(patient);
        Assert.NotNull((await physio.GetDocumentAsync("/today")).QuerySelector("nav a[href='/clinic']"));
        Assert.Null((await patient.GetDocumentAsync("/today")).QuerySelector("nav a[href='/clinic']"));

        var code = await InviteAsync(physio);
        // The link in the invitation shows who invites and what they will see, before anything is shared.
        var invited = await patient.GetDocumentAsync($"/account/physiotherapists?code={Uri.EscapeDataString(code)}");
        Assert.StartsWith("physio-", invited.QuerySelector(".inviting strong")!.TextContent);
        var promise = System.Text.RegularExpressions.Regex.Replace(invited.QuerySelector("main")!.TextContent, @"\s+", " ");
        Assert.Contains("They can change an exercise of your program (set its next dose, keep it where it is, or swap it for an easier or harder one), each time with a reason you will read on your Today page;", promise);
        Assert.Contains("They cannot change anything else: not your workouts, check-ins or account.", promise);
        Assert.Equal(code, invited.QuerySelector<IHtmlInputElement>("input[name='Code']")!.Value);
        await using (var db = _factory.OpenDatabase()) Assert.False(await db.CareLinks.AnyAsync(TestContext.Current.CancellationToken));

        using (var accepted = await AcceptAsync(patient, code)) accepted.AssertRedirect("/account/physiotherapists");
        var mine = await patient.GetDocumentAsync("/account/physiotherapists");
        Assert.Contains("now follows your progress", mine.QuerySelector(".alert-success")!.TextContent);
        Assert.Single(mine.QuerySelectorAll(".care-links li"));

        // The caseload lists the patient; their page shows the report, and the patient sees the view.
        var caseload = await physio.GetDocumentAsync("/clinic");
        var row = Assert.Single(caseload.QuerySelectorAll(".caseload-row"));
        Assert.Contains("Runner's knee", row.TextContent);
        var page = await physio.GetDocumentAsync(row.QuerySelector<IHtmlAnchorElement>("a")!.PathName);
        Assert.Contains("Runner's knee", page.QuerySelector(".report")!.TextContent);
        Assert.NotNull(page.QuerySelector("#milestones"));
        mine = await patient.GetDocumentAsync("/account/physiotherapists");
        Assert.Contains("Opened your progress, report and program record", Assert.Single(mine.QuerySelectorAll(".clinic-audit li")).TextContent);

        // A used code does not work twice.
        var other = await _factory.CreateUserClientAsync();
        using (var again = await AcceptAsync(other, code))
            Assert.Contains("This code does not work", (await again.ToDocumentAsync()).QuerySelector("span[data-valmsg-for='Code']")!.TextContent);

        // The patient ends the link: the physiotherapist loses the page and the row at once.
        using (var ended = await patient.SubmitAsync(mine.QuerySelector<IHtmlFormElement>(".care-links form")!)) ended.AssertRedirect("/account/physiotherapists");
        using (var gone = await physio.GetAsync($"/clinic/patients/{patientId}", TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty((await physio.GetDocumentAsync("/clinic")).QuerySelectorAll(".caseload-row"));
        await using (var db = _factory.OpenDatabase())
            Assert.Equal(1, await db.ClinicAudit.CountAsync(a => a.PatientId == patientId, TestContext.Current.CancellationToken));

        // The physiotherapist's own download holds their invitation and the patient they followed.
        var personal = await physio.GetDocumentAsync("/identity/account/manage/personaldata");
        using var download = await physio.SubmitAsync(personal.QuerySelector<IHtmlFormElement>("form#download-data")!);
        using var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var clinic = json.RootElement.GetProperty("clinic");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, Assert.Single(clinic.GetProperty("invitations").EnumerateArray()).GetProperty("AcceptedUtc").ValueKind);
        Assert.Equal(patientId, Assert.Single(clinic.GetProperty("patients").EnumerateArray()).GetProperty("PatientId").GetString());
    }

    [Fact]
    public async Task An_invitation_expires_after_7_days_and_bad_codes_are_explained_next_to_the_field()
    {
        var physio = await PhysioAsync(_factory);
        var patient = await _factory.CreateUserClientAsync();
        var code = await InviteAsync(physio);

        using (var empty = await AcceptAsync(patient, ""))
        {
            var page = await empty.ToDocumentAsync();
            Assert.Equal("Enter the code your physiotherapist gave you.", page.QuerySelector("span[data-valmsg-for='Code']")!.TextContent);
            Assert.Contains("Enter the code your physiotherapist gave you.", page.QuerySelector(".error-summary, [role=alert]")!.TextContent);
        }
        using (var own = await AcceptAsync(physio, code))
            Assert.Contains("This is your own invitation", (await own.ToDocumentAsync()).QuerySelector("span[data-valmsg-for='Code']")!.TextContent);

        _factory.Clock!.Now = Start.AddDays(CareInvitation.ValidDays).AddMinutes(1);
        using (var late = await AcceptAsync(patient, code))
            Assert.Contains("older than 7 days", (await late.ToDocumentAsync()).QuerySelector("span[data-valmsg-for='Code']")!.TextContent);
        await using var db = _factory.OpenDatabase();
        Assert.False(await db.CareLinks.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Clinic_pages_are_404_for_patients_and_other_physiotherapists_and_ask_visitors_to_log_in()
    {
        var physio = await PhysioAsync(_factory);
        var stranger = await PhysioAsync(_factory);
        var (patient, _) = await _factory.StartedAsync("runners-knee");
        var patientId = await _factory.UserIdAsync(patient);
        using (await AcceptAsync(patient, await InviteAsync(physio))) { }

        string[] pages = ["/clinic", "/clinic/invite", $"/clinic/patients/{patientId}", $"/clinic/patients/{patientId}/notes", $"/clinic/patients/{patientId}/prescribe",
            "/clinic/programs", "/clinic/programs/new", "/clinic/admin", $"/clinic/patients/{patientId}?handler=Data"];
        foreach (var url in pages)
        {
            using var asPatient = await patient.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, asPatient.StatusCode);
            using var anonymous = await _factory.CreateBrowserClient().GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/identity/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        }
        using (var post = await patient.PostAsync("/clinic/invite", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken))
            Assert.True(post.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.BadRequest, post.StatusCode.ToString());
        foreach (var url in new[] { $"/clinic/patients/{patientId}", $"/clinic/patients/{patientId}?handler=Data", $"/clinic/patients/{patientId}/notes", $"/clinic/patients/{patientId}/prescribe",
            $"/clinic/patients/{patientId}/prescribe?program=runners-knee" })
        {
            using var other = await stranger.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
        }
        Assert.Empty((await stranger.GetDocumentAsync("/clinic")).QuerySelectorAll(".caseload-row"));
        await using var db = _factory.OpenDatabase();
        Assert.False(await db.ClinicAudit.AnyAsync(a => a.PatientId == patientId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_caseload_puts_warning_signs_and_reviews_first_filters_to_those_who_need_attention_sorts_and_pages()
    {
        var physio = await PhysioAsync(_factory);
        var physioId = await _factory.UserIdAsync(physio);
        // 27 patients linked, four of whom need attention: a warning sign, a review, two painful workouts, a note waiting.
        var ids = new List<string>();
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            for (var i = 0; i < 27; i++)
            {
                var user = new ApplicationUser { UserName = $"p{i:00}@example.test", Email = $"p{i:00}@example.test", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                ids.Add(user.Id);
            }
        }
        await using (var db = _factory.OpenDatabase())
        {
            var today = DateOnly.FromDateTime(Start.UtcDateTime);
            db.CareLinks.AddRange(ids.Select(id => new CareLink { PhysioId = physioId, PatientId = id, StartedUtc = Start.UtcDateTime }));
            db.Enrollments.Add(new ProgramEnrollment { UserId = ids[20], ProgramSlug = "runners-knee", StartedOn = today.AddDays(-10), PhaseStartedOn = today.AddDays(-10), Status = ProgramStatus.StoppedForReview });
            db.Enrollments.Add(new ProgramEnrollment { UserId = ids[25], ProgramSlug = "whole-chain-knee", StartedOn = today.AddDays(-10), PhaseStartedOn = today.AddDays(-10), Status = ProgramStatus.Paused, StatusReason = "B_LOCKING" });
            // Pain 6 (above the acceptable 5) in two workouts of the last two weeks; p04 has one such, and one 3 weeks ago.
            Workout Logged(string user, int daysAgo, int pain) => new()
            {
                UserId = user, Date = today.AddDays(-daysAgo), CreatedUtc = Start.UtcDateTime.AddDays(-daysAgo), IdempotencyKey = Guid.NewGuid(),
                Exercises = [new WorkoutExercise { UserId = user, Date = today.AddDays(-daysAgo), ExerciseSlug = "wall-squat", PainDuring = pain, Sets = [new LoggedSet { Number = 1, Reps = 10 }] }],
            };
            db.Workouts.AddRange(Logged(ids[3], 1, 6), Logged(ids[3], 3, 7), Logged(ids[4], 2, 6), Logged(ids[4], 21, 6), Logged(ids[4], 4, 5));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            // p07's newest note is theirs; p08's was answered.
            var links = await db.CareLinks.Where(l => l.PatientId == ids[7] || l.PatientId == ids[8]).ToDictionaryAsync(l => l.PatientId, l => l.Id, TestContext.Current.CancellationToken);
            db.CareMessages.AddRange(
                new CareMessage { CareLinkId = links[ids[7]], FromPhysio = true, AtUtc = Start.UtcDateTime.AddDays(-2), Text = "How is it?" },
                new CareMessage { CareLinkId = links[ids[7]], FromPhysio = false, AtUtc = Start.UtcDateTime.AddDays(-1), Text = "Sore after stairs." },
                new CareMessage { CareLinkId = links[ids[8]], FromPhysio = false, AtUtc = Start.UtcDateTime.AddDays(-2), Text = "A question." },
                new CareMessage { CareLinkId = links[ids[8]], FromPhysio = true, AtUtc = Start.UtcDateTime.AddDays(-1), Text = "An answer." });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var first = await physio.GetDocumentAsync("/clinic");
        var rows = first.QuerySelectorAll(".caseload-row").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(IndexPageSize, rows.Count);
        Assert.Equal(["p25@example.test", "p20@example.test", "p03@example.test", "p07@example.test"], rows.Take(4));
        Assert.Equal("Painful workouts", first.QuerySelectorAll(".caseload-flags")[2].TextContent);
        Assert.Equal("Note from the patient", first.QuerySelectorAll(".caseload-flags")[3].TextContent);
        Assert.Contains("Warning sign reported", first.QuerySelectorAll(".caseload-flags")[0].TextContent);
        Assert.Contains("page 1 of 2", first.QuerySelector("caption")!.TextContent);
        var second = await physio.GetDocumentAsync(first.QuerySelector<IHtmlAnchorElement>(".pager a")!.PathName + first.QuerySelector<IHtmlAnchorElement>(".pager a")!.Search);
        Assert.Equal(27 - IndexPageSize, second.QuerySelectorAll(".caseload-row").Length);

        var attention = await physio.GetDocumentAsync("/clinic?attention=true");
        Assert.Equal(["p25@example.test", "p20@example.test", "p03@example.test", "p07@example.test"], attention.QuerySelectorAll(".caseload-row th").Select(t => t.TextContent));
        var byName = await physio.GetDocumentAsync("/clinic?sort=patient");
        Assert.Equal("p00@example.test", byName.QuerySelector(".caseload-row th")!.TextContent);
    }

    [Fact]
    public async Task A_physiotherapist_lowers_a_dose_with_a_reason_the_patient_reads_it_on_today_and_the_engine_carries_on_from_it()
    {
        var physio = await PhysioAsync(_factory);
        var (patient, enrollment) = await _factory.StartedAsync("runners-knee");
        using (await AcceptAsync(patient, await InviteAsync(physio))) { }
        var page = await physio.GetDocumentAsync($"/clinic/patients/{enrollment.UserId}");
        var form = page.QuerySelector<IHtmlFormElement>(".clinician-dose form")!;

        // Bad input: every message next to its field and in the summary, the rest kept, nothing saved.
        using (var refused = await physio.SubmitAsync(form, null, new Dictionary<string, string>
        {
            ["Dose.Exercise"] = "wall-squat", ["Dose.Sets"] = "3", ["Dose.Reps"] = "0", ["Dose.Level"] = "9", ["Dose.Reason"] = "",
        }))
        {
            var again = await refused.ToDocumentAsync();
            Assert.Equal("Reps are from 1 to 100.", again.QuerySelector("span[data-valmsg-for='Dose.Reps']")!.TextContent);
            Assert.Equal("Say why, in a few words the patient will read.", again.QuerySelector("span[data-valmsg-for='Dose.Reason']")!.TextContent);
            Assert.StartsWith("Choose a level from 1 to", again.QuerySelector("span[data-valmsg-for='Dose.Level']")!.TextContent);
            Assert.Contains("Reps are from 1 to 100.", again.QuerySelector(".error-summary, [role=alert]")!.TextContent);
            Assert.Equal("3", again.QuerySelector<IHtmlInputElement>("input[name='Dose.Sets']")!.Value);
            Assert.Equal("wall-squat", again.QuerySelector<IHtmlSelectElement>("select[name='Dose.Exercise']")!.Value);
        }
        await using (var db = _factory.OpenDatabase()) Assert.False(await db.ClinicianDoses.AnyAsync(TestContext.Current.CancellationToken));

        using (var set = await physio.SubmitAsync(form, null, new Dictionary<string, string>
        {
            ["Dose.Exercise"] = "wall-squat", ["Dose.Sets"] = "3", ["Dose.Reps"] = "8", ["Dose.HoldSeconds"] = "3", ["Dose.Level"] = "1", ["Dose.Reason"] = "keep depth while the tendon settles",
        })) set.AssertRedirect($"/clinic/patients/{enrollment.UserId}");

        var today = await patient.GetDocumentAsync("/today");
        Assert.Equal("3×8 with a 3 s hold (level 1): about 45 degrees", today.DoseOf("wall-squat"));
        Assert.Equal("Your physiotherapist changed your wall squat to 3×8 with a 3 s hold (level 1): \"keep depth while the tendon settles\"", today.MessageOf("wall-squat"));
        var audit = await patient.GetDocumentAsync("/account/physiotherapists");
        Assert.Contains(audit.QuerySelectorAll(".clinic-audit li"), li => li.TextContent.Contains("Changed your wall squat to 3×8 with a 3 s hold (level 1): \"keep depth while the tendon settles\"", StringComparison.Ordinal));

        // The engine carries on from the physiotherapist's dose: two good workouts at it (logged from /today, the
        // knee settled the next mornings), and it moves up a step.
        await TrainAsync(patient, 0, 4);
        Assert.StartsWith("3×10 with a 3 s hold (level 1)", (await patient.GetDocumentAsync("/today")).DoseOf("wall-squat"));

        // Made again from the start (as an edit of the first workout does), the record keeps the physiotherapist's dose in its place.
        await _factory.RecordFromAsync(enrollment.Id, enrollment.StartedOn);
        await using var record = _factory.OpenDatabase();
        var wallSquat = await record.ProgramDecisions.Where(d => d.EnrollmentId == enrollment.Id && d.ExerciseSlug == "wall-squat").OrderBy(d => d.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Single(wallSquat, d => d.Reasons == KneeRehab.Web.Training.Reason.SetByPhysiotherapist && d.Next == new Prescription(3, 8, 3, 0, 1));
        Assert.Equal(new Prescription(3, 10, 3, 0, 1), wallSquat[^1].Next);
    }

    [Fact]
    public async Task A_held_exercise_stays_put_until_released_and_a_swap_puts_an_easier_one_of_its_ladder_in_its_place_each_with_the_reason_on_today()
    {
        var physio = await PhysioAsync(_factory);
        var (patient, enrollment) = await _factory.StartedAsync("runners-knee");
        using (await AcceptAsync(patient, await InviteAsync(physio))) { }
        var clinicPage = $"/clinic/patients/{enrollment.UserId}";
        async Task ChangeAsync(Dictionary<string, string> fields)
        {
            var form = (await physio.GetDocumentAsync(clinicPage)).QuerySelector<IHtmlFormElement>(".clinician-dose form")!;
            using var done = await physio.SubmitAsync(form, null, fields);
            done.AssertRedirect(clinicPage);
        }

        var start = (await patient.GetDocumentAsync("/today")).DoseOf("wall-squat");
        await ChangeAsync(new() { ["Dose.Exercise"] = "wall-squat", ["Dose.Change"] = "Hold", ["Dose.Reason"] = "keep depth while the tendon settles" });
        var held = await patient.GetDocumentAsync("/today");
        Assert.Equal(start, held.DoseOf("wall-squat"));
        Assert.StartsWith("Your physiotherapist is keeping your wall squat at ", held.MessageOf("wall-squat"));
        Assert.EndsWith(" for now: \"keep depth while the tendon settles\"", held.MessageOf("wall-squat"));

        // Two good workouts: the other exercises move up, the held one stays, and says why.
        var bridge = held.DoseOf("ball-bridge");
        await TrainAsync(patient, 0, 4);
        var after = await patient.GetDocumentAsync("/today");
        Assert.NotEqual(bridge, after.DoseOf("ball-bridge"));
        Assert.Equal(start, after.DoseOf("wall-squat"));
        Assert.Contains("your physiotherapist is keeping it there for now (\"keep depth while the tendon settles\")", after.MessageOf("wall-squat"));
        var withHold = await physio.GetDocumentAsync(clinicPage);
        Assert.Contains("(held)", withHold.QuerySelector("select[name='Dose.Exercise'] option[value='wall-squat']")!.TextContent);

        // The patient's progress charts and tables, as on their own /progress, from the same numbers.
        Assert.Contains("2 workouts: pain during them from 1 to 1", withHold.QuerySelector("#pain-heading")!.ParentElement!.TextContent);
        Assert.Equal($"{clinicPage}?handler=Data&range=3m", withHold.QuerySelector<IHtmlElement>("#progress-charts")!.Dataset["source"]);
        using (var data = System.Text.Json.JsonDocument.Parse(await physio.GetStringAsync($"{clinicPage}?handler=Data&range=3m", TestContext.Current.CancellationToken)))
        using (var own = System.Text.Json.JsonDocument.Parse(await patient.GetStringAsync("/progress?handler=Data&range=3m", TestContext.Current.CancellationToken)))
            Assert.Equal(own.RootElement.GetRawText(), data.RootElement.GetRawText());

        // Holding it again, or swapping for an exercise its guide does not name, is explained next to the field; nothing changes.
        var page = await physio.GetDocumentAsync(clinicPage);
        using (var refused = await physio.SubmitAsync(page.QuerySelector<IHtmlFormElement>(".clinician-dose form")!, null, new Dictionary<string, string>
        {
            ["Dose.Exercise"] = "wall-squat", ["Dose.Change"] = "Hold", ["Dose.Reason"] = "again",
        }))
            Assert.Equal("The wall squat is held already.", (await refused.ToDocumentAsync()).QuerySelector("span[data-valmsg-for='Dose.Change']")!.TextContent);
        using (var refused = await physio.SubmitAsync(page.QuerySelector<IHtmlFormElement>(".clinician-dose form")!, null, new Dictionary<string, string>
        {
            ["Dose.Exercise"] = "calf-raise", ["Dose.Change"] = "Swap", ["Dose.SwapTo"] = "wall-slide", ["Dose.Sets"] = "2", ["Dose.Reps"] = "", ["Dose.Reason"] = "too much",
        }))
        {
            var again = await refused.ToDocumentAsync();
            Assert.Equal("Choose an easier or harder exercise that the calf raise guide names.", again.QuerySelector("span[data-valmsg-for='Dose.SwapTo']")!.TextContent);
            Assert.Equal("Enter the reps, from 1 to 100.", again.QuerySelector("span[data-valmsg-for='Dose.Reps']")!.TextContent);
            Assert.Equal("2", again.QuerySelector<IHtmlInputElement>("input[name='Dose.Sets']")!.Value);
            Assert.True(again.QuerySelector<IHtmlInputElement>("#change-Swap")!.IsChecked);
        }
        await using (var db = _factory.OpenDatabase()) Assert.Single(await db.ClinicianDoses.ToListAsync(TestContext.Current.CancellationToken));

        // Released, two more good workouts move it up.
        await ChangeAsync(new() { ["Dose.Exercise"] = "wall-squat", ["Dose.Change"] = "Release", ["Dose.Reason"] = "the tendon has settled" });
        Assert.Equal("Your physiotherapist lets your wall squat move up again when it goes well: \"the tendon has settled\"", (await patient.GetDocumentAsync("/today")).MessageOf("wall-squat"));
        await TrainAsync(patient, 4, 4);
        Assert.NotEqual(start, (await patient.GetDocumentAsync("/today")).DoseOf("wall-squat"));

        // A swap: the wall slide (the wall squat guide's easier exercise) takes its place on /today, at the dose set.
        await ChangeAsync(new()
        {
            ["Dose.Exercise"] = "wall-squat", ["Dose.Change"] = "Swap", ["Dose.SwapTo"] = "wall-slide", ["Dose.Sets"] = "2", ["Dose.Reps"] = "10", ["Dose.Reason"] = "squatting hurts after the weekend",
        });
        var swapped = await patient.GetDocumentAsync("/today");
        Assert.Null(swapped.DoseOf("wall-squat"));
        Assert.StartsWith("2×10", swapped.DoseOf("wall-slide"));
        Assert.StartsWith("Your physiotherapist swapped your wall squat for the wall slide, at 2×10", swapped.MessageOf("wall-slide"));
        Assert.EndsWith(": \"squatting hurts after the weekend\"", swapped.MessageOf("wall-slide"));
        // The calendar of the coming workouts names the wall slide in this phase.
        var calendar = (await patient.GetStringAsync("/progress/export?handler=Calendar", TestContext.Current.CancellationToken)).Replace("\r\n ", "", StringComparison.Ordinal);
        var nextWorkout = calendar.Split("BEGIN:VEVENT")[1];
        Assert.Contains("Wall slide", nextWorkout);
        Assert.DoesNotContain("Wall squat", nextWorkout);
        var audit = (await patient.GetDocumentAsync("/account/physiotherapists")).QuerySelectorAll(".clinic-audit li").Select(li => li.TextContent).ToList();
        Assert.Contains(audit, a => a.Contains("Held your wall squat where it is: \"keep depth while the tendon settles\"", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Contains("Swapped your wall squat for the wall slide at 2×10", StringComparison.Ordinal));

        // The patient logs the wall slide and the engine carries on with it; made again from the start, the record is the same.
        await TrainAsync(patient, 8, 4);
        Assert.StartsWith("3×10", (await patient.GetDocumentAsync("/today")).DoseOf("wall-slide"));
        List<(string, DecisionKind, Prescription)> Decisions(KneeRehabDbContext db) =>
            [.. db.ProgramDecisions.Where(d => d.EnrollmentId == enrollment.Id).OrderBy(d => d.Date).ThenBy(d => d.ExerciseSlug).ThenBy(d => d.Id).AsEnumerable().Select(d => (d.ExerciseSlug, d.Kind, d.Next))];
        List<(string, DecisionKind, Prescription)> before;
        await using (var db = _factory.OpenDatabase()) before = Decisions(db);
        await _factory.RecordFromAsync(enrollment.Id, enrollment.StartedOn);
        await using (var db = _factory.OpenDatabase()) Assert.Equal(before, Decisions(db));
        // And from a day in the middle, after the hold and before its release.
        await _factory.RecordFromAsync(enrollment.Id, enrollment.StartedOn.AddDays(5));
        await using (var db = _factory.OpenDatabase()) Assert.Equal(before, Decisions(db));
    }

    [Fact]
    public async Task A_held_exercise_does_not_hold_up_the_phase_and_keeps_its_dose_into_the_next_one()
    {
        var physio = await PhysioAsync(_factory);
        var (patient, enrollment) = await _factory.StartedAsync("runners-knee");
        using (await AcceptAsync(patient, await InviteAsync(physio))) { }
        var page = await physio.GetDocumentAsync($"/clinic/patients/{enrollment.UserId}");
        using (var held = await physio.SubmitAsync(page.QuerySelector<IHtmlFormElement>(".clinician-dose form")!, null, new Dictionary<string, string>
        {
            ["Dose.Exercise"] = "side-lying-hip-abduction", ["Dose.Change"] = "Hold", ["Dose.Reason"] = "the hip is sore",
        })) held.AssertRedirect($"/clinic/patients/{enrollment.UserId}");
        var start = (await patient.GetDocumentAsync("/today")).DoseOf("side-lying-hip-abduction");

        // Two weeks of good workouts: the phase moves on (the held exercise is not judged), and in "Control" the
        // held exercise stays where it was (3×12 with a 2 s hold), not at the new phase's starting dose (3×12 with a 3 s hold).
        await TrainAsync(patient, 0, 14);
        var today = await patient.GetDocumentAsync("/today");
        Assert.Contains("Control", today.QuerySelector(".program-position")!.TextContent);
        Assert.Equal(start, today.DoseOf("side-lying-hip-abduction"));
        Assert.StartsWith("Stays at 3×12 with a 2 s hold in the new phase: your physiotherapist is keeping it there for now", today.MessageOf("side-lying-hip-abduction"));
        Assert.DoesNotContain("3 s hold", today.DoseOf("side-lying-hip-abduction"));
    }

    [Fact]
    public async Task Notes_go_both_ways_a_new_one_shows_on_today_until_read_and_an_ended_link_takes_no_more()
    {
        var physio = await PhysioAsync(_factory);
        var (patient, enrollment) = await _factory.StartedAsync("runners-knee");
        using (await AcceptAsync(patient, await InviteAsync(physio))) { }
        var notes = $"/clinic/patients/{enrollment.UserId}/notes";

        using (var empty = await physio.SubmitFormAsync(notes, new Dictionary<string, string> { ["Text"] = " " }))
        {
            var page = await empty.ToDocumentAsync();
            Assert.Equal("Write the note first.", page.QuerySelector("span[data-valmsg-for='Text']")!.TextContent);
            Assert.Contains("Write the note first.", page.QuerySelector(".error-summary, [role=alert]")!.TextContent);
        }
        using (var tooLong = await physio.SubmitFormAsync(notes, new Dictionary<string, string> { ["Text"] = new string('a', 1001) }))
            Assert.Equal("Keep the note to 1000 characters.", (await tooLong.ToDocumentAsync()).QuerySelector("span[data-valmsg-for='Text']")!.TextContent);
        using (var sent = await physio.SubmitFormAsync(notes, new Dictionary<string, string> { ["Text"] = "How did the stairs go?" })) sent.AssertRedirect(notes);

        var today = await patient.GetDocumentAsync("/today");
        var fresh = today.QuerySelector(".new-notes")!;
        Assert.Contains("How did the stairs go?", fresh.TextContent);
        var reply = await patient.GetDocumentAsync(fresh.QuerySelector<IHtmlAnchorElement>("a")!.PathName);
        using (var replied = await patient.SubmitAsync(reply.QuerySelector<IHtmlFormElement>("main form")!, null, new Dictionary<string, string> { ["Text"] = "Better, 2/10 going down" }))
            replied.AssertRedirect("/account/notes/");
        // Replying marks the physiotherapist's notes read; a newer one shows again until "Mark as read".
        Assert.Null((await patient.GetDocumentAsync("/today")).QuerySelector(".new-notes"));
        _factory.Clock!.Now = Start.AddMinutes(5);
        using (await physio.SubmitFormAsync(notes, new Dictionary<string, string> { ["Text"] = "Good, keep going" })) { }
        today = await patient.GetDocumentAsync("/today");
        Assert.Contains("Good, keep going", today.QuerySelector(".new-notes")!.TextContent);
        using (var read = await patient.SubmitAsync(today.QuerySelector<IHtmlFormElement>(".new-notes form")!)) read.AssertRedirect("/today");
        Assert.Null((await patient.GetDocumentAsync("/today")).QuerySelector(".new-notes"));

        var thread = await physio.GetDocumentAsync(notes);
        Assert.Equal(["How did the stairs go?", "Better, 2/10 going down", "Good, keep going"], thread.QuerySelectorAll(".note-text").Select(n => n.TextContent));
        Assert.Equal(["note note-mine", "note note-theirs", "note note-mine"], thread.QuerySelectorAll(".note").Select(n => n.ClassName));
        var audit = await patient.GetDocumentAsync("/account/physiotherapists");
        Assert.Equal(2, audit.QuerySelectorAll(".clinic-audit li").Count(li => li.TextContent.Contains("Sent you a note", StringComparison.Ordinal)));
        Assert.Contains(audit.QuerySelectorAll(".clinic-audit li"), li => li.TextContent.Contains("Opened your notes", StringComparison.Ordinal));

        // The link ends: neither side can read or add to the thread any more.
        var replyPath = reply.Location.PathName;
        using (await patient.SubmitAsync(audit.QuerySelector<IHtmlFormElement>(".care-links form")!)) { }
        using (var physioGone = await physio.GetAsync(notes, TestContext.Current.CancellationToken)) Assert.Equal(System.Net.HttpStatusCode.NotFound, physioGone.StatusCode);
        using (var patientGone = await patient.GetAsync(replyPath, TestContext.Current.CancellationToken)) Assert.Equal(System.Net.HttpStatusCode.NotFound, patientGone.StatusCode);
        var stranger = await _factory.CreateUserClientAsync();
        using (var notMine = await stranger.GetAsync(replyPath, TestContext.Current.CancellationToken)) Assert.Equal(System.Net.HttpStatusCode.NotFound, notMine.StatusCode);
    }

    [Fact]
    public async Task After_seeing_the_patient_the_physiotherapist_clears_a_warning_sign_or_ends_the_program_with_a_reason_the_patient_reads()
    {
        var physio = await PhysioAsync(_factory);
        var (patient, enrollment) = await _factory.StartedAsync("runners-knee");
        using (await AcceptAsync(patient, await InviteAsync(physio))) { }
        // The patient reports a locking knee: the program pauses.
        var warning = await patient.GetDocumentAsync("/today/warning");
        var warningForm = warning.QuerySelector<IHtmlFormElement>("main form")!;
        warningForm.QuerySelector<IHtmlInputElement>("input[value='B_LOCKING']")!.IsChecked = true;
        using (await patient.SubmitAsync(warningForm)) { }
        await using (var db = _factory.OpenDatabase())
            Assert.Equal(ProgramStatus.Paused, (await db.Enrollments.SingleAsync(e => e.Id == enrollment.Id, TestContext.Current.CancellationToken)).Status);

        var page = await physio.GetDocumentAsync($"/clinic/patients/{enrollment.UserId}");
        var clear = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Clear']")!;
        using (var refused = await physio.SubmitAsync(clear, null, new Dictionary<string, string> { ["ClearReason"] = "" }))
        {
            var again = await refused.ToDocumentAsync();
            Assert.Equal("Say why, in a few words the patient will read.", again.QuerySelector("span[data-valmsg-for='ClearReason']")!.TextContent);
            Assert.Contains("Say why", again.QuerySelector(".error-summary, [role=alert]")!.TextContent);
            Assert.DoesNotContain(again.QuerySelectorAll("span[data-valmsg-for='Dose.Reps']"), s => s.TextContent.Length > 0);
        }
        using (var cleared = await physio.SubmitAsync(clear, null, new Dictionary<string, string> { ["ClearReason"] = "no locking on examination" }))
            cleared.AssertRedirect($"/clinic/patients/{enrollment.UserId}");
        var today = await patient.GetDocumentAsync("/today");
        Assert.Null(today.QuerySelector(".stop-advice"));
        Assert.NotEmpty(today.QuerySelectorAll(".decision"));
        var record = await patient.GetDocumentAsync("/programs/record");
        Assert.Contains(record.QuerySelectorAll(".program-record li"), li => li.TextContent.Contains("Seen by your physiotherapist and cleared to carry on: \"no locking on examination\"", StringComparison.Ordinal));

        page = await physio.GetDocumentAsync($"/clinic/patients/{enrollment.UserId}");
        Assert.Null(page.QuerySelector("form[action*='handler=Clear']"));
        using (var ended = await physio.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=End']")!, null, new Dictionary<string, string> { ["EndReason"] = "referred to the knee clinic" }))
            ended.AssertRedirect($"/clinic/patients/{enrollment.UserId}");
        Assert.Contains("You are not following a program", (await patient.GetDocumentAsync("/today")).QuerySelector("main")!.TextContent);
        record = await patient.GetDocumentAsync("/programs/record");
        Assert.Contains(record.QuerySelectorAll(".program-record li"), li => li.TextContent.Contains("Ended by your physiotherapist: \"referred to the knee clinic\"", StringComparison.Ordinal));
        var audit = (await patient.GetDocumentAsync("/account/physiotherapists")).QuerySelectorAll(".clinic-audit li").Select(li => li.TextContent).ToList();
        Assert.Contains(audit, a => a.Contains("Cleared your program to carry on: \"no locking on examination\"", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Contains("Ended your program: \"referred to the knee clinic\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_physiotherapist_previews_a_program_with_virtual_patients_and_starts_it_for_the_patient()
    {
        var physio = await PhysioAsync(_factory);
        var patient = await _factory.CreateUserClientAsync();
        var patientId = await _factory.UserIdAsync(patient);
        using (await AcceptAsync(patient, await InviteAsync(physio))) { }
        var url = $"/clinic/patients/{patientId}/prescribe";

        var page = await physio.GetDocumentAsync($"{url}?program=inner-range-quadriceps");
        var summaries = page.QuerySelectorAll("#preview-heading ~ h3").Select(h => h.TextContent).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Matches(@"^Steady: finished in \d+ weeks$", summaries[0]);
        Assert.StartsWith("A flare in week 3: ", summaries[1]);
        Assert.True(page.QuerySelectorAll(".preview-table")[0].QuerySelectorAll("tbody tr").Length >= 6);
        await using (var db = _factory.OpenDatabase()) Assert.False(await db.Enrollments.AnyAsync(e => e.UserId == patientId, TestContext.Current.CancellationToken));

        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        using (var refused = await physio.SubmitAsync(form, null, new Dictionary<string, string> { ["BaselineMorningPain"] = "" }))
        {
            var again = await refused.ToDocumentAsync();
            Assert.Equal("Enter the patient's usual morning knee pain, from 0 to 10.", again.QuerySelector("span[data-valmsg-for='BaselineMorningPain']")!.TextContent);
            Assert.Equal("Tick this once you have checked the patient for the warning signs.", again.QuerySelector("span[data-valmsg-for='Screened']")!.TextContent);
        }
        form.QuerySelector<IHtmlInputElement>("input[name='Screened'][type=checkbox]")!.IsChecked = true;
        using (var started = await physio.SubmitAsync(form, null, new Dictionary<string, string> { ["BaselineMorningPain"] = "3" }))
            started.AssertRedirect($"/clinic/patients/{patientId}");

        var today = await patient.GetDocumentAsync("/today");
        Assert.Contains("Inner-range quadriceps", today.QuerySelector(".program-position")!.TextContent);
        var record = await patient.GetDocumentAsync("/programs/record");
        Assert.Contains("Started by your physiotherapist.", record.QuerySelector(".program-record li")!.TextContent);
        Assert.Contains((await patient.GetDocumentAsync("/account/physiotherapists")).QuerySelectorAll(".clinic-audit li"),
            li => li.TextContent.Contains("Started the program \"Inner-range quadriceps", StringComparison.Ordinal));
        Assert.Contains((await patient.GetDocumentAsync("/account/physiotherapists")).QuerySelectorAll(".clinic-audit li"),
            li => li.TextContent.Contains("Looked at starting a program for you", StringComparison.Ordinal));

        // Another program while one runs: the physiotherapist confirms ending it.
        var next = await physio.GetDocumentAsync($"{url}?program=runners-knee");
        var nextForm = next.QuerySelector<IHtmlFormElement>("main form")!;
        nextForm.QuerySelector<IHtmlInputElement>("input[name='Screened'][type=checkbox]")!.IsChecked = true;
        using (var unconfirmed = await physio.SubmitAsync(nextForm, null, new Dictionary<string, string> { ["BaselineMorningPain"] = "3" }))
            Assert.StartsWith("Tick this to end", (await unconfirmed.ToDocumentAsync()).QuerySelector("span[data-valmsg-for='ConfirmEnd']")!.TextContent);
        await using (var db = _factory.OpenDatabase())
            Assert.Equal("inner-range-quadriceps", (await db.Enrollments.SingleAsync(e => e.UserId == patientId && e.EndedOn == null, TestContext.Current.CancellationToken)).ProgramSlug);
    }

    private const int IndexPageSize = Web.Pages.Clinic.IndexModel.PageSize;

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
