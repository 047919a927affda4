using KneeRehab.Tests.Pages.Log;

namespace KneeRehab.Tests.Pages.Today;

/// <summary>The workout player (wwwroot/js/player.js) reads today's dose and its settings from the form's data attributes.</summary>
public class PlayerDataTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    [Fact]
    public async Task Today_form_carries_the_planned_dose_the_cue_the_pain_rule_and_the_time_scale_for_the_player()
    {
        var (client, _) = await factory.StartedAsync("runners-knee");

        var today = await client.GetDocumentAsync("/today");

        var form = today.QuerySelector("form.workout-form")!;
        Assert.Equal("on", form.GetAttribute("data-player"));
        Assert.Equal("1", form.GetAttribute("data-time-scale"));
        Assert.StartsWith("Pain up to 3 out of 10 is fine. 4 to 5 out of 10 is acceptable", form.GetAttribute("data-pain-rule"));
        var squat = today.QuerySelector("fieldset.exercise-entry[data-slug='wall-squat']")!;
        var guide = factory.Guide("wall-squat");
        Assert.Equal(guide.Meta.Title, squat.GetAttribute("data-title"));
        Assert.Equal(guide.Meta.Summary, squat.GetAttribute("data-summary"));
        Assert.Equal(("3", "10", "3", "1"), (squat.GetAttribute("data-planned-sets"), squat.GetAttribute("data-planned-reps"), squat.GetAttribute("data-planned-hold"), squat.GetAttribute("data-planned-level")));
        Assert.Equal(guide.Meta.LevelSteps[0], squat.GetAttribute("data-level-text"));
        Assert.Equal(("Both", "false"), (squat.GetAttribute("data-side"), squat.GetAttribute("data-one-leg")));
        var clench = today.QuerySelectorAll("fieldset.exercise-entry[data-slug='ball-clench-extension']");
        Assert.Equal(["Left", "Right"], clench.Select(e => e.GetAttribute("data-side")));
        Assert.All(clench, e => Assert.Equal("true", e.GetAttribute("data-one-leg")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("500")]
    public void A_player_time_scale_out_of_range_stops_the_app_from_starting(string scale)
    {
        using var app = new KneeRehabFactory { Settings = new Dictionary<string, string> { ["Player:TimeScale"] = scale } };

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("TimeScale", error.ToString());
    }
}
