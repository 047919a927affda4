using KneeRehab.Web.Training;
using static KneeRehab.Tests.Training.Scenario;

namespace KneeRehab.Tests.Training;

/// <summary>The same input always gives an equal decision (FACTS 3.1).</summary>
public class DeterminismTests
{
    /// <summary>Inputs that exercise different rules, so that each is checked for determinism.</summary>
    private static readonly string[] CaseNames = ["progress", "amber", "red", "severe", "gap", "fail", "weekly", "stop", "flags", "pending"];

    public static TheoryData<string> Cases => [.. CaseNames];

    private static EngineInput Case(string name) => name switch
    {
        "progress" => Input(A2, [.. TwoGreens(A2), Session(A2, daysAgo: 6, pain: 5), Session(A1, daysAgo: 8), Session(A1, daysAgo: 10)]),
        "amber" => Input(A2, [Session(A2, daysAgo: 2, pain: 4, morning: 4, formOk: false), .. TwoGreens(A2, newestDaysAgo: 4)]),
        "red" => Input(A2, [Session(A2, daysAgo: 2, pain: 6), .. TwoGreens(A2, newestDaysAgo: 4), Session(A2, daysAgo: 8, pain: 7)]),
        "severe" => Input(A2, [Session(A2, daysAgo: 2, pain: 2, morning: 6), Session(A2, daysAgo: 4, pain: 4)]),
        "gap" => Input(A4, TwoGreens(A4, newestDaysAgo: 20)),
        "fail" => Input(A2, Enumerable.Range(0, 4).Select(i => Session(A2, daysAgo: 2 + 2 * i, reps: [10, 5, 5]))),
        "weekly" => Input(A2, TwoGreens(A2), weekly: [3.2, 2.0, 2.0]),
        "stop" => Input(A2, [Session(A2, daysAgo: 2, pain: 7), Session(A2, daysAgo: 4), Session(A2, daysAgo: 6, pain: 8)]),
        "flags" => Input(A2, TwoGreens(A2), flags:
        [
            new RedFlag("C_NIGHT_PAIN", RedFlagUrgency.Prompt),
            new RedFlag("B_LOCKING", RedFlagUrgency.Urgent),
            new RedFlag("B_GIVING_WAY", RedFlagUrgency.Urgent),
        ]),
        "pending" => Input(A2, [Session(A2, daysAgo: 1, morning: null, loggedHoursAgo: 20), .. TwoGreens(A2, newestDaysAgo: 3)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        var random = new Random(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_same_input_gives_an_equal_decision_twice_and_from_a_second_engine(string name)
    {
        var input = Case(name);
        var engine = Engine();

        var first = engine.Decide(input);
        var second = engine.Decide(input);
        var fromAnotherEngine = Engine().Decide(Case(name));

        Assert.Equal(first, second);
        Assert.Equal(first, fromAnotherEngine);
        Assert.Equal(first.GetHashCode(), fromAnotherEngine.GetHashCode());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shuffled_then_resorted_sessions_and_red_flags_give_the_same_decision(string name)
    {
        var input = Case(name);
        var expected = Engine().Decide(input);

        for (var seed = 1; seed <= 20; seed++)
        {
            var resorted = input with
            {
                Recent = [.. Shuffled(input.Recent, seed).OrderByDescending(s => s.Date).ThenByDescending(s => s.LoggedUtc)],
                RedFlags = Shuffled(input.RedFlags, seed),
            };
            Assert.Equal(expected, Engine().Decide(resorted));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shuffled_sessions_give_the_same_decision_even_unsorted(string name)
    {
        var input = Case(name);
        var expected = Engine().Decide(input);

        for (var seed = 1; seed <= 20; seed++)
            Assert.Equal(expected, Engine().Decide(input with { Recent = Shuffled(input.Recent, seed) }));
    }

    [Fact]
    public void The_cases_cover_every_kind_of_decision()
    {
        var kinds = CaseNames.Select(c => Engine().Decide(Case(c)).Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<DecisionKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void Decisions_with_equal_contents_in_different_lists_are_equal()
    {
        var a = new Decision(DecisionKind.Hold, A2, new List<string> { "AMBER_PAIN", "FORM" }, "m");
        var b = new Decision(DecisionKind.Hold, A2 with { }, ["AMBER_PAIN", "FORM"], "m");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Decisions_differing_in_any_part_are_not_equal()
    {
        var a = new Decision(DecisionKind.Hold, A2, ["AMBER_PAIN", "FORM"], "m");

        Assert.NotEqual(a, a with { Reasons = ["FORM", "AMBER_PAIN"] });
        Assert.NotEqual(a, a with { Reasons = ["AMBER_PAIN"] });
        Assert.NotEqual(a, a with { Kind = DecisionKind.Regress });
        Assert.NotEqual(a, a with { Next = A1 });
        Assert.NotEqual(a, a with { Next = null });
        Assert.NotEqual(a, a with { Message = "n" });
        Assert.NotEqual(a, a with { RestDay = true });
        Assert.False(a.Equals(null));
    }
}
