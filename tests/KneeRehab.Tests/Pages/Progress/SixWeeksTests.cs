using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Progress;

/// <summary>Six weeks of a program with weekly check-ins, seeded by test code, then every progress view checked.</summary>
public class SixWeeksTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    [Fact]
    public async Task After_six_weeks_progress_report_and_exports_show_the_patients_figures()
    {
        var client = await factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "inner-range-quadriceps", baseline: "3")) started.AssertRedirect("/today");
        var enrollment = await factory.EnrollmentOfAsync(client);
        await factory.BackdateEnrollmentAsync(enrollment.Id, 42);
        var workouts = 0;
        for (var daysAgo = 42; daysAgo >= 2; daysAgo -= 2)
        {
            if (daysAgo % 10 == 0) continue;  // a few missed days
            await factory.SeedWorkoutAsync(enrollment, daysAgo, pain: daysAgo > 20 ? 3 : 1, nextMorning: 3);
            workouts++;
        }
        await using (var db = factory.OpenDatabase())
        {
            for (var week = 0; week < 6; week++)
            {
                var checkIn = new OutcomeCheckIn { UserId = enrollment.UserId, Date = ProgramSeeding.Today.AddDays(-42 + 7 * week), AveragePain = 6 - week, WorstPain = 8 - week };
                if (week is 0 or 4)
                    checkIn.Psfs = [new() { Activity = "Stairs", Score = 3 + week }, new() { Activity = "Running", Score = 2 + week }, new() { Activity = "Kneeling", Score = 4 + week }];
                db.CheckIns.Add(checkIn);
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var progress = await client.GetDocumentAsync("/progress?range=all");
        Assert.Equal(workouts, progress.QuerySelector("#pain-heading")!.ParentElement!.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(6, progress.QuerySelector("#checkins-heading")!.ParentElement!.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("went from 6 to 1: a meaningful improvement", progress.QuerySelector("#checkins-heading")!.ParentElement!.TextContent);
        Assert.Contains("went from 3 to 7: a meaningful improvement", progress.QuerySelector("#checkins-heading")!.ParentElement!.TextContent);
        var exercises = progress.QuerySelectorAll("section.exercise-progress");
        Assert.True(exercises.Length >= 6);
        Assert.All(exercises, e =>
        {
            Assert.NotNull(e.QuerySelector("canvas[role=img]"));
            Assert.NotEmpty(e.QuerySelectorAll("tbody tr"));
        });
        Assert.Contains("planned workouts", progress.QuerySelector("#adherence-heading")!.ParentElement!.TextContent);

        var report = await client.GetDocumentAsync("/progress/report");
        var text = report.QuerySelector("main")!.TextContent;
        Assert.Contains("Usual morning pain before starting: 3/10", text);
        Assert.Contains("went from 6 to 1", text);
        Assert.Equal(["6", "1"], report.QuerySelectorAll(".report-table tbody tr")[0].QuerySelectorAll("td").Select(c => c.TextContent));

        using var csv = await client.GetAsync("/progress/export?handler=Csv", TestContext.Current.CancellationToken);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await using (var db = factory.OpenDatabase())
            Assert.Equal(1 + await db.LoggedSets.CountAsync(TestContext.Current.CancellationToken) - await OtherUsersSetsAsync(db, enrollment.UserId), lines.Length);
        using var calendar = await client.GetAsync("/progress/export?handler=Calendar", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
    }

    private static Task<int> OtherUsersSetsAsync(KneeRehabDbContext db, string userId) =>
        db.WorkoutExercises.Where(e => e.UserId != userId).SelectMany(e => e.Sets).CountAsync();
}
