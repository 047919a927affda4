using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Today;

/// <summary>
/// A patient who does well, lived a day at a time through the browser-facing pages with the app's clock
/// moved: every morning the next-morning question, every workout day today's form saved as prescribed,
/// until the program is finished and says what was achieved.
/// </summary>
public class ProgramLifeCycleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Start) };

    private void SetDay(int day, int hour) => _factory.Clock!.Now = Start.Date.AddDays(day).AddHours(hour);

    [Fact]
    public async Task A_steady_patient_finishes_the_inner_range_program_and_sees_what_they_achieved()
    {
        var client = await _factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "inner-range-quadriceps", baseline: "2")) started.AssertRedirect("/today");

        var positions = new List<string>();
        var finishedOn = -1;
        for (var day = 0; day < 9 * 7 && finishedOn < 0; day++)
        {
            SetDay(day, 7);
            var morning = await client.GetDocumentAsync("/today");
            if (morning.QuerySelector<IHtmlFormElement>(".morning-question form") is { } question)
            {
                using var answered = await client.SubmitAsync(question, null, new Dictionary<string, string> { ["MorningPain"] = "2" });
                answered.AssertRedirect("/today");
            }
            SetDay(day, 18);
            var evening = await client.GetDocumentAsync("/today");
            if (evening.QuerySelector(".program-position") is { } position) positions.Add(position.TextContent);
            if (evening.QuerySelector("form.workout-form") is not null)
            {
                using var saved = await client.SaveAsync(evening, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
                saved.AssertRedirect("/history/");
            }
            if (evening.QuerySelector(".finished-moment") is not null) finishedOn = day;
        }

        // The program is 6 weeks; it finishes once the last workout's next morning is known.
        Assert.InRange(finishedOn, 5 * 7, 9 * 7);
        Assert.Contains(positions, p => p.Contains("week 1 of 6, phase 1 of 3", StringComparison.Ordinal));
        Assert.Contains(positions, p => p.Contains("phase 3 of 3, \"Master and move on\"", StringComparison.Ordinal));
        Assert.DoesNotContain(positions, p => p.Contains("week 7", StringComparison.Ordinal));

        // Check-ins during the program, the activities changed half-way.
        await using (var arrange = _factory.OpenDatabase())
        {
            var started = await arrange.Enrollments.SingleAsync(TestContext.Current.CancellationToken);
            var user = started.UserId;
            arrange.CheckIns.AddRange(
                new OutcomeCheckIn { UserId = user, Date = started.StartedOn.AddDays(1), AveragePain = 5, WorstPain = 7, Psfs = [new() { Activity = "Stairs", Score = 2 }, new() { Activity = "Running", Score = 1 }, new() { Activity = "Squatting", Score = 3 }] },
                new OutcomeCheckIn { UserId = user, Date = started.StartedOn.AddDays(15), AveragePain = 4, WorstPain = 6, Psfs = [new() { Activity = "Stairs", Score = 4 }, new() { Activity = "Kneeling", Score = 2 }, new() { Activity = "Squatting", Score = 4 }] },
                new OutcomeCheckIn { UserId = user, Date = started.StartedOn.AddDays(29), AveragePain = 3, WorstPain = 5, Psfs = [new() { Activity = "Stairs", Score = 6 }, new() { Activity = "Kneeling", Score = 3 }, new() { Activity = "Squatting", Score = 5 }] });
            await arrange.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var today = await client.GetDocumentAsync("/today");
        Assert.Contains("You are not following a program", today.Body!.TextContent);
        var finished = await client.GetDocumentAsync(today.QuerySelector<IHtmlAnchorElement>(".finished-moment a")!.PathName);
        // The activity score on the same three activities (from day 15: 3.3 → 4.7), each activity against its own first score.
        var outcomes = finished.QuerySelector(".finished-outcomes")!.ParentElement!.TextContent;
        var scoreRow = finished.QuerySelectorAll(".finished-outcomes tbody tr").Single(r => r.TextContent.Contains("Activity score", StringComparison.Ordinal));
        Assert.Equal(["3.3", "4.7"], scoreRow.Children.Skip(1).Select(c => c.TextContent.Trim()));
        Assert.Contains("Your activities changed on", outcomes);
        Assert.Contains("Your score for \"Stairs\" went from 2 to 6: a meaningful improvement.", outcomes);
        Assert.Contains("You finished", finished.QuerySelector("h1")!.TextContent);
        var wallSquat = finished.QuerySelectorAll(".finished-doses tbody tr").First(r => r.TextContent.Contains("Wall squat", StringComparison.Ordinal));
        Assert.StartsWith("2×10", wallSquat.Children[1].TextContent);
        Assert.NotEqual(wallSquat.Children[1].TextContent, wallSquat.Children[2].TextContent);
        Assert.Matches(@"You did \d+ of \d+ planned workouts", finished.QuerySelector(".finished-adherence")!.TextContent);
        Assert.NotEmpty(finished.QuerySelectorAll(".maintenance-list li"));
        Assert.NotNull(finished.QuerySelector("a[href='/programs']"));

        var record = await client.GetDocumentAsync("/programs/record");
        var steps = record.QuerySelectorAll(".program-record li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, steps.Count(s => s.Contains("Next phase", StringComparison.Ordinal)));
        Assert.Contains(steps, s => s.Contains("Finished", StringComparison.Ordinal));

        await using var db = _factory.OpenDatabase();
        var enrollment = await db.Enrollments.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ProgramStatus.Finished, enrollment.Status);
        Assert.NotNull(enrollment.EndedOn);
        // Finishing frees the way for another program.
        using var next = await ProgramPagesTests.StartAsync(client, "runners-knee", baseline: "2");
        next.AssertRedirect("/today");
    }

    [Fact]
    public async Task A_finished_program_page_is_only_for_its_owner()
    {
        var client = await _factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee")) started.AssertRedirect("/today");
        var id = (await _factory.EnrollmentOfAsync(client)).Id;

        using var running = await client.GetAsync($"/programs/finished/{id}", TestContext.Current.CancellationToken);
        using var other = await (await _factory.CreateUserClientAsync()).GetAsync($"/programs/finished/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, running.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
