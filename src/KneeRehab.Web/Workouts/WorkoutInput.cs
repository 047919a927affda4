using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;

namespace KneeRehab.Web.Workouts;

/// <summary>The workout form, shared by /log and /history/{id}/edit. Loads are in the user's units.</summary>
public sealed class WorkoutInput : IValidatableObject
{
    public const int MaxLoadKg = 500;

    /// <summary>Twice the largest program day (one-leg exercises count twice): room for extras, not for a script.</summary>
    public const int MaxExercises = 40;

    /// <summary>Made when the form is first shown; the same form posted twice saves one workout.</summary>
    public Guid IdempotencyKey { get; set; }

    [Required(ErrorMessage = "Enter the date of the workout.")]
    public DateOnly? Date { get; set; }

    [StringLength(2000, ErrorMessage = "Notes can be at most 2,000 characters.")]
    public string? Notes { get; set; }

    /// <summary>"One tap applies the same value to all": fills every exercise's pain.</summary>
    [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
    [Display(Name = "pain")]
    public int? PainForAll { get; set; }

    public List<ExerciseInput> Exercises { get; set; } = [];

    /// <summary>Set by the "bad-knee day" button on /today: every exercise one step down, still a done workout.</summary>
    public bool BadKneeDay { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Exercises.Count == 0)
            yield return new("Add at least one exercise before saving.", [nameof(Exercises)]);
        if (Exercises.Count > MaxExercises)
            yield return new($"A workout can hold at most {MaxExercises} exercises: save it in two parts.", [nameof(Exercises)]);
        var today = (validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).Today();
        if (Date > today.AddDays(1))
            yield return new("The date can be at most one day ahead.", [nameof(Date)]);
        if (Date < new DateOnly(1900, 1, 1))
            yield return new("The date must be in 1900 or later.", [nameof(Date)]);
    }

    public static WorkoutInput NewFor(DateOnly today) => new() { IdempotencyKey = Guid.NewGuid(), Date = today };

    public static WorkoutInput From(Workout workout, WeightUnit units) => new()
    {
        IdempotencyKey = workout.IdempotencyKey,
        Date = workout.Date,
        Notes = workout.Notes,
        Exercises = [.. workout.Exercises.OrderBy(e => e.Position).Select(e => ExerciseInput.From(e, units))],
    };

    /// <summary>The validated form as a new workout; a program workout is done for <paramref name="enrollmentId"/>.</summary>
    public Workout ToWorkout(string userId, WeightUnit units, DateTime createdUtc, int? enrollmentId, Func<string, Side, Prescription?>? prescribed) => new()
    {
        UserId = userId,
        Date = Date!.Value,
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        IdempotencyKey = IdempotencyKey,
        CreatedUtc = createdUtc,
        EnrollmentId = enrollmentId,
        BadKneeDay = enrollmentId is not null && BadKneeDay,
        Exercises = ToEntities(userId, units, prescribed),
    };

    /// <summary>
    /// The validated form as entities, loads converted to kilograms. What was prescribed comes from the server
    /// (<paramref name="prescribed"/>, by exercise and side), never from the form.
    /// </summary>
    public List<WorkoutExercise> ToEntities(string userId, WeightUnit units, Func<string, Side, Prescription?>? prescribed = null) =>
        [.. Exercises.Select((e, position) => new WorkoutExercise
        {
            UserId = userId,
            Date = Date!.Value,
            Position = position,
            ExerciseSlug = e.Slug,
            Side = e.Side,
            PainDuring = e.PainDuring ?? PainForAll,
            FormOk = e.FormOk,
            Note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim(),
            Level = e.Level,
            Prescribed = prescribed?.Invoke(e.Slug, e.Side),
            Sets = [.. e.Sets.Select((s, i) => new LoggedSet
            {
                Number = i + 1,
                Reps = s.Reps!.Value,
                HoldSeconds = s.HoldSeconds is null or 0 ? null : s.HoldSeconds,
                LoadKg = s.Load is null or 0 ? null : units.ToKilograms(s.Load.Value),
            })],
        })];

    /// <summary>
    /// Pain is asked for the affected knee; the other leg's pain may be left empty when the same exercise
    /// is logged on the affected side in this workout (whose own pain is then required).
    /// </summary>
    public bool PainIsOptional(int index, Side? affectedKnee)
    {
        var exercise = Exercises[index];
        return affectedKnee is Side.Left or Side.Right
            && exercise.Side is Side.Left or Side.Right
            && exercise.Side != affectedKnee
            && Exercises.Any(e => e.Slug == exercise.Slug && e.Side == affectedKnee);
    }

