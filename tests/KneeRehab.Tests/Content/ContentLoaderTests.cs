using KneeRehab.Web.Content;
using KneeRehab.Web.Training;

namespace KneeRehab.Tests.Content;

/// <summary>One small fixture folder per kind of bad content (Content/Fixtures).</summary>
public class ContentLoaderTests
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Content", "Fixtures", name);

    private static IReadOnlyList<ContentProblem> ProblemsIn(string fixture)
    {
        var result = ContentLoader.Load(Fixture(fixture));
        Assert.False(result.IsValid);
        Assert.Null(result.Snapshot);
        return result.Problems;
    }

    private static void AssertProblem(IReadOnlyList<ContentProblem> problems, string file, string field, string messagePart) =>
        Assert.Contains(problems, p => p.File == file && p.Field == field && p.Message.Contains(messagePart, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Valid_folder_loads_every_guide_and_page_with_no_problems()
    {
        var result = ContentLoader.Load(Fixture("valid"));

        Assert.True(result.IsValid, result.Report());
        var snapshot = result.Snapshot!;
        Assert.Equal(["first-guide", "second-guide"], snapshot.Guides.Select(g => g.Slug));
        Assert.Equal(2, snapshot.FindGuide("first-guide")!.Meta.Dose.Sets);
        Assert.Equal(["second-guide"], snapshot.FindGuide("first-guide")!.Meta.Progression);
        Assert.NotNull(snapshot.FindPage("safety"));
        Assert.Equal(["ball"], snapshot.Equipment);
    }

    [Fact]
    public void Body_is_rendered_to_html_once_at_load()
    {
        var guide = ContentLoader.Load(Fixture("valid")).Snapshot!.FindGuide("first-guide")!;

        Assert.Contains("<h2 id=\"steps\">Steps</h2>", guide.BodyHtml);
        Assert.Contains("<ol>", guide.BodyHtml);
        Assert.Contains("<a href=\"/exercises/second-guide\">", guide.BodyHtml);
    }

    [Fact]
    public void Body_is_kept_in_sections_at_its_second_level_headings_with_their_ids()
    {
        var guide = ContentLoader.Load(Fixture("valid")).Snapshot!.FindGuide("first-guide")!;

        Assert.Equal(["Steps", "Cues", "Common mistakes", "When to progress", "Easier version"], guide.Sections.Select(s => s.Heading));
        Assert.Equal(["steps", "cues", "common-mistakes", "when-to-progress", "easier-version"], guide.Sections.Select(s => s.Id));
        var steps = guide.Sections[guide.SectionIndex("Steps")].Html;
        Assert.StartsWith("<h2 id=\"steps\">Steps</h2>", steps.TrimStart());
        Assert.Contains("<li>Second step.</li>", steps);
        Assert.DoesNotContain("Cues", steps);
        Assert.Equal(ContentMarkdown.ToHtml(ContentMarkdown.Parse(File.ReadAllText(Path.Combine(Fixture("valid"), "exercises", "first-guide.md")))).Trim(), guide.BodyHtml.Trim());
    }

    [Fact]
    public void Raw_html_in_content_is_escaped_not_rendered()
    {
        var guide = ContentLoader.Load(Fixture("valid")).Snapshot!.FindGuide("second-guide")!;

        Assert.DoesNotContain("<script", guide.BodyHtml);
        Assert.Contains("&lt;script&gt;", guide.BodyHtml);
    }

    [Fact]
    public void Missing_required_field_is_reported_with_file_and_field()
    {
        AssertProblem(ProblemsIn("missing-field"), "exercises/guide.md", "summary", "missing required field");
    }

    [Fact]
    public void Unknown_field_is_reported_and_lists_the_allowed_ones()
    {
        AssertProblem(ProblemsIn("unknown-field"), "exercises/guide.md", "colour", "unknown field (allowed: slug, title");
    }

    [Fact]
    public void Wrong_types_are_all_reported()
    {
        var problems = ProblemsIn("wrong-type");

        AssertProblem(problems, "exercises/guide.md", "level", "expected a whole number, got 'easy'");
        AssertProblem(problems, "exercises/guide.md", "equipment", "expected a list");
    }

    [Fact]
    public void Duplicate_slug_names_both_files()
    {
        AssertProblem(ProblemsIn("duplicate-slug"), "exercises/lone-guide.md", "slug", "duplicate slug 'lone-guide', also used by exercises/lone-guide-copy.md");
    }

    [Fact]
    public void Progression_that_names_no_guide_is_reported()
    {
        AssertProblem(ProblemsIn("unknown-link"), "exercises/guide.md", "progression[0]", "'no-such-guide' names no guide");
    }

    [Fact]
    public void Level_out_of_range_is_reported()
    {
        AssertProblem(ProblemsIn("level-out-of-range"), "exercises/guide.md", "level", "7 is out of range 1-5");
    }

    [Fact]
    public void Every_dose_value_out_of_range_is_reported()
    {
        var problems = ProblemsIn("dose-out-of-range");

        AssertProblem(problems, "exercises/guide.md", "dose.sets", "0 is out of range 1-10");
        AssertProblem(problems, "exercises/guide.md", "dose.reps", "500 is out of range 1-100");
    }

    [Fact]
    public void Broken_yaml_is_reported_with_its_line_in_the_file()
    {
        var problem = Assert.Single(ProblemsIn("broken-yaml"));

        Assert.Equal("exercises/guide.md", problem.File);
        Assert.Equal("front matter", problem.Field);
        Assert.StartsWith("broken YAML", problem.Message);
    }

    [Fact]
    public void File_without_front_matter_is_reported()
    {
        AssertProblem(ProblemsIn("no-front-matter"), "exercises/guide.md", "front matter", "missing");
    }

    [Fact]
    public void Missing_body_section_is_reported()
    {
        AssertProblem(ProblemsIn("missing-section"), "exercises/guide.md", "body", "missing section '## Cues'");
    }

    [Fact]
    public void Body_link_that_leads_nowhere_is_reported()
    {
        AssertProblem(ProblemsIn("bad-body-link"), "exercises/guide.md", "body", "link '/nowhere' leads nowhere");
    }

    [Fact]
    public void All_problems_in_all_files_are_reported_at_once()
    {
        var problems = ProblemsIn("many-problems");

        AssertProblem(problems, "exercises/lone-guide.md", "level", "9 is out of range");
        AssertProblem(problems, "exercises/lone-guide.md", "position", "'upside-down' is not one of");
        AssertProblem(problems, "exercises/lone-guide.md", "dose.per_week", "30 is out of range");
        AssertProblem(problems, "exercises/other-guide.md", "regression[0]", "'ghost' names no guide");
        AssertProblem(problems, "exercises/third-guide.md", "summary", "missing required field");
    }

    [Fact]
    public void Unknown_placeholder_is_reported_with_file_and_line()
    {
        var problems = ProblemsIn("unknown-placeholder");

        AssertProblem(problems, "exercises/guide.md", "placeholder", "line 22: '{{AmberPainMx}}' is not a known placeholder");
        AssertProblem(problems, "exercises/guide.md", "placeholder", "line 45: '{{rules:progress}}' is not a known placeholder");
    }

    [Fact]
    public void Placeholders_are_filled_in_from_the_options_given()
    {
        var page = ContentLoader.Load(Fixture("valid"), new ProgressionOptions { AmberPainMax = 6, SeverePain = 9 }).Snapshot!.FindPage("safety")!;

        Assert.Contains("more than 6 out of 10", page.BodyHtml);
        Assert.Contains("<strong>Above 6 out of 10</strong>", page.BodyHtml);
        Assert.Contains("<strong>9 out of 10 or more</strong>", page.BodyHtml);
        Assert.DoesNotContain("{{", page.BodyHtml);
    }

    [Fact]
    public void Missing_folder_is_reported()
    {
        AssertProblem(ProblemsIn("does-not-exist"), "exercises", "folder", "not found");
    }
}

public class ProgramContentTests
{
    [Fact]
    public void Valid_program_loads_with_its_phases_and_doses()
    {
        var result = ContentLoader.Load(ContentLoaderTests.Fixture("valid"));

        Assert.True(result.IsValid, result.Report());
        var program = Assert.Single(result.Snapshot!.Programs);
        Assert.Equal(["Start", "Build"], program.Meta.Phases.Select(p => p.Name));
        Assert.Equal(2.5, program.Meta.Phases[1].Exercises[1].LoadKg);
        Assert.Equal(2, program.Meta.Phases[0].Exit.GreenWorkouts);
        Assert.Equal("Build", program.PhaseOfWeek(3).Name);
        Assert.Equal("Build", program.PhaseOfWeek(9).Name);
    }

    [Fact]
    public void Program_problems_are_all_reported_with_their_fields()
    {
        var problems = ContentLoader.Load(ContentLoaderTests.Fixture("program-problems")).Problems;
        void Has(string field, string part) =>
            Assert.Contains(problems, p => p.File == "programs/broken.md" && p.Field == field && p.Message.Contains(part, StringComparison.Ordinal));

        Has("workouts_per_week", "9 is out of range 1-7");
        Has("phases[0].exercises[0].slug", "'no-such-guide' names no guide");
        Has("phases[0].exercises[1].sets", "0 is out of range 1-10");
        Has("phases[0].exercises[1].load_kg", "600 is out of range 0-500");
        Has("phases[1].first_week", "week 2 overlaps the previous phase");
        Has("phases[1].exercises[1].slug", "'first-guide' is already in this phase");
        Has("phases[2].first_week", "leaves a gap: weeks 4-4 belong to no phase");
        Has("phases", "the phases end at week 5 but the program has 6 weeks");

        // The milestone ladder and the suggestions.
        Has("suggested_after[0]", "a program cannot follow itself");
        Has("suggested_after[1]", "'no-such-program' names no program");
        Has("suggested_for_goals[0]", "'swimming' is not one of: running, sport");
        Has("milestones[0].for_goals[0]", "'football' is not one of");
        Has("milestones[0].criteria[0].value", "12 is out of range 0-10 for pain_during_at_most");
        Has("milestones[0].criteria[0].workouts", "pain_during_at_most looks at 1-10 workouts, not 0");
        Has("milestones[0].criteria[1].kind", "'pain_during_at_most' is already a criterion of this milestone");
        Has("milestones[0].criteria[2].value", "morning_settled takes no value");
        Has("milestones[1].criteria[0].kind", "'feeling_good' is not one of: pain_during_at_most");
        Has("milestones[1].criteria[1].value", "9 is out of range 1-3 for phase_reached");
        Has("milestones[1].criteria[2].workouts", "days_since_previous does not look at workouts");
        Has("milestones[2].criteria", "a milestone needs at least one criterion");
    }
}
