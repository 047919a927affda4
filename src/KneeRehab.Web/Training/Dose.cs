using System.Globalization;

namespace KneeRehab.Web.Training;

/// <summary>
/// What the patient is asked to do for one exercise. <see cref="LoadKg"/> 0 is body weight;
/// <see cref="Level"/> is the depth, step height or decline of a range ladder (1 = easiest).
/// </summary>
public sealed record Dose(int Sets, int Reps, int HoldSeconds = 0, double LoadKg = 0, int Level = 1)
{
    public int Volume => Sets * Reps;

    /// <summary>
    /// True when this dose is easier than <paramref name="other"/>. Level counts first, then load, then
    /// volume, then the hold: every rung move on every ladder changes the first of these that differs,
    /// so this order agrees with all four ladders.
    /// </summary>
    public bool IsLowerThan(Dose other) =>
        (Level, LoadKg, Volume, HoldSeconds).CompareTo((other.Level, other.LoadKg, other.Volume, other.HoldSeconds)) < 0;

    /// <summary>The dose as a patient reads it: "3×10 with a 5 s hold at 42.5 kg (level 2)".</summary>
    public string Describe(LadderKind ladder)
    {
        var text = $"{Sets}×{Reps}";
        if (HoldSeconds > 0) text += $" with a {HoldSeconds} s hold";
        if (LoadKg > 0) text += string.Create(CultureInfo.InvariantCulture, $" at {LoadKg:0.##} kg");
        if (ladder.HasLevels()) text += $" (level {Level})";
        return text;
    }
}
