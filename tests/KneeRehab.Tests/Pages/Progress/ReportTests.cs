using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;

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
        // Two green workouts: the leg raise moves up, said in words, with no internal code (GREEN_X2) in sight.
        var decisions = report.QuerySelector("#report-decisions")!.ParentElement!.TextContent;
        Assert.Contains("Straight leg raise: moves up a step.", decisions);
        Assert.DoesNotMatch("[A-Z]+_[A-Z0-9]+", decisions);
    }

    [Fact]
    public async Task Report_compares_the_first_and_latest_check_ins_and_the_first_and_latest_activity_scores_of_years_of_check_ins()
    {
        var client = await factory.CreateUserClientAsync();
        var userId = await factory.UserIdAsync(client);
        // Three years of weekly check-ins: a score every fourth week, none in the first and the last weeks.
        var first = new DateOnly(2023, 1, 2);
        await using (var db = factory.OpenDatabase())
        {
            for (var week = 0; week < 156; week++)
            {
                var checkIn = new OutcomeCheckIn { UserId = userId, Date = first.AddDays(7 * week), AveragePain = week == 0 ? 7 : week == 155 ? 2 : 5, WorstPain = week == 0 ? 9 : 6 };
                if (week % 4 == 1)
                {
                    var score = week == 1 ? 3 : week == 153 ? 8 : 5;
                    checkIn.Psfs = [new PsfsRating { Activity = "Stairs", Score = score }, new PsfsRating { Activity = "Running", Score = score + 1 }];
                }
                db.CheckIns.Add(checkIn);
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var report = await client.GetDocumentAsync("/progress/report");
        var outcomes = report.QuerySelector("#report-outcomes")!.ParentElement!;
        var rows = outcomes.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();

        Assert.Contains("First (2 Jan)", outcomes.QuerySelector("thead")!.TextContent);
        Assert.Contains($"Latest ({first.AddDays(7 * 155):d MMM})", outcomes.QuerySelector("thead")!.TextContent);
        Assert.Equal(["Average pain (0-10) | 7 | 2", "Worst pain (0-10) | 9 | 6",
            $"Activity score, PSFS mean (0-10), on the same activities | 3.5 ({first.AddDays(7):d MMM}) | 8.5 ({first.AddDays(7 * 153):d MMM})"], rows);
        Assert.Contains("Your average pain went from 7 to 2: a meaningful improvement.", outcomes.TextContent);
        Assert.Contains("Your activity score went from 3.5 to 8.5: a meaningful improvement.", outcomes.TextContent);
        // Each activity by name, against its own first score.
        Assert.Contains("Your score for \"Stairs\" went from 3 to 8: a meaningful improvement.", outcomes.TextContent);
        Assert.Contains("Your score for \"Running\" went from 4 to 9: a meaningful improvement.", outcomes.TextContent);
        Assert.DoesNotContain("activities changed", outcomes.TextContent);
    }

    [Fact]
    public async Task Report_and_progress_compare_the_activity_score_only_on_the_same_activities_and_say_when_they_changed()
    {
        var client = await factory.CreateUserClientAsync();
        var userId = await factory.UserIdAsync(client);
        var start = ProgramSeeding.Today.AddDays(-56);
        await using (var db = factory.OpenDatabase())
        {
            // Stairs, running, squatting; then running swapped for kneeling, which the patient finds harder.
            db.CheckIns.Add(Scored(userId, start, null, ("Stairs", 2), ("Running", 2), ("Squatting", 2)));
            db.CheckIns.Add(Scored(userId, start.AddDays(28), 1, ("Stairs", 6), ("Kneeling", 1), ("Squatting", 3)));
            db.CheckIns.Add(Scored(userId, start.AddDays(56), 2, ("Stairs", 7), ("Kneeling", 2), ("Squatting", 3)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var changed = $"Your activities changed on {start.AddDays(28):d MMMM yyyy}, so your activity score is compared from that check-in on, and each activity with its own first score.";

        foreach (var url in new[] { "/progress/report", "/progress?range=all" })
        {
            var text = (await client.GetDocumentAsync(url)).QuerySelector("main")!.TextContent;
            Assert.Contains(changed, text);
            // 3.33 → 4 on the same three activities: not the 2 → 4 a mix of activities would show.
            Assert.Contains("Your activity score went from 3.33 to 4: within normal variation, not yet a clear change.", text);
            Assert.DoesNotContain("Your activity score went from 2", text);
            Assert.Contains("Your score for \"Stairs\" went from 2 to 7: a meaningful improvement.", text);
            Assert.Contains("Your score for \"Kneeling\" went from 1 to 2: within normal variation, not yet a clear change.", text);
            Assert.Contains("Your score for \"Squatting\" went from 2 to 3: within normal variation, not yet a clear change.", text);
            Assert.DoesNotContain("\"Running\" went", text);
        }

        // The global rating of change over time: the latest answer in words, every answer in the table.
        var progress = await client.GetDocumentAsync("/progress?range=all");
        Assert.Contains($"you last answered \"Much better\" ({start.AddDays(56).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)})", progress.QuerySelector("main")!.TextContent);
        var answers = progress.QuerySelectorAll("#checkins-heading ~ details tbody tr").Select(r => r.Children[^1].TextContent).ToList();
        Assert.Equal(["–", "A little better", "Much better"], answers);
    }

    private static OutcomeCheckIn Scored(string userId, DateOnly date, int? grc, params (string Activity, int Score)[] ratings) => new()
    {
        UserId = userId,
        Date = date,
        GlobalRatingOfChange = grc,
        AveragePain = 4,
        WorstPain = 6,
        Psfs = [.. ratings.Select(r => new PsfsRating { Activity = r.Activity, Score = r.Score })],
    };
}
