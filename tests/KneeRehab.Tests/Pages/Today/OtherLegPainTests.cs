using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
using KneeRehab.Web.Workouts;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Today;

/// <summary>
/// One-leg exercises are logged for both legs, with pain asked for the affected knee: the other leg's pain
/// is optional, stored as "not given", and counts as the affected side's pain in the engine.
/// </summary>
public class OtherLegPainTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private const string Program = "runners-knee";
    private const string OneLeg = "ball-clench-extension";

    /// <summary>A program begun with <paramref name="knee"/> as the affected knee; with <paramref name="doneBefore"/>, one full workout two days ago.</summary>
    private async Task<HttpClient> StartedWithAffectedKneeAsync(Side? knee, bool doneBefore = false)
    {
        var (client, enrollment) = await factory.StartedAsync(Program, startedDaysAgo: doneBefore ? 4 : 0);
        if (doneBefore) await factory.SeedWorkoutAsync(enrollment, daysAgo: 2);
        var userId = await factory.UserIdAsync(client);
        await using var db = factory.OpenDatabase();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.AffectedKnee, knee), TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>
    /// Pain for every entry of /today's form: <paramref name="leftOfOneLeg"/> for the left leg of <see cref="OneLeg"/>,
    /// 2 elsewhere. The left leg's first set falls short (3 reps): with equal pain the engine judges the weaker side.
    /// </summary>
    private static Dictionary<string, string> Pains(IHtmlDocument today, string leftOfOneLeg)
    {
        var values = new Dictionary<string, string>();
        foreach (var entry in today.QuerySelectorAll("fieldset.exercise-entry"))
        {
            var index = entry.GetAttribute("data-exercise");
            var left = entry.GetAttribute("data-slug") == OneLeg && entry.GetAttribute("data-side") == "Left";
            values[$"Input.Exercises[{index}].PainDuring"] = left ? leftOfOneLeg : "2";
            if (left) values[$"Input.Exercises[{index}].Sets[0].Reps"] = "3";
        }
        return values;
    }

    private async Task<(int WorkoutId, List<(string Slug, DecisionKind Kind, Prescription Next)> Decisions)> SaveTodayAsync(HttpClient client, string leftOfOneLeg)
    {
        var today = await client.GetDocumentAsync("/today");
        using var saved = await client.SaveAsync(today, Pains(today, leftOfOneLeg));
        saved.AssertRedirect("/history/");
        var workoutId = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using (var answer = factory.OpenDatabase())
        {
            // The next morning's answer, settled: the program decides again from this workout, as /today does then.
            var workout = await answer.Workouts.SingleAsync(w => w.Id == workoutId, TestContext.Current.CancellationToken);
            workout.PainNextMorning = 2;
            await answer.SaveChangesAsync(TestContext.Current.CancellationToken);
            await factory.RecordFromAsync(workout.EnrollmentId!.Value, workout.Date);
        }
        await using var db = factory.OpenDatabase();
        var decisions = await db.ProgramDecisions.AsNoTracking().Where(d => d.WorkoutId == workoutId).OrderBy(d => d.ExerciseSlug)
            .Select(d => new { d.ExerciseSlug, d.Kind, d.Next }).ToListAsync(TestContext.Current.CancellationToken);
        return (workoutId, [.. decisions.Select(d => (d.ExerciseSlug, d.Kind, d.Next))]);
    }

    [Fact]
    public async Task The_other_legs_pain_can_be_left_empty_and_is_stored_and_shown_as_not_given()
    {
        var client = await StartedWithAffectedKneeAsync(Side.Right);
        var today = await client.GetDocumentAsync("/today");

        var left = today.QuerySelector($"fieldset.exercise-entry[data-slug='{OneLeg}'][data-side='Left']")!;
        var right = today.QuerySelector($"fieldset.exercise-entry[data-slug='{OneLeg}'][data-side='Right']")!;
        Assert.Equal(("true", "false"), (left.GetAttribute("data-pain-optional"), right.GetAttribute("data-pain-optional")));
        Assert.Equal("Pain during (0-10), optional", left.QuerySelector(".field-pain label")!.TextContent);
        Assert.Equal("Pain during (0-10)", right.QuerySelector(".field-pain label")!.TextContent);
        var hint = left.QuerySelector(".field-pain input")!.GetAttribute("aria-describedby")!.Split(' ')[0];
        Assert.Contains("right knee is the one being treated", today.GetElementById(hint)!.TextContent);

        var (workoutId, _) = await SaveTodayAsync(client, leftOfOneLeg: "");

        await using (var db = factory.OpenDatabase())
        {
            var pains = await db.WorkoutExercises.Where(e => e.WorkoutId == workoutId && e.ExerciseSlug == OneLeg)
                .ToDictionaryAsync(e => e.Side, e => e.PainDuring, TestContext.Current.CancellationToken);
            Assert.Equal(2, pains[Side.Right]);
            Assert.Null(pains[Side.Left]);
        }
        var details = await client.GetDocumentAsync($"/history/{workoutId}");
        Assert.Contains(details.QuerySelectorAll("p"), p => p.TextContent.StartsWith("Pain during: not given", StringComparison.Ordinal));
        var csv = await client.GetStringAsync("/progress/export?handler=Csv", TestContext.Current.CancellationToken);
        Assert.Contains(csv.Split('\n'), line => line.Contains($",{OneLeg},left,1,", StringComparison.Ordinal) && line.Contains(",,true,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_other_leg_pain_counts_as_the_affected_sides_pain_and_a_given_one_still_counts()
    {
        // After one full workout, a second full one would move the exercise on: the left leg's short set holds it.
        var blank = await SaveTodayAsync(await StartedWithAffectedKneeAsync(Side.Right, doneBefore: true), leftOfOneLeg: "");
        var same = await SaveTodayAsync(await StartedWithAffectedKneeAsync(Side.Right, doneBefore: true), leftOfOneLeg: "2");
        var painful = await SaveTodayAsync(await StartedWithAffectedKneeAsync(Side.Right, doneBefore: true), leftOfOneLeg: "7");

        Assert.NotEmpty(blank.Decisions);
        Assert.Contains(blank.Decisions, d => d.Kind == DecisionKind.Progress);
        Assert.Equal(same.Decisions, blank.Decisions);
        // Judged on the left leg's short set, as with the pain given: not moved up on the right leg's full sets.
        Assert.NotEqual(DecisionKind.Progress, blank.Decisions.Single(d => d.Slug == OneLeg).Kind);
        Assert.NotEqual(DecisionKind.Progress, painful.Decisions.Single(d => d.Slug == OneLeg).Kind);
        Assert.NotEqual(painful.Decisions.Single(d => d.Slug == OneLeg), blank.Decisions.Single(d => d.Slug == OneLeg));
    }

    [Fact]
    public async Task Without_an_affected_knee_both_legs_need_their_pain()
    {
        var client = await StartedWithAffectedKneeAsync(null);
        var today = await client.GetDocumentAsync("/today");
        var left = today.QuerySelector($"fieldset.exercise-entry[data-slug='{OneLeg}'][data-side='Left']")!;
        Assert.Equal("false", left.GetAttribute("data-pain-optional"));

        using var response = await client.SaveAsync(today, Pains(today, leftOfOneLeg: ""));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await response.ToDocumentAsync();
        Assert.Equal("Enter the pain during this exercise, from 0 to 10.", page.FieldError($"Input.Exercises[{left.GetAttribute("data-exercise")}].PainDuring"));
        await using var db = factory.OpenDatabase();
        var userId = await factory.UserIdAsync(client);
        Assert.False(await db.Workouts.AnyAsync(w => w.UserId == userId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(Side.Right, new[] { Side.Left, Side.Right }, 0, true)]
    [InlineData(Side.Right, new[] { Side.Left, Side.Right }, 1, false)]
    [InlineData(Side.Right, new[] { Side.Left }, 0, false)]
    [InlineData(Side.Both, new[] { Side.Left, Side.Right }, 0, false)]
    [InlineData(null, new[] { Side.Left, Side.Right }, 0, false)]
    public void Pain_is_optional_only_for_the_other_leg_of_an_exercise_logged_on_the_affected_side(Side? affected, Side[] sides, int index, bool optional)
    {
        var input = new WorkoutInput { Exercises = [.. sides.Select(side => new ExerciseInput { Slug = OneLeg, Side = side })] };

        Assert.Equal(optional, input.PainIsOptional(index, affected));
    }
}
