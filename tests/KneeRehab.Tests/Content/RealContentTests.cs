using System.Globalization;
using System.Text.RegularExpressions;
using KneeRehab.Web.Content;
using KneeRehab.Web.Training;

namespace KneeRehab.Tests.Content;

/// <summary>The repository's own content/ folder, as the app loads it.</summary>
public partial class RealContentTests
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
    public void Five_programs_each_with_hip_work_from_week_one()
    {
        var programs = Loaded.Snapshot!.Programs;

        Assert.Equal(["early-knee-osteoarthritis", "inner-range-quadriceps", "return-to-running", "runners-knee", "whole-chain-knee"], programs.Select(p => p.Slug).Order());
        Assert.All(programs, p => Assert.Contains(p.Meta.Phases[0].Exercises, e => e.Slug is "clamshell" or "side-lying-hip-abduction"));
        Assert.Equal("decline-step-down", Loaded.Snapshot.FindProgram("runners-knee")!.Meta.Phases[^1].Exercises.Select(e => e.Slug).Single(s => s.Contains("decline")));
    }

    /// <summary>
    /// A pain score typed into the text would drift from the configured rule, so the files use placeholders.
    /// Only the evidence page writes one, because it reports the sources' limit, which the default must match.
    /// </summary>
    [Fact]
    public void Pain_scores_come_from_placeholders_except_where_the_evidence_page_reports_the_sources()
    {
        var root = ContentOptions.DefaultRoot();
        var defaults = new ProgressionOptions();
        var disagreeing = new List<string>();
        foreach (var folder in new[] { ContentLoader.ExercisesFolder, ContentLoader.PagesFolder, ContentLoader.ProgramsFolder })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(root, folder), "*.md"))
            {
                var file = $"{folder}/{Path.GetFileName(path)}";
                foreach (Match score in HandWrittenPainScore().Matches(File.ReadAllText(path)))
                {
                    var reportsTheSources = file == "pages/evidence.md"
                        && int.Parse(score.Groups["score"].Value, CultureInfo.InvariantCulture) == defaults.AmberPainMax;
                    if (!reportsTheSources) disagreeing.Add($"{file}: '{score.Value}'");
                }
            }
        }

        Assert.Empty(disagreeing);
    }

    [Fact]
    public void Load_guides_name_their_weight_step_and_only_the_leg_press_takes_its_start_from_the_log()
    {
        var guides = Loaded.Snapshot!.Guides;

        Assert.Equal(2.5, Loaded.Snapshot.FindGuide("leg-press")!.Meta.LoadIncrementKg);
        Assert.Equal(2, Loaded.Snapshot.FindGuide("split-squat")!.Meta.LoadIncrementKg);
        Assert.Equal(2, Loaded.Snapshot.FindGuide("lunge")!.Meta.LoadIncrementKg);
        Assert.Equal(0.5, Loaded.Snapshot.FindGuide("straight-leg-raise")!.Meta.LoadIncrementKg);
        Assert.All(guides.Where(g => g.Meta.LoadIncrementKg is not null), g =>
            Assert.Contains($"{g.Meta.LoadIncrementKg!.Value.ToString(CultureInfo.InvariantCulture)} kg", g.BodyHtml));
        Assert.Equal(["leg-press"], guides.Where(g => g.Meta.StartingLoadEntered).Select(g => g.Slug));
    }

    [Fact]
    public void Dose_rule_names_every_range_ladder_guide()
    {
        var rule = new ProgressionRulesText(new ProgressionOptions()).Dose();

        Assert.All(Loaded.Snapshot!.Guides.Where(g => g.Meta.Ladder == "range"), g =>
            Assert.Contains(g.Meta.Title.ToLowerInvariant(), rule));
        Assert.All(Loaded.Snapshot!.Guides.Where(g => g.Meta.Ladder == "intervals"), g =>
            Assert.Contains(g.Meta.Title.ToLowerInvariant(), rule));
    }

    [GeneratedRegex(@"(?<score>\d+)\s*(?:out of (?:10|ten)\b|/\s*10\b)", RegexOptions.IgnoreCase)]
    private static partial Regex HandWrittenPainScore();
}
