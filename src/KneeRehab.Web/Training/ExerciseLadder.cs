namespace KneeRehab.Web.Training;

/// <summary>How an exercise's dose moves: the fact sheet's ladders A-D (FACTS 3.5).</summary>
public enum LadderKind
{
    /// <summary>A: body weight; more sets and reps, then longer holds.</summary>
    Reps,

    /// <summary>B: loaded; 8, 10, 12 reps, then more load and back to 8 (double progression).</summary>
    Load,

    /// <summary>C: 8, 10, 12 reps, then the next level of depth, step height or decline.</summary>
    Range,

    /// <summary>D: stretches and mobility; the dose is the source's and never moves.</summary>
    Fixed,

    /// <summary>
    /// Walk-run intervals: the level is the pattern (jog 1 min, walk 2 min; then longer jogs), the reps are its
    /// repeats. A step up is the next pattern at the same repeats; a step down the pattern before, then fewer repeats.
    /// </summary>
    Intervals,
}

public static class LadderKinds
{
    /// <summary>True for the ladders whose level is a named step of the guide (depth, step height, walk-run pattern).</summary>
    public static bool HasLevels(this LadderKind kind) => kind is LadderKind.Range or LadderKind.Intervals;
}

/// <summary>
/// One exercise's ladder and the rungs on it. <see cref="LevelCount"/> is for <see cref="LadderKind.Range"/>,
/// <see cref="RepGoal"/> for <see cref="LadderKind.Reps"/>, <see cref="LoadIncrementKg"/> (the smallest plate,
/// dumbbell or ankle-weight step people own) for <see cref="LadderKind.Load"/>. <see cref="LoadedAtTop"/> makes
/// ladder A go on past its top rung with an ankle weight (FACTS 3.5, A7).
/// </summary>
public sealed record ExerciseLadder(LadderKind Kind, int LevelCount = 1, int RepGoal = 15, double LoadIncrementKg = 1.0, bool LoadedAtTop = false)
{
    /// <summary>Ladder A's sets × reps in order; the last two exist only for a rep goal above 15 (seed: "build to 25").</summary>
    private static readonly (int Sets, int Reps)[] VolumeRungs = [(1, 8), (2, 8), (2, 10), (3, 10), (3, 12), (3, 15), (3, 20), (3, 25)];

    /// <summary>Ladder A's top: longer holds at the top reps ("hold the bridge up for longer").</summary>
    private static readonly int[] HoldRungs = [5, 10];

    /// <summary>Ladders B and C: ACSM's 8-12 repetition range, climbed in steps of two.</summary>
    private static readonly int[] RepSteps = [8, 10, 12];

    private const int LowestReps = 8;

    /// <summary>Ladder C adds sets up to this before the reps climb (the guides' 2×10 → 3×10); A7 restarts at 3×10.</summary>
    private const int FullSets = 3;

    /// <summary>A7: with an ankle weight added, ladder A starts again at 3×10 (the A2 rung).</summary>
    private const int LoadedRestartReps = 10;

    /// <summary>One rung up, or null at the top of the ladder. Load and level move only on the ladders that own them.</summary>
    public Dose? StepUp(Dose current, ProgressionOptions options)
    {
        var next = Kind switch
        {
            LadderKind.Reps => RepsStepUp(current),
            LadderKind.Load => LoadStepUp(current, options),
            LadderKind.Range => RangeStepUp(current),
            LadderKind.Intervals => current.Level < LevelCount ? current with { Level = current.Level + 1 } : null,
            _ => null,
        };
        // An off-ladder dose (say 3×20 on a ladder that ends at 3×15) must never "progress" to something easier.
        return next is not null && current.IsLowerThan(next) ? next : null;
    }

    /// <summary>One rung down; at the bottom of the ladder, the same dose.</summary>
    public Dose StepDown(Dose current, ProgressionOptions options)
    {
        var next = Kind switch
        {
            LadderKind.Reps => RepsStepDown(current),
            LadderKind.Load => LoadStepDown(current, options),
            LadderKind.Range => RangeStepDown(current),
            LadderKind.Intervals => current.Level > 1 ? current with { Level = current.Level - 1 } : current with { Reps = Math.Max(current.Reps - 1, 1) },
            _ => current,
        };
        // A dose below the bottom rung maps to that rung, which is harder: stay put instead.
        return next.IsLowerThan(current) ? next : current;
    }

    // Ladder A. Lower rungs carry the current hold (3 s for most holds), so hold rungs exist only above it.
    private List<Dose> RepsRungs(Dose current, out int volumeRungCount)
    {
        var topReps = Math.Max(RepGoal, LowestReps);
        var rungs = VolumeRungs
            .Where(r => r.Reps <= topReps)
            .Select(r => current with { Sets = r.Sets, Reps = r.Reps })
            .ToList();
        volumeRungCount = rungs.Count;
        if (current.HoldSeconds > 0)
        {
            var top = rungs[^1];
            rungs.AddRange(HoldRungs.Where(h => h > current.HoldSeconds).Select(h => top with { HoldSeconds = h }));
        }
        return rungs;
    }

