using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;

namespace KneeRehab.Tests.Pages.Today;

/// <summary>
/// The whole story, as a new user lives it, with the app's clock moved a day at a time:
/// two easy workouts step the dose up, pain 7 steps it down with the reason, and a hot swollen knee
/// with fever stops the program with the advice to get emergency care.
/// </summary>
public class RunnersKneeScenarioTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Start) };

    private void SetDay(int day, int hour) => _factory.Clock!.Now = Start.Date.AddDays(day).AddHours(hour);

    private static string Dose(IHtmlDocument today, string slug) =>
        today.QuerySelectorAll(".decision").First(d => d.QuerySelector($"a[href='/exercises/{slug}']") is not null).QuerySelector(".decision-dose")!.TextContent;

    private static string Message(IHtmlDocument today, string slug) =>
        today.QuerySelectorAll(".decision").First(d => d.QuerySelector($"a[href='/exercises/{slug}']") is not null).QuerySelector(".decision-message")!.TextContent;

    /// <summary>Morning: answer the next-morning question if asked. Evening: log the workout if one is due, with the given pain.</summary>
    private static async Task<IHtmlDocument> LiveDayAsync(HttpClient client, int morningPain, int? workoutPain)
    {
        var today = await client.GetDocumentAsync("/today");
        if (today.QuerySelector<IHtmlFormElement>(".morning-question form") is { } question)
        {
            using var answered = await client.SubmitAsync(question, null, new Dictionary<string, string> { ["MorningPain"] = morningPain.ToString() });
            answered.AssertRedirect("/today");
            today = await client.GetDocumentAsync("/today");
        }
        if (workoutPain is { } pain && today.QuerySelector("form.workout-form") is not null)
        {
            using var saved = await client.SaveAsync(today, new Dictionary<string, string> { ["Input.PainForAll"] = pain.ToString() });
            saved.AssertRedirect("/history/");
        }
        return today;
    }

    [Fact]
    public async Task Two_weeks_of_runners_knee_progress_regress_and_stop_as_the_rules_say()
    {
        var client = await _factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee", baseline: "2")) started.AssertRedirect("/today");

        // Day 0: the starting dose.
        var day0 = await LiveDayAsync(client, morningPain: 2, workoutPain: 1);
        Assert.StartsWith("3×10", Dose(day0, "wall-squat"));

        // Day 1 is a rest day; the morning-after question comes first.
        SetDay(1, 8);
        var day1 = await LiveDayAsync(client, morningPain: 2, workoutPain: null);
        Assert.Contains("Rest day", day1.QuerySelector("#decisions-heading")!.TextContent);

        // Day 2: one easy workout so far: hold. Day 4: after the second easy workout, a step up.
        SetDay(2, 18);
        var day2 = await LiveDayAsync(client, morningPain: 2, workoutPain: 1);
        Assert.StartsWith("3×10", Dose(day2, "wall-squat"));
        SetDay(3, 8);
        await LiveDayAsync(client, morningPain: 2, workoutPain: null);
        SetDay(4, 8);
        var day4 = await LiveDayAsync(client, morningPain: 2, workoutPain: null);
        Assert.StartsWith("3×12", Dose(day4, "wall-squat"));
        Assert.Contains("next time 3×12", Message(day4, "wall-squat"));

        // Day 4 evening: the workout hurts, 7 out of 10. Day 5: the morning after. Day 6: the dose has gone down, and says why.
        SetDay(4, 18);
        await LiveDayAsync(client, morningPain: 2, workoutPain: 7);
        SetDay(5, 8);
        await LiveDayAsync(client, morningPain: 3, workoutPain: null);
        SetDay(6, 8);
        var day6 = await LiveDayAsync(client, morningPain: 3, workoutPain: null);
        Assert.StartsWith("3×10", Dose(day6, "wall-squat"));
        Assert.Contains("7/10", Message(day6, "wall-squat"));
        Assert.Contains("decision-regress", day6.QuerySelector(".decision")!.ClassName);

        // The rest of the two weeks with little pain: the program carries on from the lower dose.
        for (var day = 6; day <= 13; day++)
        {
            SetDay(day, 18);
            await LiveDayAsync(client, morningPain: 2, workoutPain: 1);
        }
        var week2 = await client.GetDocumentAsync("/today");
        Assert.Contains("week 2 of 8", week2.QuerySelector(".program-position")!.TextContent);

        // A hot, swollen knee with a fever: the program stops with the advice to get emergency care.
        var warning = await client.GetDocumentAsync("/today/warning");
        var form = warning.QuerySelector<IHtmlFormElement>("main form")!;
        form.QuerySelector<IHtmlInputElement>("#flag-A_SEPTIC")!.IsChecked = true;
        using (var reported = await client.SubmitAsync(form)) reported.AssertRedirect("/today");

        var stopped = await client.GetDocumentAsync("/today");
        Assert.Contains("emergency care now", stopped.QuerySelector(".stop-advice")!.TextContent);
        Assert.Null(stopped.QuerySelector("form.workout-form"));
        Assert.Empty(stopped.QuerySelectorAll(".decision"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
