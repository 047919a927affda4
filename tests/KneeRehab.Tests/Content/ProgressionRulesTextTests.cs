using System.Globalization;
using KneeRehab.Web.Content;
using KneeRehab.Web.Training;

namespace KneeRehab.Tests.Content;

public class ProgressionRulesTextTests
{
    private static readonly ProgressionRulesText Defaults = new(new ProgressionOptions());

    [Fact]
    public void Pain_rule_with_the_defaults_states_the_fact_sheet_numbers()
    {
        var text = Defaults.Pain();

        Assert.Contains("pain up to **3 out of 10** is the green zone", text);
        Assert.Contains("**4 to 5 out of 10** is acceptable, and your dose stays the same", text);
        Assert.Contains("**Above 5 out of 10** is too much: stop that exercise, and next time it is one step easier", text);
        Assert.Contains("At **8 out of 10 or more**, it goes two steps easier, with a rest day first", text);
        Assert.Contains("no more than **1 point** above your usual morning pain", text);
        Assert.Contains("**3 points or more** above it: that exercise goes one step easier", text);
        Assert.Contains("**4 points or more**: two steps easier, with a rest day first", text);
        Assert.Contains("goes up by **1 point or more** from one week to the next, nothing steps up that week", text);
    }

    [Fact]
    public void Dose_rule_with_the_defaults_states_the_fact_sheet_numbers()
    {
        var text = Defaults.Dose();

        Assert.Contains("one step up after **2 workouts in a row** at the same dose in the green zone: pain 3 out of 10 or less", text);
        Assert.Contains("after **3 workouts in a row** with less than **80%** of the reps done, or without good control, it goes one step down", text);
        Assert.Contains("not done for more than **14 days** starts again one step lower", text);
        Assert.Contains("the depth or the step height comes down first, and the reps only after that", text);
    }

    [Fact]
    public void Stop_rule_with_the_defaults_states_the_fact_sheet_numbers()
    {
        var text = Defaults.Stop();

        Assert.Contains("**7 out of 10 or more** during an exercise in **2 of your last 3 workouts** (any exercise counts)", text);
        Assert.Contains("too painful **twice in a row**, even after it was made easier (too painful: above 5 out of 10 during it, or 3 points or more above", text);
        Assert.Contains("**1 point or more two weeks in a row**", text);
        Assert.Contains("pain of **7 out of 10 or more** during an exercise stops that exercise from moving up, and it goes at least one step easier", text);
        Assert.Contains("confirm in the app that a clinician has seen you, and on what date", text);
        Assert.Contains("start again one step easier", text);
    }

    [Fact]
    public void Changing_an_option_changes_the_text()
    {
        var rules = new ProgressionRulesText(new ProgressionOptions
        {
            GreenPainMax = 2, StopPain = 9, GapDays = 21, GreenStreak = 3, FailCompletion = 0.75, WeeklyRise = 1.5,
        });

        Assert.Contains("pain up to **2 out of 10** is the green zone. **3 to 5 out of 10** is acceptable", rules.Pain());
        Assert.Contains("goes up by **1.5 points or more**", rules.Pain());
        Assert.Contains("after **3 workouts in a row** at the same dose in the green zone: pain 2 out of 10 or less", rules.Dose());
        Assert.Contains("less than **75%** of the reps", rules.Dose());
        Assert.Contains("more than **21 days**", rules.Dose());
        Assert.Contains("**9 out of 10 or more**", rules.Stop());
        Assert.DoesNotContain("14 days", rules.Dose());
        Assert.DoesNotContain("7 out of 10", rules.Stop());
    }

    [Fact]
    public void Zones_that_touch_are_not_written_as_empty_ranges()
    {
        var rules = new ProgressionRulesText(new ProgressionOptions
        {
            GreenPainMax = 4, AmberPainMax = 5, SeverePain = 6, StopPain = 6, SettledRise = 0, RedNextMorningRise = 3, SevereNextMorningRise = 3,
        });
        var text = rules.Pain();

        Assert.Contains("**5 out of 10** is acceptable", text);
        Assert.Contains("**Above 5 out of 10** is too much: stop that exercise. Next time it is two steps easier, with a rest day first.", text);
        Assert.Contains("back at or below your usual morning pain", text);
        Assert.Contains("**3 points or more** above it: that exercise goes two steps easier", text);
        Assert.DoesNotContain("one step easier", text);
    }

    [Fact]
    public void Number_placeholders_are_filled_in_anywhere_on_a_line()
    {
        var expanded = Defaults.Expand("- Pain above {{AmberPainMax}} out of 10, or {{ RedNextMorningRise }} points, after {{GapDays}} days; {{FailCompletion}}.");

        Assert.Empty(expanded.Problems);
        Assert.Equal("- Pain above 5 out of 10, or 3 points, after 14 days; 80%.", expanded.Text);
    }

    [Fact]
    public void Rules_placeholder_on_its_own_line_becomes_the_markdown_block()
    {
        var expanded = Defaults.Expand("## The pain rule\n\n{{rules:pain}}\n\nMore text.\n");

        Assert.Empty(expanded.Problems);
        Assert.Contains(Defaults.Pain(), expanded.Text);
        Assert.DoesNotContain("{{", expanded.Text);
        Assert.EndsWith("\n\nMore text.\n", expanded.Text);
    }

    [Fact]
    public void Unknown_placeholder_is_reported_with_its_line_and_left_in_place()
    {
        var expanded = Defaults.Expand("First line.\nPain above {{AmberPain}} out of 10.\n\n{{rules:progress}}\n");

        Assert.Equal(2, expanded.Problems.Count);
        Assert.StartsWith("line 2: '{{AmberPain}}' is not a known placeholder (known: {{rules:pain}}, {{rules:dose}}, {{rules:stop}}, {{GreenPainMax}}", expanded.Problems[0]);
        Assert.StartsWith("line 4: '{{rules:progress}}' is not a known placeholder", expanded.Problems[1]);
        Assert.Contains("{{AmberPain}}", expanded.Text);
    }

    [Fact]
    public void Rules_placeholder_inside_a_sentence_is_reported()
    {
        var expanded = Defaults.Expand("See {{rules:stop}} for more.");

        var problem = Assert.Single(expanded.Problems);
        Assert.StartsWith("line 1: '{{rules:stop}}' must stand alone on its line", problem);
    }

    [Fact]
    public void Numbers_do_not_depend_on_the_server_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var rules = new ProgressionRulesText(new ProgressionOptions { WeeklyRise = 1.5 });

            Assert.Equal("1.5", rules.Number(nameof(ProgressionOptions.WeeklyRise)));
            Assert.Contains("**1.5 points or more two weeks in a row**", rules.Stop());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Every_listed_number_placeholder_has_a_value()
    {
        Assert.All(ProgressionRulesText.NumberNames, name => Assert.NotNull(Defaults.Number(name)));
        Assert.All(ProgressionRulesText.BlockNames, name => Assert.NotNull(Defaults.Block(name)));
    }
}
