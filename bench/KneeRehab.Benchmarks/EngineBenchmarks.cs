using BenchmarkDotNet.Attributes;
using KneeRehab.Web.Training;

namespace KneeRehab.Benchmarks;

/// <summary>
/// The engine's decision after a workout, with a short history and with years of sessions of the exercise: the
/// rules look at the latest sessions, so the cost should not grow with the years.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private readonly ProgressionEngine _engine = new(new ProgressionOptions());
    private EngineInput _input = null!;

    [Params(10, 3650)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dose = new Dose(3, 10);
        var sessions = Enumerable.Range(0, Sessions)
            .Select(i => new LoggedSession(Today.AddDays(-i), Today.AddDays(-i).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), dose, [10, 10, 10], null, 1, i == 0 ? null : 1, true))
            .ToList();
        _input = new EngineInput(new ExerciseLadder(LadderKind.Reps), dose, sessions, 1, [], [1.0, 1.0], Today.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc));
    }

    [Benchmark(Description = "decide the next dose of one exercise")]
    public Decision Decide() => _engine.Decide(_input);
}
