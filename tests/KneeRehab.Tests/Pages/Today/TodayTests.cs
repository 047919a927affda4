using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Today;

public class TodayTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private const string Program = ProgramPagesTests.Program;

    private Task<(HttpClient Client, ProgramEnrollment Enrollment)> StartedAsync(int startedDaysAgo = 0) => factory.StartedAsync(Program, startedDaysAgo);

    [Fact]
    public async Task Without_a_program_today_points_to_programs_and_free_logging()
    {
        var client = await factory.CreateUserClientAsync();

        var today = await client.GetDocumentAsync("/today");

        Assert.NotNull(today.QuerySelector("main a[href='/programs']"));
        Assert.NotNull(today.QuerySelector("main a[href='/log']"));
    }

    [Fact]
    public async Task After_starting_today_lists_the_first_phase_prefilled_as_prescribed()
    {
        var (client, _) = await StartedAsync();
        var phase = factory.Program(Program).Meta.Phases[0];

        var today = await client.GetDocumentAsync("/today");

        Assert.Equal(phase.Exercises.Count, today.QuerySelectorAll(".decision").Length);
        Assert.StartsWith("2×10", today.DoseOf("straight-leg-raise"));
        // Seated activation, then the one-leg clench extension (left, right), then the leg raise.
        Assert.Equal("straight-leg-raise", today.Field("Input.Exercises[3].Slug"));
        Assert.Equal("Left", today.Field("Input.Exercises[3].Side"));
        Assert.Equal("10", today.Field("Input.Exercises[3].Sets[1].Reps"));
        // The dose is the server's: the form does not carry it back.
        Assert.Null(today.Field("Input.Exercises[3].PrescribedSets"));
        Assert.Contains("today's plan: 2 × 10", today.QuerySelectorAll(".entry-guide")[3].TextContent);
        Assert.NotNull(today.Form().QuerySelector("button[formaction*='BadKneeDay']"));
    }

    [Fact]
    public async Task Logging_as_prescribed_takes_one_pain_entry_and_marks_today_done()
    {
        var (client, enrollment) = await StartedAsync();
        var today = await client.GetDocumentAsync("/today");

        using var saved = await client.SaveAsync(today, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
        saved.AssertRedirect("/history/");

        var after = await client.GetDocumentAsync("/today");
        Assert.Contains("Done for today", after.QuerySelector("#decisions-heading")!.TextContent);
        Assert.Null(after.QuerySelector("form.workout-form"));
        await using var db = factory.OpenDatabase();
        var workout = await db.Workouts.Include(w => w.Exercises).SingleAsync(w => w.EnrollmentId == enrollment.Id, TestContext.Current.CancellationToken);
        Assert.All(workout.Exercises, e => Assert.NotNull(e.Prescribed));
        Assert.Equal(new Prescription(2, 10, 0, 0, 1), workout.Exercises.First(e => e.ExerciseSlug == "straight-leg-raise").Prescribed);
    }

    [Fact]
    public async Task The_day_after_a_workout_is_a_rest_day_and_asks_for_the_morning_pain_first()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 3);
        var workoutId = await factory.SeedWorkoutAsync(enrollment, daysAgo: 1, nextMorning: null);

        var today = await client.GetDocumentAsync("/today");
        Assert.Contains("Rest day", today.QuerySelector("#decisions-heading")!.TextContent);
        var question = today.QuerySelector<IHtmlFormElement>(".morning-question form")!;

        // Entered twice (a second tab, or a change of mind): the later value stands.
        foreach (var pain in new[] { "4", "3" })
        {
            using var response = await client.SubmitAsync(question, null, new Dictionary<string, string> { ["MorningPain"] = pain });
            response.AssertRedirect("/today");
        }
        Assert.Null((await client.GetDocumentAsync("/today")).QuerySelector(".morning-question"));
        await using var db = factory.OpenDatabase();
        Assert.Equal(3, (await db.Workouts.SingleAsync(w => w.Id == workoutId, TestContext.Current.CancellationToken)).PainNextMorning);
    }

    [Fact]
    public async Task Morning_pain_out_of_range_shows_the_message()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 3);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 1, nextMorning: null);
        var today = await client.GetDocumentAsync("/today");

        using var response = await client.SubmitAsync(today.QuerySelector<IHtmlFormElement>(".morning-question form")!, null, new Dictionary<string, string> { ["MorningPain"] = "12" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Pain is a number from 0 to 10.", (await response.ToDocumentAsync()).FieldError("MorningPain"));
    }

    [Fact]
    public async Task Two_green_workouts_in_a_row_step_the_dose_up_and_say_why()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 3);

        var today = await client.GetDocumentAsync("/today");

        Assert.StartsWith("3×10", today.DoseOf("straight-leg-raise"));
        Assert.Contains("3×10", today.MessageOf("straight-leg-raise"));
        Assert.Equal("10", today.Field("Input.Exercises[3].Sets[2].Reps"));
        // The stretch has a fixed dose: it never moves.
        Assert.StartsWith("4×1", today.DoseOf("standing-quad-stretch"));
    }

    [Fact]
    public async Task A_painful_workout_steps_back()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 3, pain: 6);

        var today = await client.GetDocumentAsync("/today");

        Assert.StartsWith("2×8", today.DoseOf("straight-leg-raise"));
        Assert.Contains("6/10", today.MessageOf("straight-leg-raise"));
    }

    [Fact]
    public async Task A_workout_logged_for_an_earlier_date_changes_the_decision()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 8);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 7);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 3);
        Assert.StartsWith("3×10", (await client.GetDocumentAsync("/today")).DoseOf("straight-leg-raise"));

        // Remembered later: a painful session five days ago, between the two good ones.
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5, pain: 5, only: ["straight-leg-raise"]);

        var today = await client.GetDocumentAsync("/today");
        Assert.StartsWith("2×10", today.DoseOf("straight-leg-raise"));
    }

    [Fact]
    public async Task Bad_knee_day_makes_every_exercise_one_step_easier_and_still_counts()
    {
        var (client, enrollment) = await StartedAsync();
        var today = await client.GetDocumentAsync("/today");

        Assert.StartsWith("2×10", today.DoseOf("straight-leg-raise"));
        var easier = await client.PressAsync(today, "Bad-knee day: make it easier");
        Assert.Equal("8", easier.Field("Input.Exercises[3].Sets[0].Reps"));
        // The list at the top says the same as the form below.
        Assert.StartsWith("2×8", easier.DoseOf("straight-leg-raise"));
        Assert.Contains("bad-knee day: one step easier", easier.DoseOf("straight-leg-raise"), StringComparison.Ordinal);
        Assert.Equal("true", easier.Field("Input.BadKneeDay")?.ToLowerInvariant());

        using var saved = await client.SaveAsync(easier, new Dictionary<string, string> { ["Input.PainForAll"] = "2" });
        saved.AssertRedirect("/history/");
        Assert.Contains("Done for today", (await client.GetDocumentAsync("/today")).QuerySelector("#decisions-heading")!.TextContent);
        await using var db = factory.OpenDatabase();
        var stored = await db.Workouts.Include(w => w.Exercises).SingleAsync(w => w.EnrollmentId == enrollment.Id, TestContext.Current.CancellationToken);
        Assert.True(stored.BadKneeDay);
        // The easier dose is recorded as prescribed that day; the plan carries on from the usual dose.
        Assert.Equal(new Prescription(2, 8, 0, 0, 1), stored.Exercises.First(e => e.ExerciseSlug == "straight-leg-raise").Prescribed);
        Assert.StartsWith("2×10", (await client.GetDocumentAsync("/today")).DoseOf("straight-leg-raise"));
    }

    [Fact]
    public async Task A_deviation_is_logged_beside_the_prescription()
    {
        var (client, enrollment) = await StartedAsync();
        var today = await client.GetDocumentAsync("/today");

        using var saved = await client.SaveAsync(today, new Dictionary<string, string>
        {
            ["Input.PainForAll"] = "1",
            ["Input.Exercises[3].Sets[1].Reps"] = "6",
        });
        saved.AssertRedirect("/history/");

        await using var db = factory.OpenDatabase();
        var entry = await db.WorkoutExercises.Include(e => e.Sets).FirstAsync(e => e.Workout!.EnrollmentId == enrollment.Id && e.ExerciseSlug == "straight-leg-raise" && e.Side == Side.Left, TestContext.Current.CancellationToken);
        Assert.Equal(10, entry.Prescribed!.Reps);
        Assert.Equal([10, 6], entry.Sets.OrderBy(s => s.Number).Select(s => s.Reps));
    }

    [Fact]
    public async Task Reporting_a_warning_sign_pauses_the_program_until_a_clinician_clears_it()
    {
        var (client, _) = await StartedAsync();

        using (var reported = await client.SubmitFormAsync("/today/warning", new Dictionary<string, string>(), formSelector: "main form"))
        {
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
            Assert.Contains("Tick the sign you have", await reported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        var page = await client.GetDocumentAsync("/today/warning");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        form.QuerySelector<IHtmlInputElement>("#flag-B_LOCKING")!.IsChecked = true;
        using (var stopped = await client.SubmitAsync(form)) stopped.AssertRedirect("/today");

        var paused = await client.GetDocumentAsync("/today");
        Assert.Contains("within the next few days", paused.QuerySelector(".stop-advice")!.TextContent);
        Assert.Null(paused.QuerySelector("form.workout-form"));

        // Carrying on is deliberate: without saying a clinician saw them, and when, nothing changes.
        using (var refused = await client.SubmitAsync(paused.QuerySelector<IHtmlFormElement>(".stop-advice form")!))
        {
            var page2 = await refused.ToDocumentAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Tick this only when a clinician has seen you", page2.QuerySelector(".stop-advice")!.TextContent);
            Assert.Contains("Enter the day a clinician saw you.", page2.QuerySelector(".stop-advice")!.TextContent);
        }
        Assert.NotNull((await client.GetDocumentAsync("/today")).QuerySelector(".stop-advice"));

        using (var cleared = await client.SubmitAsync(paused.QuerySelector<IHtmlFormElement>(".stop-advice form")!, null, new Dictionary<string, string>
        {
            ["Clearance.Seen"] = "true",
            ["Clearance.SeenOn"] = ProgramSeeding.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })) cleared.AssertRedirect("/today");
        var resumed = await client.GetDocumentAsync("/today");
        Assert.NotNull(resumed.QuerySelector("form.workout-form"));
        // The program resumes one rung lower, and says why.
        Assert.StartsWith("2×8", resumed.DoseOf("straight-leg-raise"));
        Assert.Contains("A clinician has seen you", resumed.MessageOf("straight-leg-raise"));
    }

    [Fact]
    public async Task The_phase_moves_on_when_its_criterion_is_met_and_its_weeks_have_passed()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 15);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 4);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 2);

        var today = await client.GetDocumentAsync("/today");

        Assert.Contains("Build", today.QuerySelector(".program-position")!.TextContent);
        Assert.NotNull(today.QuerySelector(".decision a[href='/exercises/wall-squat']"));
        Assert.Equal(1, (await factory.EnrollmentOfAsync(client)).PhaseIndex);
    }

    [Fact]
    public async Task The_phase_stays_while_its_weeks_have_not_passed()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 4);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 2);

        var today = await client.GetDocumentAsync("/today");

        Assert.Contains("Switch on", today.QuerySelector(".program-position")!.TextContent);
    }

    [Fact]
    public async Task A_workout_logged_on_the_log_page_is_outside_the_program()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5);

        var page = await client.StartWorkoutAsync("straight-leg-raise");
        using var saved = await client.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
        saved.AssertRedirect("/history/");

        await using var db = factory.OpenDatabase();
        Assert.Equal(1, await db.Workouts.CountAsync(w => w.EnrollmentId == enrollment.Id, TestContext.Current.CancellationToken));
        Assert.Null((await db.WorkoutExercises.OrderBy(e => e.Id).LastAsync(TestContext.Current.CancellationToken)).Prescribed);
    }

    [Fact]
    public async Task A_program_workout_page_shows_the_prescription_and_the_decision_that_followed()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 5);
        var second = await factory.SeedWorkoutAsync(enrollment, daysAgo: 3);

        var workout = await client.GetDocumentAsync($"/history/{second}");

        var legRaise = workout.QuerySelectorAll(".workout-entry").First(e => e.QuerySelector("a[href='/exercises/straight-leg-raise']") is not null);
        Assert.Contains("Prescribed: 2 × 10", legRaise.QuerySelector(".prescribed")!.TextContent);
        Assert.Contains("next time 3×10", legRaise.QuerySelector(".decision-message")!.TextContent);
    }

    [Fact]
    public async Task A_phase_missed_three_times_stops_the_program_for_a_clinician_review()
    {
        var (client, enrollment) = await StartedAsync(startedDaysAgo: 44);
        for (var daysAgo = 43; daysAgo >= 1; daysAgo -= 2)
            await factory.SeedWorkoutAsync(enrollment, daysAgo: daysAgo, pain: 5);

        var today = await client.GetDocumentAsync("/today");

        Assert.Contains("stopped for a review", today.QuerySelector(".stop-advice")!.TextContent);
        Assert.Contains("has not gone to plan three times", today.QuerySelector(".stop-advice")!.TextContent);
        Assert.Null(today.QuerySelector("form.workout-form"));
        Assert.Contains("Switch on", today.QuerySelector(".program-position")!.TextContent);
        await using var db = factory.OpenDatabase();
        Assert.Equal(2, await db.ProgramTransitions.CountAsync(t => t.EnrollmentId == enrollment.Id && t.Kind == TransitionKind.PhaseRepeated, TestContext.Current.CancellationToken));
    }
}
