using System.Globalization;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;

namespace KneeRehab.Web.Workouts;

/// <summary>
/// What the workout player (wwwroot/js/player.js) shows for one entry of the form, rendered as data attributes:
/// today's dose (the program's plan, or else the sets the form was filled with), the guide's summary as the key cue.
/// Loads are in the user's unit; numbers are written with the invariant culture for the script to read.
/// </summary>
public sealed record PlayerEntry(string Title, string Summary, bool OneLeg, int Sets, int Reps, int HoldSeconds, string Load, int? Level, string LevelText)
{
    public static PlayerEntry For(ExerciseInput exercise, ExerciseGuide? guide, Prescription? plan, WeightUnit units)
    {
        var first = exercise.Sets.FirstOrDefault();
        var sets = plan?.Sets ?? exercise.Sets.Count;
        var reps = plan?.Reps ?? first?.Reps ?? 0;
        var hold = plan?.HoldSeconds ?? first?.HoldSeconds ?? 0;
        var load = plan is not null ? (plan.LoadKg > 0 ? units.FromKilograms(plan.LoadKg) : 0) : first?.Load ?? 0;
        var level = plan is not null && guide?.Meta.LevelSteps.Count > 0 ? plan.Level : exercise.Level;
        var levelText = level is { } l && guide is not null && l >= 1 && l <= guide.Meta.LevelSteps.Count ? guide.Meta.LevelSteps[l - 1] : "";
        return new(guide?.Meta.Title ?? exercise.Slug, guide?.Meta.Summary ?? "", guide?.Meta.IsOneLeg == true, sets, reps, hold,
            load > 0 ? load.ToString("0.##", CultureInfo.InvariantCulture) : "", level, levelText);
    }
}
