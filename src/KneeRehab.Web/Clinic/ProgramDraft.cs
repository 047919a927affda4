using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Content;

namespace KneeRehab.Web.Clinic;

/// <summary>
/// A program as a physiotherapist builds it on /clinic/programs/new: phases of weeks, each with exercises from the
/// guides, their starting doses and what moving on asks; the workouts a week set the spacing. It becomes the same
/// front matter as a file in content/programs/ (<see cref="ToFrontMatter"/>), which the content loader then checks.
/// Rows left without an exercise, and phases left empty, are dropped.
/// </summary>
public sealed class ProgramDraft
{
    public const int BlankRows = 2;

    /// <summary>Enough for any home program, and keeps a program's front matter well inside what is stored.</summary>
    public const int MostPhases = 8;

    public const int MostExercisesPerPhase = 10;

    [Required(ErrorMessage = "Give the program a title.")]
    [StringLength(80, ErrorMessage = "Keep the title to 80 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Say in a sentence or two what the program is for; the patient reads it.")]
    [StringLength(300, ErrorMessage = "Keep the summary to 300 characters.")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Enter the workouts a week, from 1 to 7.")]
    [Range(1, 7, ErrorMessage = "Workouts a week are from 1 to 7.")]
    [Display(Name = "workouts a week")]
    public int? WorkoutsPerWeek { get; set; } = 3;

    /// <summary>A published program whose milestone ladder this one takes (empty: none).</summary>
    public string? MilestonesFrom { get; set; }

    public List<PhaseDraft> Phases { get; set; } = [];

    public sealed class PhaseDraft
    {
        [StringLength(60, ErrorMessage = "Keep the phase's name to 60 characters.")]
        public string? Name { get; set; }

        [Range(1, 12, ErrorMessage = "A phase lasts 1 to 12 weeks.")]
        [Display(Name = "weeks")]
        public int? Weeks { get; set; }

        [Range(1, 5, ErrorMessage = "From 1 to 5 good workouts in a row.")]
        [Display(Name = "good workouts in a row")]
        public int? GreenWorkouts { get; set; } = 2;

        [Range(1, 10, ErrorMessage = "Sets are from 1 to 10.")]
        [Display(Name = "sets to move on")]
        public int? MinSets { get; set; }

        [Range(1, 100, ErrorMessage = "Reps are from 1 to 100.")]
        [Display(Name = "reps to move on")]
        public int? MinReps { get; set; }

        public List<ExerciseDraft> Exercises { get; set; } = [];

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && Exercises.All(e => e.IsBlank);
    }

    public sealed class ExerciseDraft
    {
        public string? Slug { get; set; }

        [Range(1, 10, ErrorMessage = "Sets are from 1 to 10.")]
        [Display(Name = "sets")]
        public int? Sets { get; set; }

        [Range(1, 100, ErrorMessage = "Reps are from 1 to 100.")]
        [Display(Name = "reps")]
        public int? Reps { get; set; }

        [Range(0, 600, ErrorMessage = "A hold is from 0 to 600 seconds.")]
        [Display(Name = "hold")]
        public int? HoldSeconds { get; set; }

        [Range(0, 500, ErrorMessage = "A load is from 0 to 500 kg.")]
        [Display(Name = "load")]
        public double? LoadKg { get; set; }

        [Range(1, 10, ErrorMessage = "Choose one of the exercise's levels.")]
        [Display(Name = "level")]
        public int? Level { get; set; }

        public bool IsBlank => string.IsNullOrEmpty(Slug);
    }

    /// <summary>Rows a hand-made post left empty (a list index it skipped binds as null) are dropped.</summary>
    private void Tidy()
    {
        Phases ??= [];
        Phases.RemoveAll(p => p is null);
        foreach (var phase in Phases)
        {
            phase.Exercises ??= [];
            phase.Exercises.RemoveAll(e => e is null);
        }
    }

    /// <summary>A draft that starts from a program (published, or one of the physiotherapist's own).</summary>
    public static ProgramDraft From(TrainingProgram program) => new()
    {
        Title = program.Meta.Title.Length > 70 ? program.Meta.Title[..70] : $"{program.Meta.Title} (adapted)",
        Summary = program.Meta.Summary.Length > 300 ? program.Meta.Summary[..300] : program.Meta.Summary,
        WorkoutsPerWeek = program.Meta.WorkoutsPerWeek,
        Phases = [.. program.Meta.Phases.Select(p => new PhaseDraft
        {
            Name = p.Name,
            Weeks = p.MinimumWeeks,
            GreenWorkouts = p.Exit.GreenWorkouts,
            MinSets = p.Exit.MinSets,
            MinReps = p.Exit.MinReps,
            Exercises = [.. p.Exercises.Select(e => new ExerciseDraft
            {
                Slug = e.Slug, Sets = e.Sets, Reps = e.Reps, HoldSeconds = e.HoldSeconds == 0 ? null : e.HoldSeconds, LoadKg = e.LoadKg == 0 ? null : e.LoadKg, Level = e.Level,
            })],
        })],
    };

    /// <summary>Blank rows to fill in: <see cref="BlankRows"/> after each phase's exercises, and a first phase when there is none.</summary>
    public void AddBlankRows()
    {
        Tidy();
        if (Phases.Count == 0) Phases.Add(new PhaseDraft { Weeks = 2, MinSets = 2, MinReps = 10 });
        foreach (var phase in Phases)
            while (phase.Exercises.Count(e => e.IsBlank) < BlankRows) phase.Exercises.Add(new ExerciseDraft());
    }

    /// <summary>
    /// Checks what the form alone can tell, adding each problem under its field's name ("Draft.Phases[0].Exercises[1].Sets");
    /// the content loader checks the rest once it is front matter.
    /// </summary>
    public void Check(ContentSnapshot content, string prefix, Action<string, string> problem)
    {
        Tidy();
        var phases = Phases.Select((p, i) => (Phase: p, Index: i)).Where(p => !p.Phase.IsBlank).ToList();
        if (phases.Count == 0) problem($"{prefix}.Phases[0].Name", "A program needs at least one phase with exercises.");
        if (phases.Count > MostPhases) problem($"{prefix}.Phases[{phases[MostPhases].Index}].Name", $"A program has at most {MostPhases} phases.");
        if (phases.Sum(p => p.Phase.Weeks ?? 0) > 52) problem($"{prefix}.Phases[{phases[^1].Index}].Weeks", "The phases add up to more than 52 weeks.");
        foreach (var (phase, i) in phases)
        {
            var at = $"{prefix}.Phases[{i}]";
            if (string.IsNullOrWhiteSpace(phase.Name)) problem($"{at}.Name", $"Name phase {i + 1}.");
            if (phase.Weeks is null) problem($"{at}.Weeks", "Enter the phase's weeks, from 1 to 12.");
            if (phase.GreenWorkouts is null) problem($"{at}.GreenWorkouts", "Enter how many good workouts in a row move the patient on, from 1 to 5.");
            if (phase.MinSets is null) problem($"{at}.MinSets", "Enter the sets an exercise must reach to move on.");
            if (phase.MinReps is null) problem($"{at}.MinReps", "Enter the reps an exercise must reach to move on.");
            if (phase.Exercises.All(e => e.IsBlank)) problem($"{at}.Exercises[0].Slug", $"Choose at least one exercise for phase {i + 1}.");
            if (phase.Exercises.Count(e => !e.IsBlank) > MostExercisesPerPhase) problem($"{at}.Exercises[0].Slug", $"A phase has at most {MostExercisesPerPhase} exercises.");
            var seen = new HashSet<string>();
            for (var j = 0; j < phase.Exercises.Count; j++)
            {
                var exercise = phase.Exercises[j];
                if (exercise.IsBlank) continue;
                var field = $"{at}.Exercises[{j}]";
                if (content.FindGuide(exercise.Slug!) is not { } guide)
                {
                    problem($"{field}.Slug", "Choose an exercise from the guides.");
                    continue;
                }
                if (!seen.Add(guide.Slug)) problem($"{field}.Slug", $"The {guide.Meta.Title.ToLowerInvariant()} is in this phase already.");
                if (exercise.Sets is null) problem($"{field}.Sets", "Enter the sets, from 1 to 10.");
                if (exercise.Reps is null) problem($"{field}.Reps", "Enter the reps, from 1 to 100.");
                var levels = guide.Meta.HasLevels ? guide.Meta.LevelSteps.Count : 1;
                if (exercise.Level is { } level && level > levels)
                    problem($"{field}.Level", levels > 1 ? $"Choose a level from 1 to {levels}." : $"{guide.Meta.Title} has one level.");
            }
        }
        if (string.IsNullOrEmpty(MilestonesFrom)) return;
        var choice = $"{prefix}.{nameof(MilestonesFrom)}";
        if (content.FindProgram(MilestonesFrom) is not { Meta.Milestones.Count: > 0 } ladder)
            problem(choice, "Choose a program that has milestones, or none.");
        else if (ladder.Meta.Milestones.SelectMany(r => r.Criteria).Where(c => c.Kind == MilestoneCriterionSpec.PhaseReached)
            .Select(c => (int)c.Value).DefaultIfEmpty(0).Max() is var needed && needed > phases.Count)
            problem(choice, $"The ladder of “{ladder.Meta.Title}” asks for phase {needed}; this program has {phases.Count}. Choose another ladder, or none.");
    }

    /// <summary>The front matter of the draft (after <see cref="Check"/> found nothing), with the slug it is kept under.</summary>
    public ProgramFrontMatter ToFrontMatter(string slug, ContentSnapshot content, DateOnly builtOn)
    {
        var phases = new List<ProgramPhase>();
        var week = 1;
        foreach (var phase in Phases.Where(p => !p.IsBlank))
        {
            var exercises = phase.Exercises.Where(e => !e.IsBlank).Select(e => new ProgramExercise
            {
                Slug = e.Slug!, Sets = e.Sets!.Value, Reps = e.Reps!.Value, HoldSeconds = e.HoldSeconds ?? 0, LoadKg = e.LoadKg ?? 0, Level = e.Level ?? 1,
            }).ToList();
            phases.Add(new ProgramPhase
            {
                Name = phase.Name!.Trim(),
                FirstWeek = week,
                LastWeek = week + phase.Weeks!.Value - 1,
                Exercises = exercises,
                Exit = new PhaseExit
                {
                    GreenWorkouts = phase.GreenWorkouts!.Value,
                    MinSets = phase.MinSets!.Value,
                    MinReps = phase.MinReps!.Value,
                    Description = $"{phase.GreenWorkouts} good workouts in a row with every exercise at {phase.MinSets} sets of {phase.MinReps} or more (set by your physiotherapist).",
                },
            });
            week += phase.Weeks.Value;
        }
        return new ProgramFrontMatter
        {
            Slug = slug,
            Title = Title!.Trim(),
            Summary = Summary!.Trim(),
            Audience = ["a patient whose physiotherapist built it for them"],
            Weeks = week - 1,
            WorkoutsPerWeek = WorkoutsPerWeek!.Value,
            Phases = phases,
            // No name or address: the program outlives its author's account, and its file may be published.
            Sources = [new GuideSource { Kind = "clinician", Ref = $"Built in KneeRehab by a physiotherapist on {builtOn:d MMMM yyyy}", Note = "the exercises, their cautions and their sources are in the guides" }],
            Milestones = string.IsNullOrEmpty(MilestonesFrom) ? [] : content.FindProgram(MilestonesFrom)?.Meta.Milestones ?? [],
        };
    }
}
