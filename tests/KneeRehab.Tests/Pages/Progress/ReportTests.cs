using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Tests.Pages.Today;

namespace KneeRehab.Tests.Pages.Progress;

public class ReportTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    [Fact]
    public async Task Report_has_the_program_adherence_outcomes_doses_and_decisions()
    {
        var client = await factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "inner-range-quadriceps", baseline: "3")) started.AssertRedirect("/today");
        var enrollment = await factory.EnrollmentOfAsync(client);
        await factory.BackdateEnrollmentAsync(enrollment.Id, 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 6);
        await factory.SeedWorkoutAsync(enrollment, daysAgo: 4);
        using (await client.SubmitFormAsync("/progress/checkin", new Dictionary<string, string>
        {
            ["Input.AveragePain"] = "6",
            ["Input.WorstPain"] = "8",
            ["Input.Activities[0].Name"] = "Stairs",
            ["Input.Activities[0].Score"] = "4",
            ["Input.Activities[1].Name"] = "Running",
            ["Input.Activities[1].Score"] = "4",
            ["Input.Activities[2].Name"] = "Kneeling",
            ["Input.Activities[2].Score"] = "4",
        })) { }
        // The next week's check-in asks for pain only.
        using (await client.SubmitFormAsync("/progress/checkin", new Dictionary<string, string> { ["Input.AveragePain"] = "3", ["Input.WorstPain"] = "5" })) { }

        var report = await client.GetDocumentAsync("/progress/report");
        var text = report.QuerySelector("main")!.TextContent;

        Assert.Contains("Inner-range quadriceps", report.QuerySelector("#report-program")!.ParentElement!.TextContent);
        Assert.Contains("Usual morning pain before starting: 3/10", text);
        Assert.Contains("You did 2 of 3 planned workouts (67%)", text);
        Assert.Contains("went from 6 to 3: a meaningful improvement", text);
        var legRaise = report.QuerySelectorAll("#report-exercises ~ table tbody tr, .report-table tbody tr").First(r => r.TextContent.Contains("Straight leg raise"));
        Assert.Equal("2 × 10", legRaise.Children[1].TextContent);
        Assert.Contains("GREEN_X2", report.QuerySelector("#report-decisions")!.ParentElement!.TextContent);
    }
}
