using KneeRehab.Web.Training;
using static KneeRehab.Tests.Training.Scenario;

namespace KneeRehab.Tests.Training;

/// <summary>Impossible input fails loudly instead of producing a dose that looks real.</summary>
public class InputCheckTests
{
    public static TheoryData<string> BadInputs =>
    [
        "pain during 11", "pain during -1", "next morning 11", "baseline 11", "baseline -1",
        "current 0 sets", "current 0 reps", "current negative load", "current level 0", "current NaN load",
        "prescribed 0 sets", "negative completed reps", "negative hold",
        "load increment 0", "load increment NaN", "level count 0", "rep goal 0",
        "weekly mean 11", "weekly mean NaN", "red flag without a code",
    ];

    private static EngineInput Bad(string name)
    {
        var valid = Input(A2, [Session(A2)]);
        return name switch
        {
            "pain during 11" => valid with { Recent = [Session(A2, pain: 11)] },
            "pain during -1" => valid with { Recent = [Session(A2, pain: -1)] },
            "next morning 11" => valid with { Recent = [Session(A2, morning: 11)] },
            "baseline 11" => valid with { BaselineMorningPain = 11 },
            "baseline -1" => valid with { BaselineMorningPain = -1 },
            "current 0 sets" => valid with { Current = A2 with { Sets = 0 } },
            "current 0 reps" => valid with { Current = A2 with { Reps = 0 } },
            "current negative load" => valid with { Current = A2 with { LoadKg = -1 } },
            "current level 0" => valid with { Current = A2 with { Level = 0 } },
            "current NaN load" => valid with { Current = A2 with { LoadKg = double.NaN } },
            "prescribed 0 sets" => valid with { Recent = [Session(A2) with { Prescribed = A2 with { Sets = 0 } }] },
            "negative completed reps" => valid with { Recent = [Session(A2, reps: [10, 10, -1])] },
            "negative hold" => valid with { Recent = [Session(A2, shortestHold: -1)] },
            "load increment 0" => valid with { Ladder = new ExerciseLadder(LadderKind.Load, LoadIncrementKg: 0) },
            "load increment NaN" => valid with { Ladder = new ExerciseLadder(LadderKind.Load, LoadIncrementKg: double.NaN) },
            "level count 0" => valid with { Ladder = new ExerciseLadder(LadderKind.Range, LevelCount: 0) },
            "rep goal 0" => valid with { Ladder = new ExerciseLadder(LadderKind.Reps, RepGoal: 0) },
            "weekly mean 11" => valid with { WeeklyMorningPainMeans = [11] },
            "weekly mean NaN" => valid with { WeeklyMorningPainMeans = [double.NaN, 2] },
            "red flag without a code" => valid with { RedFlags = [new RedFlag(" ", RedFlagUrgency.Prompt)] },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Decide_refuses_impossible_input(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => Engine().Decide(Bad(name)));

    [Fact]
    public void The_valid_input_the_bad_ones_start_from_is_accepted() =>
        Assert.Equal(DecisionKind.Hold, Engine().Decide(Input(A2, [Session(A2)])).Kind);

    [Fact]
    public void Classify_refuses_impossible_pain()
    {
        Assert.ThrowsAny<ArgumentException>(() => Engine().Classify(Session(A2, pain: 11), Baseline, Now));
        Assert.ThrowsAny<ArgumentException>(() => Engine().Classify(Session(A2), 11, Now));
    }
}