    /// <summary>
    /// The checks that need more than the field itself: the slug must be a guide in the library, the
    /// load at most 500 kg whatever the unit, and every exercise needs a pain value (its own or the shared
    /// one) unless it is the other leg of the affected knee's exercise.
    /// </summary>
    public IEnumerable<(string Field, string Message)> CheckAgainst(ContentSnapshot content, WeightUnit units, Side? affectedKnee)
    {
        for (var i = 0; i < Exercises.Count; i++)
        {
            var exercise = Exercises[i];
            var guide = content.FindGuide(exercise.Slug);
            if (guide is null)
                yield return ($"Exercises[{i}].Slug", $"'{exercise.Slug}' is not an exercise in the library.");
            else if (exercise.Level is { } level && (guide.Meta.LevelSteps.Count == 0 || level > guide.Meta.LevelSteps.Count))
                yield return ($"Exercises[{i}].Level", guide.Meta.LevelSteps.Count == 0
                    ? "This exercise has no levels."
                    : $"Choose a level from 1 to {guide.Meta.LevelSteps.Count}.");
            if (exercise.PainDuring is null && PainForAll is null && !PainIsOptional(i, affectedKnee))
                yield return ($"Exercises[{i}].PainDuring", "Enter the pain during this exercise, from 0 to 10.");
            for (var j = 0; j < exercise.Sets.Count; j++)
            {
                if (exercise.Sets[j].Load is { } load && units.ToKilograms(load) > MaxLoadKg)
                    yield return ($"Exercises[{i}].Sets[{j}].Load", $"Load must be from 0 to {units.FromKilograms(MaxLoadKg):0} {units.Symbol()}.");
            }
        }
    }
}

public sealed class ExerciseInput : IValidatableObject
{
    public const int MaxSets = 20;

    [Required(ErrorMessage = "Choose an exercise.")]
    [StringLength(100)]
    public string Slug { get; set; } = "";

    [EnumDataType(typeof(Side), ErrorMessage = "Choose left, right or both.")]
    public Side Side { get; set; }

    [Range(0, 10, ErrorMessage = "Pain is a number from 0 to 10.")]
    [Display(Name = "pain")]
    public int? PainDuring { get; set; }

    public bool FormOk { get; set; } = true;

    [StringLength(200, ErrorMessage = "A note can be at most 200 characters.")]
    public string? Note { get; set; }

    public List<SetInput> Sets { get; set; } = [];

    /// <summary>Range exercises: the depth, step height or decline done (1 = the guide's first level step).</summary>
    [Range(1, 10, ErrorMessage = "Choose a level from the list.")]
    public int? Level { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sets.Count == 0) yield return new("Log at least one set.", [nameof(Sets)]);
        if (Sets.Count > MaxSets) yield return new($"At most {MaxSets} sets per exercise.", [nameof(Sets)]);
    }

    public static ExerciseInput From(WorkoutExercise entry, WeightUnit units) => new()
    {
        Slug = entry.ExerciseSlug,
        Side = entry.Side,
        PainDuring = entry.PainDuring,
        FormOk = entry.FormOk,
        Note = entry.Note,
        Level = entry.Level,
        Sets = [.. entry.Sets.OrderBy(s => s.Number).Select(s => SetInput.From(s, units))],
    };

    /// <summary>
    /// A new row in the form: what the user did last time on this side (sets, reps, holds, loads), or
    /// the guide's starting dose the first time. Pain is left blank: it is today's to enter.
    /// </summary>
    public static ExerciseInput Prefilled(ExerciseGuide guide, Side side, WorkoutExercise? last, WeightUnit units) => new()
    {
        Slug = guide.Slug,
        Side = side,
        Level = guide.Meta.LevelSteps.Count > 0 ? last?.Level ?? 1 : null,
        Sets = last is { Sets.Count: > 0 }
            ? [.. last.Sets.OrderBy(s => s.Number).Select(s => SetInput.From(s, units))]
            : [.. Enumerable.Range(0, guide.Meta.Dose.Sets).Select(_ => new SetInput
            {
                Reps = guide.Meta.Dose.Reps,
                HoldSeconds = guide.Meta.Dose.HoldSeconds == 0 ? null : guide.Meta.Dose.HoldSeconds,
            })],
    };
}

public static class PrescribedInput
{
    /// <summary>A form row for a prescribed dose: the sets pre-filled exactly as prescribed, so "done as prescribed" needs no typing.</summary>
    public static ExerciseInput For(ExerciseGuide guide, Side side, Prescription dose, WeightUnit units) => new()
    {
        Slug = guide.Slug,
        Side = side,
        Level = guide.Meta.LevelSteps.Count > 0 ? dose.Level : null,
        Sets = [.. Enumerable.Range(0, dose.Sets).Select(_ => new SetInput
        {
            Reps = dose.Reps,
            HoldSeconds = dose.HoldSeconds == 0 ? null : dose.HoldSeconds,
            Load = dose.LoadKg == 0 ? null : units.FromKilograms(dose.LoadKg),
        })],
    };
}

public sealed class SetInput
{
    [Required(ErrorMessage = "Enter the reps.")]
    [Range(1, 200, ErrorMessage = "Reps must be from 1 to 200.")]
    [Display(Name = "reps")]
    public int? Reps { get; set; }

    [Range(0, 600, ErrorMessage = "Hold must be from 0 to 600 seconds.")]
    [Display(Name = "hold")]
    public int? HoldSeconds { get; set; }

    /// <summary>In the user's unit; 0 or empty is body weight. The 500 kg limit is checked after conversion.</summary>
    [Range(0.0, 1200.0, ErrorMessage = "Load must be from 0 to 500 kg (1,102 lb).")]
    [Display(Name = "load")]
    public double? Load { get; set; }

    public SetInput Copy() => new() { Reps = Reps, HoldSeconds = HoldSeconds, Load = Load };

    public static SetInput From(LoggedSet set, WeightUnit units) => new()
    {
        Reps = set.Reps,
        HoldSeconds = set.HoldSeconds,
        Load = set.LoadKg is { } kg ? units.FromKilograms(kg) : null,
    };
}
