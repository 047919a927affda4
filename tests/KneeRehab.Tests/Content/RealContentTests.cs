using KneeRehab.Web.Content;

namespace KneeRehab.Tests.Content;

/// <summary>The repository's own content/ folder, as the app loads it.</summary>
public class RealContentTests
{
    private static readonly ContentLoadResult Loaded = ContentLoader.Load(ContentOptions.DefaultRoot());

    [Fact]
    public void Real_content_has_no_problems()
    {
        Assert.True(Loaded.IsValid, Loaded.Report());
    }

    [Fact]
    public void Library_has_at_least_twenty_guides_across_all_five_levels()
    {
        var guides = Loaded.Snapshot!.Guides;

        Assert.True(guides.Count >= 20, $"only {guides.Count} guides");
        Assert.Equal([1, 2, 3, 4, 5], guides.Select(g => g.Meta.Level).Distinct().Order());
    }

    [Theory]
    [InlineData("straight-leg-raise")]
    [InlineData("ball-bridge")]
    [InlineData("wall-squat")]
    [InlineData("step-down")]
    [InlineData("decline-step-down")]
    [InlineData("side-lying-hip-abduction")]
    [InlineData("clamshell")]
    public void Core_guides_exist(string slug)
    {
        Assert.NotNull(Loaded.Snapshot!.FindGuide(slug));
    }

    [Fact]
    public void Every_guide_above_level_one_can_step_back_or_is_a_standalone_drill()
    {
        var orphans = Loaded.Snapshot!.Guides
            .Where(g => g.Meta.Level > 1 && g.Meta.Regression.Count == 0 && g.Meta.Ladder != "fixed")
            .Select(g => g.Slug);

        Assert.Empty(orphans);
    }

    [Fact]
    public void Project_additions_cite_evidence()
    {
        foreach (var guide in Loaded.Snapshot!.Guides.Where(g => g.Meta.ProjectAddition))
            Assert.Contains(guide.Meta.Sources, s => s.Kind is "paper" or "guideline");
    }

    [Fact]
    public void Evidence_and_safety_pages_exist()
    {
        Assert.NotNull(Loaded.Snapshot!.FindPage("evidence"));
        Assert.NotNull(Loaded.Snapshot!.FindPage("safety"));
    }

    [Fact]
    public void Four_programs_each_with_hip_work_from_week_one()
    {
        var programs = Loaded.Snapshot!.Programs;

        Assert.Equal(["early-knee-osteoarthritis", "inner-range-quadriceps", "runners-knee", "whole-chain-knee"], programs.Select(p => p.Slug).Order());
        Assert.All(programs, p => Assert.Contains(p.Meta.Phases[0].Exercises, e => e.Slug is "clamshell" or "side-lying-hip-abduction"));
        Assert.Equal("decline-step-down", Loaded.Snapshot.FindProgram("runners-knee")!.Meta.Phases[^1].Exercises.Select(e => e.Slug).Single(s => s.Contains("decline")));
    }
}
