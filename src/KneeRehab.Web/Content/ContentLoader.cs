using System.Text.RegularExpressions;
using KneeRehab.Web.Training;
using Markdig.Syntax;

namespace KneeRehab.Web.Content;

public sealed record ContentLoadResult(ContentSnapshot? Snapshot, IReadOnlyList<ContentProblem> Problems, string Root)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The report printed by check-content and by a refused start-up.</summary>
    public string Report() => IsValid
        ? $"Content OK: {Snapshot!.Guides.Count} guides in {Root}"
        : $"{Problems.Count} content problem(s) in {Root}:{Environment.NewLine}"
          + string.Join(Environment.NewLine, Problems.Select(p => $"  {p}"));
}

/// <summary>
/// Loads a content folder: parses every file, checks it against the schema and the other files,
/// renders the Markdown, and reports all problems at once rather than stopping at the first.
/// </summary>
public static partial class ContentLoader
{
    public const string ExercisesFolder = "exercises";
    public const string PagesFolder = "pages";
    public const string ProgramsFolder = "programs";

    /// <summary>Site paths a content link may point to besides guides and pages.</summary>
    private static readonly HashSet<string> SitePaths = ["/", "/exercises"];

    /// <summary>Loads with the engine's default thresholds (check-content, tests).</summary>
    public static ContentLoadResult Load(string root) => Load(root, new ProgressionOptions());

    /// <param name="progression">The thresholds the app runs with; the placeholders of <see cref="ProgressionRulesText"/> are filled in from them.</param>
    public static ContentLoadResult Load(string root, ProgressionOptions progression)
    {
        var problems = new List<ContentProblem>();
        var exercisesDir = Path.Combine(root, ExercisesFolder);
        if (!Directory.Exists(exercisesDir))
        {
            problems.Add(new(ExercisesFolder, "folder", $"not found under {root}"));
            return new(null, problems, root);
        }

        var rules = new ProgressionRulesText(progression);
        var guides = ReadFolder<GuideFrontMatter>(root, ExercisesFolder, rules, problems);
        var pages = ReadFolder<PageFrontMatter>(root, PagesFolder, rules, problems);
        var programs = ReadFolder<ProgramFrontMatter>(root, ProgramsFolder, rules, problems);
        if (guides.Count == 0 && problems.Count == 0)
            problems.Add(new(ExercisesFolder, "folder", "holds no guides (*.md)"));

        var guideSlugs = UniqueSlugs(guides, g => g.Meta.Slug, problems);
        var pageSlugs = UniqueSlugs(pages, p => p.Meta.Slug, problems);
        var programSlugs = UniqueSlugs(programs, p => p.Meta.Slug, problems);
        var guidesBySlug = guides.GroupBy(g => g.Meta.Slug).ToDictionary(g => g.Key, g => g.First().Meta);

        foreach (var guide in guides)
        {
            CheckGuide(guide.File, guide.Meta, guide.Document, guideSlugs, problems);
            CheckLinks(guide.File, guide.Document, guideSlugs, pageSlugs, problems);
        }
        foreach (var page in pages)
            CheckLinks(page.File, page.Document, guideSlugs, pageSlugs, problems);
        foreach (var program in programs)
        {
            CheckProgram(program.File, program.Meta, guidesBySlug, problems);
            CheckMilestones(program.File, program.Meta, programSlugs, problems);
            CheckLinks(program.File, program.Document, guideSlugs, pageSlugs, problems);
        }

        if (problems.Count > 0) return new(null, problems, root);

        var snapshot = new ContentSnapshot(
            guides.Select(g => new ExerciseGuide(g.Meta, ContentMarkdown.Sections(g.Document))),
            pages.Select(p => new ContentPage(p.Meta, ContentMarkdown.ToHtml(p.Document))),
            programs.Select(p => new TrainingProgram(p.Meta, ContentMarkdown.ToHtml(p.Document))));
        return new(snapshot, problems, root);
    }

    /// <summary>
    /// A program kept outside content/ (one a physiotherapist built, Data/ClinicProgram.cs): the same front matter,
    /// read and checked by the same rules against the loaded guides and programs. Null, with the problems, when it does
    /// not pass; its body is its summary.
    /// </summary>
    public static TrainingProgram? ReadProgram(string yaml, ContentSnapshot content, List<ContentProblem> problems, string file = "program")
    {
        var meta = FrontMatterReader.Read<ProgramFrontMatter>(yaml, file, firstLine: 1, problems);
        if (meta is null) return null;
        var before = problems.Count;
        if (!SlugPattern().IsMatch(meta.Slug))
            problems.Add(new(file, "slug", $"'{meta.Slug}' must be lowercase letters, digits and single dashes"));
        CheckProgram(file, meta, content.Guides.ToDictionary(g => g.Slug, g => g.Meta), problems);
        CheckMilestones(file, meta, [.. content.Programs.Select(p => p.Slug)], problems);
        return problems.Count > before ? null : new TrainingProgram(meta, "");
    }

