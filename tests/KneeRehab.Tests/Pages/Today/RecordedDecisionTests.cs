using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Today;

/// <summary>
/// The engine decides once, when a workout (or its next-morning pain) is saved, and every page reads that
/// record; the dose is the server's and never comes back from a form.
/// </summary>
public class RecordedDecisionTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private const string Program = ProgramPagesTests.Program;

    private Task<(HttpClient Client, ProgramEnrollment Enrollment)> StartedAsync(int startedDaysAgo = 0) => factory.StartedAsync(Program, startedDaysAgo);

    [Fact]
    public async Task Today_shows_the_recorded_decision_rather_than_working_it_out_again()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 3);
        Assert.StartsWith("3×10", (await client.GetDocumentAsync("/today")).DoseOf("straight-leg-raise"));

        await using (var db = factory.OpenDatabase())
        {
            var latest = await db.ProgramDecisions.Where(d => d.EnrollmentId == enrollment.Id && d.ExerciseSlug == "straight-leg-raise")
                .OrderByDescending(d => d.Id).FirstAsync(TestContext.Current.CancellationToken);
            latest.Next = new Prescription(3, 12, 0, 0, 1);
            latest.Message = "Recorded: 3×12 next.";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var today = await client.GetDocumentAsync("/today");
        Assert.StartsWith("3×12", today.DoseOf("straight-leg-raise"));
        Assert.Equal("Recorded: 3×12 next.", today.MessageOf("straight-leg-raise"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e300")]
    [InlineData("")]
    public async Task A_tampered_or_missing_dose_field_changes_nothing_and_every_page_still_answers(string tampered)
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 0);
        var today = await client.GetDocumentAsync("/today");
        var form = today.Form();
        foreach (var name in new[] { "PrescribedSets", "PrescribedReps", "PrescribedHoldSeconds", "PrescribedLoadKg", "PrescribedLevel" })
        {
            var input = (IHtmlInputElement)today.CreateElement("input");
            input.Type = "hidden";
            input.Name = $"Input.Exercises[3].{name}";
            input.Value = tampered;
            form.AppendChild(input);
        }

        using var saved = await client.SaveAsync(today, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
        saved.AssertRedirect("/history/");

        await using (var db = factory.OpenDatabase())
        {
            var legRaise = await db.WorkoutExercises.FirstAsync(e => e.Workout!.EnrollmentId == enrollment.Id && e.ExerciseSlug == "straight-leg-raise", TestContext.Current.CancellationToken);
            Assert.Equal(new Prescription(2, 10, 0, 0, 1), legRaise.Prescribed);
            var decision = await db.ProgramDecisions.FirstAsync(d => d.EnrollmentId == enrollment.Id && d.ExerciseSlug == "straight-leg-raise", TestContext.Current.CancellationToken);
            Assert.Equal(new Prescription(2, 10, 0, 0, 1), decision.Next);
        }
        var link = await Progress.ShareTests.CreateLinkAsync(client);
        foreach (var url in new[] { "/today", "/progress", "/progress?range=all", "/progress?handler=data&range=all", "/progress/report", saved.Headers.Location!.OriginalString })
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        using var shared = await factory.CreateBrowserClient().GetAsync(link, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
    }

    [Fact]
    public async Task Editing_or_deleting_an_earlier_program_workout_makes_the_decisions_from_it_again()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5);
        var second = await factory.SeedWorkoutAsync(enrollment, daysAgo: 3);
        Assert.StartsWith("3×10", (await client.GetDocumentAsync("/today")).DoseOf("straight-leg-raise"));

        // It hurt more than the patient first wrote: 6 out of 10 on the leg raise.
        var edit = await client.GetDocumentAsync($"/history/{second}/edit");
        var legRaise = edit.QuerySelectorAll<IHtmlInputElement>("input[name$='.Slug']").Select((input, i) => (input.Value, i)).First(x => x.Value == "straight-leg-raise").i;
        using (var saved = await client.SaveAsync(edit, new Dictionary<string, string> { [$"Input.Exercises[{legRaise}].PainDuring"] = "6" })) saved.AssertRedirect($"/history/{second}");

        var afterEdit = await client.GetDocumentAsync("/today");
        Assert.StartsWith("2×8", afterEdit.DoseOf("straight-leg-raise"));
        Assert.Contains("6/10", afterEdit.MessageOf("straight-leg-raise"));
        await using (var db = factory.OpenDatabase())
        {
            var stored = await db.WorkoutExercises.FirstAsync(e => e.WorkoutId == second && e.ExerciseSlug == "straight-leg-raise", TestContext.Current.CancellationToken);
            Assert.Equal(new Prescription(2, 10, 0, 0, 1), stored.Prescribed);
        }

        var delete = await client.GetDocumentAsync($"/history/{second}/delete");
        using (var deleted = await client.SubmitAsync(delete.QuerySelector<IHtmlFormElement>("main form")!)) deleted.AssertRedirect("/history");

        var afterDelete = await client.GetDocumentAsync("/today");
        Assert.StartsWith("2×10", afterDelete.DoseOf("straight-leg-raise"));
        Assert.Contains("once more", afterDelete.MessageOf("straight-leg-raise"));
        await using (var db = factory.OpenDatabase())
            Assert.False(await db.ProgramDecisions.AnyAsync(d => d.WorkoutId == second, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_personal_data_download_carries_the_programs_record()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5);

        var page = await client.GetDocumentAsync("/identity/account/manage/personaldata");
        using var download = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form#download-data")!);
        using var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var program = json.RootElement.GetProperty("programs")[0];
        Assert.Equal(1, program.GetProperty("steps").GetArrayLength());
        var decisions = program.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Contains(decisions, d => d.GetProperty("ExerciseSlug").GetString() == "straight-leg-raise" && d.GetProperty("Message").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Next_morning_pain_is_not_taken_on_the_evening_of_the_workout()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 0);
        var today = await client.GetDocumentAsync("/today");
        using var saved = await client.SaveAsync(today, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
        saved.AssertRedirect("/history/");
        var url = saved.Headers.Location!.OriginalString;

        Assert.Null((await client.GetDocumentAsync("/today")).QuerySelector(".morning-question"));
        var workout = await client.GetDocumentAsync(url);
        using var refused = await client.SubmitAsync(workout.QuerySelector<IHtmlFormElement>("form.add-row")!, null, new Dictionary<string, string> { ["PainNextMorning"] = "2" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tell us tomorrow morning", (await refused.ToDocumentAsync()).FieldError("PainNextMorning"));
        await using var db = factory.OpenDatabase();
        Assert.Null((await db.Workouts.SingleAsync(w => w.EnrollmentId == enrollment.Id, TestContext.Current.CancellationToken)).PainNextMorning);
    }

    [Fact]
    public async Task A_painful_exercise_logged_outside_a_program_gets_the_engines_advice()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.StartWorkoutAsync("wall-squat");
        using var saved = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "7" });
        saved.AssertRedirect("/history/");

        var workout = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        var advice = workout.QuerySelector(".decision-regress .decision-message")!.TextContent;
        Assert.Contains("7/10", advice);
        Assert.Contains("step back", advice);
    }

    [Fact]
    public async Task Two_workouts_with_pain_7_on_any_exercise_stop_the_program_for_a_review()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        // Only the bridge hurt, once in each of two of the last three workouts.
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5);
        await SeedWithOnePainfulExerciseAsync(enrollment, daysAgo: 3, "ball-bridge");
        await SeedWithOnePainfulExerciseAsync(enrollment, daysAgo: 1, "side-lying-hip-abduction");

        var today = await client.GetDocumentAsync("/today");

        Assert.Contains("stopped for a review", today.QuerySelector(".stop-advice")!.TextContent);
        Assert.Contains("7/10 or more in two of your last 3 workouts", today.QuerySelector(".stop-advice")!.TextContent);
        Assert.Null(today.QuerySelector("form.workout-form"));
        Assert.Equal(ProgramStatus.StoppedForReview, (await factory.EnrollmentOfAsync(client)).Status);
    }

    [Fact]
    public async Task After_a_clinicians_all_clear_the_program_does_not_stop_again_for_the_pain_before_it()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5, pain: 8);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 3, pain: 8);
        var stopped = await client.GetDocumentAsync("/today");
        Assert.Contains("stopped for a review", stopped.QuerySelector(".stop-advice")!.TextContent);

        using (var cleared = await client.SubmitAsync(stopped.QuerySelector<IHtmlFormElement>(".stop-advice form")!, null, new Dictionary<string, string>
        {
            ["Clearance.Seen"] = "true",
            ["Clearance.SeenOn"] = ProgramSeeding.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })) cleared.AssertRedirect("/today");
        var today = await client.GetDocumentAsync("/today");
        using (var saved = await client.SaveAsync(today, new Dictionary<string, string> { ["Input.PainForAll"] = "1" })) saved.AssertRedirect("/history/");

        Assert.Equal(ProgramStatus.Active, (await factory.EnrollmentOfAsync(client)).Status);
        Assert.Null((await client.GetDocumentAsync("/today")).QuerySelector(".stop-advice"));
    }

    [Fact]
    public async Task A_more_urgent_warning_sign_while_paused_gives_its_own_advice()
    {
        var (client, _) = await StartedAsync();
        foreach (var sign in new[] { "C_NIGHT_PAIN", "A_DVT" })
        {
            var page = await client.GetDocumentAsync("/today/warning");
            var form = page.QuerySelector<IHtmlFormElement>("main form")!;
            form.QuerySelector<IHtmlInputElement>($"#flag-{sign}")!.IsChecked = true;
            using var reported = await client.SubmitAsync(form);
            reported.AssertRedirect("/today");
        }

        var today = await client.GetDocumentAsync("/today");

        Assert.Contains("emergency care now", today.QuerySelector(".stop-advice")!.TextContent);
        Assert.Equal("A_DVT", (await factory.EnrollmentOfAsync(client)).StatusReason);
    }

    [Fact]
    public async Task A_program_workout_dated_before_the_program_began_is_refused_with_a_message()
    {
        var (client, enrollment) = await StartedAsync();
        var today = await client.GetDocumentAsync("/today");

        using var refused = await client.SaveAsync(today, new Dictionary<string, string>
        {
            ["Input.PainForAll"] = "1",
            ["Input.Date"] = enrollment.StartedOn.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("A program workout is for a day of the program", (await refused.ToDocumentAsync()).FieldError("Input.Date"));
        await using var db = factory.OpenDatabase();
        Assert.False(await db.Workouts.AnyAsync(w => w.EnrollmentId == enrollment.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_program_whose_content_was_taken_down_can_still_be_ended_and_another_started()
    {
        var client = await factory.CreateUserClientAsync();
        var userId = await factory.UserIdAsync(client);
        await using (var db = factory.OpenDatabase())
        {
            db.Enrollments.Add(new ProgramEnrollment { UserId = userId, ProgramSlug = "retired-program", StartedOn = ProgramSeeding.Today.AddDays(-3), PhaseStartedOn = ProgramSeeding.Today.AddDays(-3) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using (var started = await ProgramPagesTests.StartAsync(client, Program)) started.AssertRedirect("/today");

        await using var check = factory.OpenDatabase();
        var programs = await check.Enrollments.Where(e => e.UserId == userId).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ProgramStatus.Ended, programs[0].Status);
        Assert.NotNull(programs[0].EndedOn);
        Assert.Equal(Program, Assert.Single(programs, e => e.EndedOn == null).ProgramSlug);
    }

    private async Task SeedWithOnePainfulExerciseAsync(ProgramEnrollment enrollment, int daysAgo, string painful)
    {
        var id = await factory.SeedWorkoutAsync(enrollment, daysAgo: daysAgo);
        await using (var db = factory.OpenDatabase())
        {
            foreach (var entry in await db.WorkoutExercises.Where(e => e.WorkoutId == id && e.ExerciseSlug == painful).ToListAsync())
                entry.PainDuring = 7;
            await db.SaveChangesAsync();
        }
        await factory.RecordFromAsync(enrollment.Id, ProgramSeeding.Today.AddDays(-daysAgo));
    }
}
