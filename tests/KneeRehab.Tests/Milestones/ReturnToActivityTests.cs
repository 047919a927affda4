using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Milestones;

/// <summary>
/// "When can I go back?", answered through the pages with the app's clock moved a day at a time: a runner finishes
/// the runner's knee program, sees their milestones, is offered return to running and climbs its rungs as the
/// criteria are met; a young footballer reads the open criteria for a match; the report lists both and the changes
/// since a physiotherapist last opened it.
/// </summary>
public class ReturnToActivityTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Start) };
    private int _day;

    private void SetDay(int day, int hour)
    {
        _day = day;
        _factory.Clock!.Now = Start.Date.AddDays(day).AddHours(hour);
    }

    private IReadOnlyList<MilestoneRung> Ladder(string program) => _factory.Program(program).Meta.Milestones;

    /// <summary>The rungs a patient with this goal climbs, with their places in the whole ladder.</summary>
    private static List<(int Rung, string Activity)> RungsFor(IReadOnlyList<MilestoneRung> ladder, string goal) =>
        [.. ladder.Select((rung, index) => (rung, index)).Where(r => r.rung.ForGoals.Count == 0 || r.rung.ForGoals.Contains(goal)).Select(r => (r.index, r.rung.Activity))];

    /// <summary>Starts a program from its page with the painful knee and the goal chosen, as a patient does.</summary>
    private static async Task StartAsync(HttpClient client, string program, string goal, string? detail = null, string age = "from16to54")
    {
        var page = await client.GetDocumentAsync($"/programs/{program}/start");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        form.QuerySelector<IHtmlInputElement>("#knee-right")?.IsChecked = true;
        form.QuerySelector<IHtmlInputElement>($"#goal-{goal}")?.IsChecked = true;
        form.QuerySelector<IHtmlInputElement>($"#age-{age}")?.IsChecked = true;
        var values = new Dictionary<string, string> { ["Input.BaselineMorningPain"] = "2" };
        if (detail is not null) values["Input.About.GoalDetail"] = detail;
        if (form.QuerySelector<IHtmlInputElement>("input[name='Input.ConfirmEnd'][type=checkbox]") is { } confirm) confirm.IsChecked = true;
        using var started = await client.SubmitAsync(form, null, values);
        started.AssertRedirect("/today");
    }

    /// <summary>The weekly check-in from its form; every 4 weeks with the goal activity first and the step-down test.</summary>
    private static async Task CheckInAsync(HttpClient client, string goalActivity, int goalScore, int stepDownsRight)
    {
        var page = await client.GetDocumentAsync("/progress/checkin");
        var values = new Dictionary<string, string> { ["Input.AveragePain"] = "2", ["Input.WorstPain"] = "3" };
        if (page.QuerySelector("input[name='Input.Activities[0].Name']") is not null)
        {
            values["Input.Activities[0].Name"] = goalActivity;
            values["Input.Activities[0].Score"] = goalScore.ToString();
            values["Input.Activities[1].Name"] = "Stairs";
            values["Input.Activities[1].Score"] = "7";
            values["Input.Activities[2].Name"] = "Squatting";
            values["Input.Activities[2].Score"] = "6";
            values["Input.StepDownsLeft"] = "20";
            values["Input.StepDownsRight"] = stepDownsRight.ToString();
        }
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        form.QuerySelector<IHtmlInputElement>("#grc-5")?.IsChecked = true;
        using var saved = await client.SubmitAsync(form, null, values);
        saved.AssertRedirect("/progress/checkin?saved=true");
    }

    /// <summary>
    /// Lives <paramref name="days"/> days from <paramref name="from"/>: the morning question (knee back to 2/10), a weekly
    /// check-in (the goal activity rising 2 points every 4 weeks, the painful leg's step-downs catching up), and every
    /// workout due saved as prescribed with pain 1. Returns the day the program finished, or -1.
    /// </summary>
    private async Task<int> LiveAsync(HttpClient client, int from, int days, string goalActivity)
    {
        for (var day = from; day < from + days; day++)
        {
            SetDay(day, 7);
            var morning = await client.GetDocumentAsync("/today");
            if (morning.QuerySelector<IHtmlFormElement>(".morning-question form") is { } question)
            {
                using var answered = await client.SubmitAsync(question, null, new Dictionary<string, string> { ["MorningPain"] = "2" });
                answered.AssertRedirect("/today");
            }
            if (morning.QuerySelector(".finished-moment") is not null) return day;
            if ((day - from) % 7 == 0)
            {
                var round = (day - from) / 28;
                await CheckInAsync(client, goalActivity, Math.Min(9, 5 + 2 * round), Math.Min(20, 17 + 2 * round));
            }
            SetDay(day, 18);
            var evening = await client.GetDocumentAsync("/today");
            if (evening.QuerySelector("form.workout-form") is not null)
            {
                using var saved = await client.SaveAsync(evening, new Dictionary<string, string> { ["Input.PainForAll"] = "1" });
                saved.AssertRedirect("/history/");
            }
        }
        return -1;
    }

    private async Task<List<MilestoneReached>> ReachedAsync(string program)
    {
        await using var db = _factory.OpenDatabase();
        var enrollment = await db.Enrollments.Where(e => e.ProgramSlug == program).SingleAsync(TestContext.Current.CancellationToken);
        return await db.MilestonesReached.Where(m => m.EnrollmentId == enrollment.Id).OrderBy(m => m.Rung).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_runner_finishes_runners_knee_sees_the_milestones_is_offered_return_to_running_and_its_rungs_open_as_criteria_are_met()
    {
        var client = await _factory.CreateUserClientAsync();
        await StartAsync(client, "runners-knee", "running");

        var finishedOn = await LiveAsync(client, 0, 11 * 7, "Running");
        Assert.InRange(finishedOn, 8 * 7, 11 * 7);

        // The runner's knee ladder: rungs reached in order, one at a time, each on the day it was earned.
        var reached = await ReachedAsync("runners-knee");
        Assert.NotEmpty(reached);
        Assert.Equal(reached.Select(m => m.ReachedOn).Order(), reached.Select(m => m.ReachedOn));
        // A runner's rungs: those for everyone and those for running, in the ladder's order, none skipped.
        var forRunners = RungsFor(Ladder("runners-knee"), "running");
        Assert.Equal(forRunners.Take(reached.Count), reached.Select(m => (m.Rung, m.Activity)));
        Assert.True(forRunners.Count < Ladder("runners-knee").Count, "the sport and stairs rungs are not a runner's");

        // /today offers the next program; the finished page shows the milestones and offers it too.
        var today = await client.GetDocumentAsync("/today");
        Assert.Contains("Return to running", today.QuerySelector(".suggested-programs")!.TextContent);
        var finished = await client.GetDocumentAsync(today.QuerySelector<IHtmlAnchorElement>(".finished-moment a")!.PathName);
        Assert.Equal(reached.Count, finished.QuerySelectorAll("#milestones .milestone-reached").Length);
        Assert.Contains(reached[0].Activity, finished.QuerySelector("#milestones")!.TextContent);
        var offer = finished.QuerySelector(".suggested-program")!;
        Assert.Contains("the next step after Runner's knee", offer.TextContent);
        Assert.NotNull(offer.QuerySelector("a[href='/programs/return-to-running']"));

        // Return to running: its first rung opens once its criteria are met, and the pages show where the runner stands.
        var start = finishedOn + 1;
        await StartAsync(client, "return-to-running", "running");
        Assert.Empty(await ReachedAsync("return-to-running"));
        var progress = await client.GetDocumentAsync("/progress");
        Assert.Equal("When can I go back to running?", progress.QuerySelector("#milestones h2")!.TextContent);
        Assert.Equal(0, progress.QuerySelectorAll("#milestones .milestone-reached").Length);
        Assert.NotEmpty(progress.QuerySelectorAll("#milestones .milestone-next .criterion-open"));

        await LiveAsync(client, start, 5 * 7, "Running");
        var climbed = await ReachedAsync("return-to-running");
        Assert.NotEmpty(climbed);
        var runLadder = RungsFor(Ladder("return-to-running"), "running");
        Assert.Equal(runLadder.Take(climbed.Count), climbed.Select(m => (m.Rung, m.Activity)));

        SetDay(start + 5 * 7, 12);
        var now = await client.GetDocumentAsync("/today");
        var panel = now.QuerySelector("#milestones-today")!;
        Assert.Contains($"Reached: {string.Join(", ", climbed.Select(m => m.Activity))}.", panel.TextContent);
        progress = await client.GetDocumentAsync("/progress");
        Assert.Equal(climbed.Count, progress.QuerySelectorAll("#milestones .milestone-reached").Length);
        Assert.Contains($"reached on {climbed[0].ReachedOn:d MMMM yyyy}", progress.QuerySelector("#milestones .milestone-reached")!.TextContent);
        if (climbed.Count < runLadder.Count)
            Assert.Contains(runLadder[climbed.Count].Activity, progress.QuerySelector("#milestones .milestone-next")!.TextContent);
        Assert.Equal(runLadder.Select(r => r.Activity), progress.QuerySelectorAll("#milestones .milestone strong").Select(s => s.TextContent));
    }

    [Fact]
    public async Task A_young_footballer_reads_on_progress_what_is_still_open_before_a_match_and_the_report_lists_milestones_and_changes_since_it_was_last_opened()
    {
        var client = await _factory.CreateUserClientAsync();
        await StartAsync(client, "whole-chain-knee", "sport", "Football", age: "under16");
        await LiveAsync(client, 0, 10, "Football");

        var progress = await client.GetDocumentAsync("/progress");
        var section = progress.QuerySelector("#milestones")!;
        Assert.Equal("When can I go back to football?", section.QuerySelector("h2")!.TextContent);
        var shown = section.QuerySelectorAll(".milestone strong").Select(s => s.TextContent).ToList();
        var ladder = Ladder("whole-chain-knee");
        // A footballer sees the sport rungs and not those for other goals; the ladder ends with the sport itself.
        Assert.Equal(ladder.Where(r => r.ForGoals.Count == 0 || r.ForGoals.Contains("sport")).Select(r => r.Activity), shown);
        Assert.Contains(ladder, r => r.ForGoals.Count > 0 && !r.ForGoals.Contains("sport"));
        Assert.Contains("sport", ladder[^1].ForGoals);
        // The last rung is open, with each criterion in plain words and where it comes from.
        var last = section.QuerySelectorAll(".milestone")[^1];
        Assert.Contains("milestone-later", last.ClassName);
        var open = last.QuerySelectorAll(".criterion-open").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, text => Assert.DoesNotMatch("[a-z]+_[a-z_]+", text));
        Assert.Contains(section.QuerySelectorAll(".criterion-source"), s => s.TextContent.Contains("project's choice", StringComparison.Ordinal));
        Assert.NotNull(section.QuerySelector("a[href='/safety']"));

        // A physiotherapist opens a shared report on day 10; the report then lists what changed from that day on.
        SetDay(10, 12);
        var link = await Pages.Progress.ShareTests.CreateLinkAsync(client);
        using var physio = _factory.CreateClient();
        var shared = await physio.GetDocumentAsync(link);
        Assert.Contains("Milestones (Whole-chain knee", shared.QuerySelector("#report-milestones")!.ParentElement!.TextContent);
        Assert.Contains("since the program started", shared.QuerySelector("#report-changes")!.TextContent, StringComparison.OrdinalIgnoreCase);

        await LiveAsync(client, 11, 6, "Football");
        var report = await client.GetDocumentAsync("/progress/report");
        var changes = report.QuerySelector("#report-changes")!.ParentElement!;
        Assert.Equal($"Since the last report ({Start.Date.AddDays(10):d MMMM yyyy})", changes.QuerySelector("h2")!.TextContent);
        var entries = changes.QuerySelectorAll(".report-changes li").Select(li => li.TextContent).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(DateOnly.ParseExact(e[..e.IndexOf(':')] + " 2026", "d MMM yyyy") >= DateOnly.FromDateTime(Start.Date.AddDays(10))));
        Assert.Contains(entries, e => e.Contains("moves up a step", StringComparison.Ordinal));
        Assert.Matches(@"\d+ other decisions? kept a dose the same\.", changes.TextContent);
        var reportMilestones = System.Text.RegularExpressions.Regex.Replace(report.QuerySelector(".report-milestones")!.TextContent, @"\s+", " ");
        Assert.StartsWith($" Reached: {shown[0]}", reportMilestones);
        Assert.Contains(shown.Skip(1), rung => reportMilestones.Contains($"Next: {rung}; open: ", StringComparison.Ordinal));
        Assert.DoesNotMatch("[a-z]+_[a-z_]+", reportMilestones);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