    private sealed record ParsedFile<T>(string File, T Meta, MarkdownDocument Document);

    private static List<ParsedFile<T>> ReadFolder<T>(string root, string folder, ProgressionRulesText rules, List<ContentProblem> problems) where T : class
    {
        var dir = Path.Combine(root, folder);
        if (!Directory.Exists(dir)) return [];

        var parsed = new List<ParsedFile<T>>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            var file = $"{folder}/{Path.GetFileName(path)}";
            // Filled in before parsing, so that front matter (cautions) can use the thresholds too.
            var expanded = rules.Expand(File.ReadAllText(path));
            problems.AddRange(expanded.Problems.Select(message => new ContentProblem(file, "placeholder", message)));
            var document = ContentMarkdown.Parse(expanded.Text);
            if (ContentMarkdown.FrontMatter(document) is not { } frontMatter)
            {
                problems.Add(new(file, "front matter", "missing: the file must start with a `---` line, the fields, and a closing `---` line"));
                continue;
            }
            var meta = FrontMatterReader.Read<T>(frontMatter.Yaml, file, frontMatter.FirstLine, problems);
            if (meta is null) continue;

            var slug = meta switch { GuideFrontMatter g => g.Slug, PageFrontMatter p => p.Slug, ProgramFrontMatter p => p.Slug, _ => "" };
            if (!SlugPattern().IsMatch(slug))
                problems.Add(new(file, "slug", $"'{slug}' must be lowercase letters, digits and single dashes"));
            if (meta is ProgramFrontMatter && slug.StartsWith(Data.ClinicProgram.SlugPrefix, StringComparison.Ordinal))
                problems.Add(new(file, "slug", $"'{slug}': slugs starting with '{Data.ClinicProgram.SlugPrefix}' are kept for programs built in the clinic"));
            if (ContentMarkdown.Headings(document, 1).Any())
                problems.Add(new(file, "body", "use ## headings: the title is the page's only top-level heading"));

            parsed.Add(new(file, meta, document));
        }
        return parsed;
    }

    private static HashSet<string> UniqueSlugs<T>(List<ParsedFile<T>> files, Func<ParsedFile<T>, string> slug, List<ContentProblem> problems)
    {
        var slugs = new HashSet<string>();
        foreach (var group in files.GroupBy(slug))
        {
            slugs.Add(group.Key);
            foreach (var duplicate in group.Skip(1))
                problems.Add(new(duplicate.File, "slug", $"duplicate slug '{group.Key}', also used by {group.First().File}"));
        }
        return slugs;
    }

    private static void CheckGuide(string file, GuideFrontMatter meta, MarkdownDocument document, HashSet<string> slugs, List<ContentProblem> problems)
    {
        void Problem(string field, string message) => problems.Add(new(file, field, message));
        void OneOf(string field, string value, IReadOnlySet<string> allowed)
        {
            if (!allowed.Contains(value)) Problem(field, $"'{value}' is not one of: {string.Join(", ", allowed)}");
        }
        void InRange(string field, int value, int min, int max)
        {
            if (value < min || value > max) Problem(field, $"{value} is out of range {min}-{max}");
        }

        InRange("level", meta.Level, 1, 5);
        OneOf("position", meta.Position, GuideFrontMatter.Positions);
        OneOf("laterality", meta.Laterality, GuideFrontMatter.Lateralities);
        OneOf("ladder", meta.Ladder, GuideFrontMatter.Ladders);
        OneOf("evidence.level", meta.Evidence.Level, GuideEvidence.Levels);

        InRange("dose.sets", meta.Dose.Sets, 1, 10);
        InRange("dose.reps", meta.Dose.Reps, 1, 100);
        InRange("dose.hold_seconds", meta.Dose.HoldSeconds, 0, 600);
        InRange("dose.rest_seconds", meta.Dose.RestSeconds, 0, 600);
        InRange("dose.per_week", meta.Dose.PerWeek, 1, 14);
        if (meta.RepGoal is { } goal) InRange("rep_goal", goal, 1, 100);
        if (meta.LoadIncrementKg is { } increment && (increment <= 0 || increment > 20))
            Problem("load_increment_kg", $"{increment} is out of range: more than 0 and at most 20");

        if (meta.HasLevels && meta.LevelSteps.Count < 2)
            Problem("level_steps", $"a {meta.Ladder} ladder needs at least two steps, easiest first");
        if (!meta.HasLevels && meta.LevelSteps.Count > 0)
            Problem("level_steps", "only a range or intervals ladder has level steps");

        for (var i = 0; i < meta.Equipment.Count; i++)
        {
            if (meta.Equipment[i].Any(char.IsUpper))
                Problem($"equipment[{i}]", $"'{meta.Equipment[i]}' must be lowercase, as listed in content/README.md");
        }
        if (meta.Targets.Count == 0) Problem("targets", "name at least one muscle");
        if (meta.Cautions.Count == 0) Problem("cautions", "give at least one caution");
        if (meta.Sources.Count == 0) Problem("sources", "cite at least one source");
        for (var i = 0; i < meta.Sources.Count; i++)
            OneOf($"sources[{i}].kind", meta.Sources[i].Kind, GuideSource.Kinds);
        if (meta.ProjectAddition && !meta.Sources.Any(s => s.Kind is "paper" or "guideline"))
            Problem("sources", "a project addition must cite the paper or guideline that calls for it");

        foreach (var (field, links) in new[] { ("progression", meta.Progression), ("regression", meta.Regression) })
        {
            for (var i = 0; i < links.Count; i++)
            {
                if (links[i] == meta.Slug) Problem($"{field}[{i}]", "a guide cannot link to itself");
                else if (!slugs.Contains(links[i])) Problem($"{field}[{i}]", $"'{links[i]}' names no guide");
            }
        }

        CheckSections(file, document, problems);
    }

    private static void CheckProgram(string file, ProgramFrontMatter meta, Dictionary<string, GuideFrontMatter> guides, List<ContentProblem> problems)
    {
        void Problem(string field, string message) => problems.Add(new(file, field, message));
        void InRange(string field, double value, double min, double max)
        {
            if (value < min || value > max) Problem(field, $"{value} is out of range {min}-{max}");
        }

        InRange("weeks", meta.Weeks, 1, 52);
        InRange("workouts_per_week", meta.WorkoutsPerWeek, 1, 7);
        if (meta.Phases.Count == 0) Problem("phases", "a program needs at least one phase");

        // Phases must tile the weeks: start at week 1, no gap, no overlap, end at the last week.
        var expectedFirst = 1;
        for (var i = 0; i < meta.Phases.Count; i++)
        {
            var phase = meta.Phases[i];
            var at = $"phases[{i}]";
            if (phase.FirstWeek != expectedFirst)
                Problem($"{at}.first_week", phase.FirstWeek < expectedFirst
                    ? $"week {phase.FirstWeek} overlaps the previous phase (expected {expectedFirst})"
                    : $"leaves a gap: weeks {expectedFirst}-{phase.FirstWeek - 1} belong to no phase");
            if (phase.LastWeek < phase.FirstWeek)
                Problem($"{at}.last_week", $"{phase.LastWeek} is before first_week {phase.FirstWeek}");
            expectedFirst = Math.Max(expectedFirst, phase.LastWeek + 1);
            if (phase.Exercises.Count == 0) Problem($"{at}.exercises", "a phase needs at least one exercise");
            InRange($"{at}.exit.green_workouts", phase.Exit.GreenWorkouts, 1, 5);
            InRange($"{at}.exit.min_sets", phase.Exit.MinSets, 1, 10);
            InRange($"{at}.exit.min_reps", phase.Exit.MinReps, 1, 100);

            for (var j = 0; j < phase.Exercises.Count; j++)
            {
                var exercise = phase.Exercises[j];
                var field = $"{at}.exercises[{j}]";
                // The engine keeps one dose per exercise: listed twice, which dose would it be?
                if (phase.Exercises.Take(j).Any(e => e.Slug == exercise.Slug))
                    Problem($"{field}.slug", $"'{exercise.Slug}' is already in this phase");
                if (!guides.TryGetValue(exercise.Slug, out var guide))
                {
                    Problem($"{field}.slug", $"'{exercise.Slug}' names no guide");
                    continue;
                }
                InRange($"{field}.sets", exercise.Sets, 1, 10);
                InRange($"{field}.reps", exercise.Reps, 1, 100);
                InRange($"{field}.hold_seconds", exercise.HoldSeconds, 0, 600);
                InRange($"{field}.load_kg", exercise.LoadKg, 0, 500);
                InRange($"{field}.level", exercise.Level, 1, Math.Max(1, guide.LevelSteps.Count));
            }
        }
        if (meta.Phases.Count > 0 && expectedFirst - 1 != meta.Weeks)
            Problem("phases", $"the phases end at week {expectedFirst - 1} but the program has {meta.Weeks} weeks");
        if (meta.Sources.Count == 0) Problem("sources", "cite at least one source");
    }

    /// <summary>The goals a milestone rung or a suggestion may name, as content writes them.</summary>
    public static readonly IReadOnlySet<string> Goals = new HashSet<string> { "running", "sport", "stairs-and-walking", "work", "other" };

    private static void CheckMilestones(string file, ProgramFrontMatter meta, HashSet<string> programs, List<ContentProblem> problems)
    {
        void Problem(string field, string message) => problems.Add(new(file, field, message));
        void Goal(string field, string goal)
        {
            if (!Goals.Contains(goal)) Problem(field, $"'{goal}' is not one of: {string.Join(", ", Goals)}");
        }

        for (var i = 0; i < meta.SuggestedAfter.Count; i++)
        {
            if (meta.SuggestedAfter[i] == meta.Slug) Problem($"suggested_after[{i}]", "a program cannot follow itself");
            else if (!programs.Contains(meta.SuggestedAfter[i])) Problem($"suggested_after[{i}]", $"'{meta.SuggestedAfter[i]}' names no program");
        }
        for (var i = 0; i < meta.SuggestedForGoals.Count; i++) Goal($"suggested_for_goals[{i}]", meta.SuggestedForGoals[i]);

        for (var i = 0; i < meta.Milestones.Count; i++)
        {
            var rung = meta.Milestones[i];
            var at = $"milestones[{i}]";
            for (var g = 0; g < rung.ForGoals.Count; g++) Goal($"{at}.for_goals[{g}]", rung.ForGoals[g]);
            if (rung.Criteria.Count == 0) Problem($"{at}.criteria", "a milestone needs at least one criterion");
            for (var c = 0; c < rung.Criteria.Count; c++)
            {
                var criterion = rung.Criteria[c];
                var field = $"{at}.criteria[{c}]";
                if (!MilestoneCriterionSpec.Kinds.Contains(criterion.Kind))
                {
                    Problem($"{field}.kind", $"'{criterion.Kind}' is not one of: {string.Join(", ", MilestoneCriterionSpec.Kinds)}");
                    continue;
                }
                var (min, max, needsWorkouts) = criterion.Kind switch
                {
                    MilestoneCriterionSpec.PainDuringAtMost => (0.0, 10.0, true),
                    MilestoneCriterionSpec.MorningSettled => (0.0, 0.0, true),
                    MilestoneCriterionSpec.GoalActivityAtLeast => (1.0, 10.0, false),
                    MilestoneCriterionSpec.StepDownSymmetryAtLeast => (50.0, 100.0, false),
                    MilestoneCriterionSpec.DaysSincePrevious => (1.0, 90.0, false),
                    MilestoneCriterionSpec.PhaseReached => (1.0, Math.Max(1, meta.Phases.Count), false),
                    _ => (0.0, 0.0, false),
                };
                if (criterion.Value < min || criterion.Value > max)
                    Problem($"{field}.value", min == max ? $"{criterion.Kind} takes no value" : $"{criterion.Value} is out of range {min}-{max} for {criterion.Kind}");
                if (needsWorkouts && (criterion.Workouts < 1 || criterion.Workouts > 10))
                    Problem($"{field}.workouts", $"{criterion.Kind} looks at 1-10 workouts, not {criterion.Workouts}");
                if (!needsWorkouts && criterion.Workouts != 0)
                    Problem($"{field}.workouts", $"{criterion.Kind} does not look at workouts");
                if (c > 0 && rung.Criteria.Take(c).Any(other => other.Kind == criterion.Kind))
                    Problem($"{field}.kind", $"'{criterion.Kind}' is already a criterion of this milestone");
            }
        }
    }

    private static void CheckSections(string file, MarkdownDocument document, List<ContentProblem> problems)
    {
        var headings = ContentMarkdown.Headings(document, 2).ToList();
        var last = -1;
        foreach (var section in ExerciseGuide.RequiredSections)
        {
            var at = headings.IndexOf(section);
            if (at < 0) problems.Add(new(file, "body", $"missing section '## {section}'"));
            else if (at < last) problems.Add(new(file, "body", $"section '## {section}' is out of order (expected: {string.Join(", ", ExerciseGuide.RequiredSections)})"));
            else last = at;
        }

        var steps = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 2 && ContentMarkdown.Text(h) == "Steps");
        if (steps is not null)
        {
            var next = document.IndexOf(steps) + 1;
            if (next >= document.Count || document[next] is not ListBlock { IsOrdered: true })
                problems.Add(new(file, "body", "'## Steps' must be followed by a numbered list (1. 2. 3.)"));
        }
    }

    private static void CheckLinks(string file, MarkdownDocument document, HashSet<string> guides, HashSet<string> pages, List<ContentProblem> problems)
    {
        foreach (var url in ContentMarkdown.LinkTargets(document))
        {
            if (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith('#'))
                continue;
            var path = url.Split('#')[0];
            var resolves = SitePaths.Contains(path)
                || (path.StartsWith("/exercises/", StringComparison.Ordinal) && guides.Contains(path["/exercises/".Length..]))
                || (path.StartsWith('/') && pages.Contains(path[1..]));
            if (!resolves) problems.Add(new(file, "body", $"link '{url}' leads nowhere on this site"));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
