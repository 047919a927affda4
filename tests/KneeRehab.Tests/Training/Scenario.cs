using KneeRehab.Web.Training;

namespace KneeRehab.Tests.Training;

/// <summary>
/// Builds engine inputs the way the fact sheet's test vectors read: a baseline morning pain of 2, a fixed
/// clock, and sessions that are green unless a test says otherwise.
/// </summary>
internal static class Scenario
{
    public const int Baseline = 2;

    public static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    public static ProgressionEngine Engine(ProgressionOptions? options = null) => new(options ?? new ProgressionOptions());

    /// <summary>Ladder A's rungs for a 3 s hold, by their fact-sheet names where they have one.</summary>
    public static readonly Dose A1x8 = new(1, 8, HoldSeconds: 3);
    public static readonly Dose A2x8 = new(2, 8, HoldSeconds: 3);
    public static readonly Dose A1 = new(2, 10, HoldSeconds: 3);
    public static readonly Dose A2 = new(3, 10, HoldSeconds: 3);
    public static readonly Dose A3 = new(3, 12, HoldSeconds: 3);
    public static readonly Dose A4 = new(3, 15, HoldSeconds: 3);

    public static readonly ExerciseLadder RepsLadder = new(LadderKind.Reps);

    /// <summary>
    /// A session done <paramref name="daysAgo"/> days before <see cref="Now"/>, logged at the same time of day.
    /// By default every rep and hold is done, pain is 2 during and 2 the next morning, and form is good: green.
    /// <paramref name="holdLogged"/> false logs no hold at all.
    /// </summary>
    public static LoggedSession Session(
        Dose prescribed,
        int daysAgo = 2,
        int pain = 2,
        int? morning = 2,
        int[]? reps = null,
        int? shortestHold = null,
        bool holdLogged = true,
        bool formOk = true,
        double? loggedHoursAgo = null) =>
        new(
            DateOnly.FromDateTime(Now.AddDays(-daysAgo)),
            Now.AddHours(-(loggedHoursAgo ?? daysAgo * 24)),
            prescribed,
            reps ?? [.. Enumerable.Repeat(prescribed.Reps, prescribed.Sets)],
            holdLogged ? shortestHold ?? (prescribed.HoldSeconds > 0 ? prescribed.HoldSeconds : null) : null,
            pain,
            morning,
            formOk);

    /// <summary>Two green sessions at <paramref name="dose"/>, 2 and 4 days ago: enough to progress.</summary>
    public static LoggedSession[] TwoGreens(Dose dose, int newestDaysAgo = 2) =>
        [Session(dose, daysAgo: newestDaysAgo), Session(dose, daysAgo: newestDaysAgo + 2)];

    /// <summary>An input for one exercise; <paramref name="recent"/> newest first.</summary>
    public static EngineInput Input(
        Dose current,
        IEnumerable<LoggedSession> recent,
        ExerciseLadder? ladder = null,
        IEnumerable<RedFlag>? flags = null,
        IEnumerable<double>? weekly = null,
        int baseline = Baseline,
        DateTime? now = null) =>
        new(ladder ?? RepsLadder, current, [.. recent], baseline, [.. flags ?? []], [.. weekly ?? []], now ?? Now);

    public static Decision Decide(
        Dose current,
        IEnumerable<LoggedSession> recent,
        ExerciseLadder? ladder = null,
        IEnumerable<RedFlag>? flags = null,
        IEnumerable<double>? weekly = null,
        ProgressionOptions? options = null) =>
        Engine(options).Decide(Input(current, recent, ladder, flags, weekly));
}
