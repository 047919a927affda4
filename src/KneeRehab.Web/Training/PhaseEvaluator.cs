namespace KneeRehab.Web.Training;

/// <summary>What happens to a program phase (FACTS 4.3).</summary>
public enum PhaseOutcome
{
    /// <summary>The exit criterion is met and the minimum weeks have passed: the next phase opens.</summary>
    Advance,

    /// <summary>Keep going: the minimum weeks have not passed yet.</summary>
    Stay,

    /// <summary>The weeks are over without meeting the criterion: the phase starts again.</summary>
    Repeat,

    /// <summary>It would start a third time: suggest a clinician review instead.</summary>
    Review,
}

/// <summary>
/// A phase's exit criterion: the last <see cref="GreenWorkouts"/> sessions of every exercise green, at a
/// prescription of at least <see cref="MinSets"/> × <see cref="MinReps"/> (FACTS 3.5: "2 GREEN at ≥ A2", 3×10).
/// </summary>
public sealed record PhaseExitRule(int GreenWorkouts = 2, int MinSets = 3, int MinReps = 10);

/// <summary>A session as the phase sees it: what was prescribed, and the engine's class.</summary>
public sealed record ClassifiedSession(Dose Prescribed, SessionClass Class);

/// <summary>One exercise of the phase and its sessions in the phase, newest first.</summary>
public sealed record PhaseExercise(LadderKind Ladder, IReadOnlyList<ClassifiedSession> Sessions);

/// <param name="MinimumWeeks">The weeks the phase lasts at least.</param>
/// <param name="WeeksInPhase">Whole weeks spent in this run of the phase.</param>
/// <param name="TimesRepeated">How often the phase has already started again.</param>
public sealed record PhaseProgress(
    int MinimumWeeks,
    int WeeksInPhase,
    PhaseExitRule Exit,
    int TimesRepeated,
    IReadOnlyList<PhaseExercise> Exercises);

/// <summary>Decides when a program phase ends (FACTS 4.3). Pure, like the engine.</summary>
public static class PhaseEvaluator
{
    /// <summary>"After 2 repeats the app suggests a clinician review."</summary>
    public const int RepeatsBeforeReview = 2;

    public static PhaseOutcome Evaluate(PhaseProgress phase)
    {
        if (phase.Exercises.Count == 0)
            throw new ArgumentException("A phase without exercises has nothing to meet its exit criterion with.", nameof(phase));
        if (phase.Exit.GreenWorkouts < 1)
            throw new ArgumentException("The exit criterion needs at least one green workout.", nameof(phase));

        if (phase.WeeksInPhase < phase.MinimumWeeks) return PhaseOutcome.Stay;
        if (phase.Exercises.All(e => MeetsExit(e, phase.Exit))) return PhaseOutcome.Advance;
        return phase.TimesRepeated >= RepeatsBeforeReview ? PhaseOutcome.Review : PhaseOutcome.Repeat;
    }

    /// <summary>
    /// True when the exercise's last sessions are green at the rule's minimum or harder. "Harder" is the dose
    /// order every ladder agrees with (<see cref="Dose.IsLowerThan"/>): a deeper level or a load counts even at
    /// 8 reps, since a new level or load starts again low; at level 1 without load, the sets × reps must reach
    /// the minimum's volume ("≥ A2, 30 good-form reps in a workout", FACTS 3.5). A stretch or mobility drill
    /// (ladder D) has a fixed dose such as 4 × 30 s that never reaches 3×10, so for it the green sessions are enough.
    /// </summary>
    public static bool MeetsExit(PhaseExercise exercise, PhaseExitRule exit)
    {
        var minimum = new Dose(exit.MinSets, exit.MinReps);
        var last = exercise.Sessions.Take(exit.GreenWorkouts).ToList();
        return last.Count == exit.GreenWorkouts
            && last.All(s => s.Class == SessionClass.Green
                && (exercise.Ladder == LadderKind.Fixed || !s.Prescribed.IsLowerThan(minimum)));
    }

    /// <summary>True while a session the exit looks at still waits for its next-morning pain: the phase cannot be judged yet.</summary>
    public static bool AwaitsMorningPain(PhaseExercise exercise, PhaseExitRule exit) =>
        exercise.Sessions.Take(exit.GreenWorkouts).Any(s => s.Class == SessionClass.Pending);
}