    /// <summary>The current dose's rung: an exact sets × reps match, else the highest rung of no more volume; -1 below the lowest.</summary>
    private static int RungIndex(List<Dose> rungs, int volumeRungCount, Dose current)
    {
        var exact = rungs.FindIndex(0, volumeRungCount, r => r.Sets == current.Sets && r.Reps == current.Reps);
        return exact >= 0 ? exact : rungs.FindLastIndex(volumeRungCount - 1, volumeRungCount, r => r.Volume <= current.Volume);
    }

    private Dose? RepsStepUp(Dose current)
    {
        var rungs = RepsRungs(current, out var volumeRungCount);
        var index = RungIndex(rungs, volumeRungCount, current) + 1;
        if (index < rungs.Count) return rungs[index];
        // A7: the top of the ladder with an ankle weight one step heavier, back at 3×10 to climb again.
        return LoadedAtTop ? current with { Sets = FullSets, Reps = LoadedRestartReps, LoadKg = Round(current.LoadKg + LoadIncrementKg) } : null;
    }

    private static double Round(double kg) => (double)Math.Round((decimal)kg, 2);

    private Dose RepsStepDown(Dose current)
    {
        var rungs = RepsRungs(current, out var volumeRungCount);
        var index = RungIndex(rungs, volumeRungCount, current);
        return index < 0 ? current : rungs[Math.Max(index - 1, 0)];
    }

    /// <summary>The index of the highest rep step at or below <paramref name="reps"/>; -1 below 8.</summary>
    private static int RepStepIndex(int reps) => Array.FindLastIndex(RepSteps, step => step <= reps);

    private static bool BelowTopRepStep(int reps) => reps < RepSteps[^1];

    // Ladder B. Reps first, then load (FACTS 3.5; ACSM 2009).
    private Dose LoadStepUp(Dose current, ProgressionOptions options) =>
        BelowTopRepStep(current.Reps)
            ? current with { Reps = RepSteps[RepStepIndex(current.Reps) + 1] }
            : current with { Reps = RepSteps[0], LoadKg = IncreasedLoad(current.LoadKg, options) };

    private Dose LoadStepDown(Dose current, ProgressionOptions options)
    {
        if (current.LoadKg > 0) return current with { LoadKg = ReducedLoad(current.LoadKg, options) };
        var step = RepStepIndex(current.Reps);
        if (step > 0) return current with { Reps = RepSteps[step - 1] };
        return current with { Sets = Math.Max(current.Sets - 1, 1) };
    }

    /// <summary>
    /// The next load: +5% rounded up to the increment, but no more than +10% (rounded down), and always at
    /// least the next increment up, since equipment cannot do less. Decimal, because in binary floating point
    /// 50 × 1.1 is 55.00000000000001, which would round up a whole increment too far.
    /// </summary>
    private double IncreasedLoad(double loadKg, ProgressionOptions options)
    {
        if (loadKg <= 0) return LoadIncrementKg;
        var load = (decimal)loadKg;
        var increment = (decimal)LoadIncrementKg;
        var wanted = RoundUp(load * (1 + (decimal)options.LoadIncreasePercent / 100), increment);
        var cap = RoundDown(load * (1 + (decimal)options.MaxLoadIncreasePercent / 100), increment);
        var next = Math.Min(wanted, cap);
        if (next <= load) next = RoundDown(load, increment) + increment;
        return (double)next;
    }

    /// <summary>-10% rounded down to the increment; below one increment that is body weight (0).</summary>
    private double ReducedLoad(double loadKg, ProgressionOptions options)
    {
        var load = (decimal)loadKg;
        return (double)RoundDown(load * (1 - (decimal)options.LoadDecreasePercent / 100), (decimal)LoadIncrementKg);
    }

    private static decimal RoundUp(decimal value, decimal increment) => Math.Ceiling(value / increment) * increment;

    private static decimal RoundDown(decimal value, decimal increment) => Math.Floor(value / increment) * increment;

    // Ladder C. Below 3 sets a set is added first (the guides' 2×10 → 3×10); then reps 8, 10, 12; then the
    // next level, starting again at 3×8 (FACTS 3.5: a level change resets reps to rung 1).
    private Dose? RangeStepUp(Dose current)
    {
        if (current.Sets < FullSets) return current with { Sets = current.Sets + 1 };
        if (BelowTopRepStep(current.Reps)) return current with { Reps = RepSteps[RepStepIndex(current.Reps) + 1] };
        return current.Level < LevelCount ? current with { Level = current.Level + 1, Reps = RepSteps[0] } : null;
    }

    // Depth or step height comes down first, then reps, then a set: patellofemoral load rises with knee
    // flexion (FACTS 3.5, Escamilla 2009), so after a painful workout the range is what to take away.
    private static Dose RangeStepDown(Dose current)
    {
        if (current.Level > 1) return current with { Level = current.Level - 1 };
        var step = RepStepIndex(current.Reps);
        if (step > 0) return current with { Reps = RepSteps[step - 1] };
        return current with { Sets = Math.Max(current.Sets - 1, 1) };
    }
}
