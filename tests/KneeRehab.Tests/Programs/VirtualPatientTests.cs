using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;

namespace KneeRehab.Tests.Programs;

/// <summary>
/// Virtual patients walked through every program with the app's own planner and record (a real SQLite
/// database, a simulated calendar): behaviour over whole programs, not just the first two weeks.
/// </summary>
public class VirtualPatientTests
{
    private static readonly ProgressionOptions Options = new();

    private static readonly ContentLibrary Library = Load();

    private static ContentLibrary Load()
    {
        var root = ContentOptions.DefaultRoot();
        return new ContentLibrary(ContentLoader.Load(root).Snapshot!, root, Options);
    }

    public static TheoryData<string> Programs => new(Library.Current.Programs.Select(p => p.Slug));

    private static int MinimumWeeks(string slug) => Library.Current.FindProgram(slug)!.Meta.Phases.Sum(p => p.MinimumWeeks);

    private static Task<SimulationResult> SimulateAsync(string slug, PatientKind patient, int seed = 1) =>
        new ProgramSimulator(Library, Options).RunAsync(slug, patient, weeks: (int)Math.Ceiling(MinimumWeeks(slug) * 1.5) + 2, seed);

    [Fact]
    public void There_are_five_programs_to_walk() => Assert.Equal(5, Programs.Count);

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task A_steady_patient_finishes_within_the_phases_weeks_and_one_and_a_half_times_that(string slug)
    {
        var result = await SimulateAsync(slug, PatientKind.Steady);

        Assert.Equal(SimulationOutcome.Finished, result.Outcome);
        Assert.InRange(result.Weeks, MinimumWeeks(slug), MinimumWeeks(slug) * 1.5);
        var phases = Library.Current.FindProgram(slug)!.Meta.Phases.Count;
        Assert.Equal(phases - 1, result.Transitions.Count(t => t.Kind == TransitionKind.PhaseAdvanced));
        Assert.Single(result.Transitions, t => t.Kind == TransitionKind.Finished);
        Assert.DoesNotContain(result.Transitions, t => t.Kind is TransitionKind.PhaseRepeated or TransitionKind.StoppedForReview);
        Assert.DoesNotContain(result.Decisions, d => d.Kind is DecisionKind.Regress or DecisionKind.Stop);
        Assert.EndsWith($"result: finished in {result.Weeks} weeks", ProgramSimulator.Format(result));
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task A_flare_is_stepped_down_with_the_reason_and_nothing_progresses_while_morning_pain_is_up(string slug)
    {
        var result = await SimulateAsync(slug, PatientKind.Flare);

        var flare = result.Workouts.Where(w => w.Exercises.Any(e => e.PainDuring >= 6)).ToList();
        Assert.NotEmpty(flare);
        var afterFlare = result.Decisions.Where(d => d.WorkoutId == flare[0].Id).ToList();
        var steppable = afterFlare.Where(d => Library.Current.FindGuide(d.ExerciseSlug)!.Meta.Ladder != "fixed").ToList();
        Assert.NotEmpty(steppable);
        Assert.All(steppable, d =>
        {
            Assert.Equal(DecisionKind.Regress, d.Kind);
            Assert.Contains(Reason.RedPainDuring, d.ReasonCodes);
            Assert.Contains("6/10", d.Message);
        });

        var soreMornings = result.Workouts.Where(w => w.PainNextMorning > ProgramSimulator.BaselineMorningPain + Options.SettledRise).Select(w => w.Id).ToHashSet();
        Assert.NotEmpty(soreMornings);
        Assert.DoesNotContain(result.Decisions, d => d.WorkoutId is { } id && soreMornings.Contains(id) && d.Kind == DecisionKind.Progress);
        Assert.NotEqual(SimulationOutcome.NotFinished, result.Outcome);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task After_two_and_a_half_weeks_away_every_exercise_resumes_one_rung_lower(string slug)
    {
        var result = await SimulateAsync(slug, PatientKind.Gappy);

        var back = Assert.Single(result.Transitions, t => t.Kind == TransitionKind.ResumedAfterBreak);
        // The pause is on record from the day the break became longer than the rule allows.
        var lastBefore = result.Workouts.Last(w => w.Date < back.Date).Date;
        var paused = Assert.Single(result.Transitions, t => t.Kind == TransitionKind.PausedForBreak);
        Assert.Equal(lastBefore.AddDays(Options.GapDays + 1), paused.Date);
        var resumed = result.Decisions.Where(d => d.WorkoutId is null && d.Date == back.Date).ToList();
        Assert.NotEmpty(resumed);
        foreach (var decision in resumed)
        {
            Assert.Contains(Reason.Gap, decision.ReasonCodes);
            var before = result.Decisions.Last(d => d.ExerciseSlug == decision.ExerciseSlug && d.Id < decision.Id).Next.ToDose();
            var now = decision.Next.ToDose();
            Assert.True(now.IsLowerThan(before) || decision.ReasonCodes.Contains(Reason.BottomOfLadder), $"{decision.ExerciseSlug}: {now} after {before}");
        }
        // The workout on the day back was prescribed exactly those doses.
        var firstBack = result.Workouts.First(w => w.Date == back.Date);
        foreach (var decision in resumed)
            Assert.All(firstBack.Exercises.Where(e => e.ExerciseSlug == decision.ExerciseSlug), e => Assert.Equal(decision.Next, e.Prescribed));
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task A_warning_sign_in_week_3_stops_the_program_with_the_advice(string slug)
    {
        var result = await SimulateAsync(slug, PatientKind.RedFlag);

        Assert.Equal(SimulationOutcome.Stopped, result.Outcome);
        Assert.Equal(3, result.Weeks);
        Assert.Contains("B_LOCKING", result.Reason);
        Assert.Contains(RedFlagScreen.Advice(RedFlagUrgency.Urgent), result.Reason);
        Assert.DoesNotContain(result.Workouts, w => w.Date > result.Transitions.Single(t => t.Kind == TransitionKind.Paused).Date);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task A_bad_knee_day_every_week_still_finishes(string slug)
    {
        var result = await SimulateAsync(slug, PatientKind.BadDays);

        Assert.Equal(SimulationOutcome.Finished, result.Outcome);
        Assert.InRange(result.Weeks, MinimumWeeks(slug), MinimumWeeks(slug) * 1.5);
        Assert.True(result.Workouts.Count(w => w.BadKneeDay) >= MinimumWeeks(slug) - 1);
    }

    /// <summary>
    /// Every milestone the virtual patient reached, checked against what was logged: rungs in order from the first,
    /// each reached only when its pain, morning, days and phase criteria held on that day.
    /// </summary>
    [Theory]
    [MemberData(nameof(Programs))]
    public async Task Milestones_open_in_order_only_when_their_criteria_held_for_steady_and_flaring_patients(string slug)
    {
        var ladder = Library.Current.FindProgram(slug)!.Meta.Milestones;
        Assert.NotEmpty(ladder);
        foreach (var patient in new[] { PatientKind.Steady, PatientKind.Flare })
        {
            var result = await SimulateAsync(slug, patient);
            Assert.NotEmpty(result.Milestones);
            Assert.Equal([.. Enumerable.Range(0, result.Milestones.Count)], result.Milestones.Select(m => m.Rung));
            Assert.Contains($"milestone reached: {result.Milestones[0].Activity}", ProgramSimulator.Format(result));
            var previous = result.Workouts.Min(w => w.Date);
            foreach (var milestone in result.Milestones)
            {
                var rung = ladder[milestone.Rung];
                Assert.Equal(rung.Activity, milestone.Activity);
                var before = result.Workouts.Where(w => w.Date <= milestone.ReachedOn).OrderByDescending(w => w.Date).ThenByDescending(w => w.CreatedUtc).ToList();
                foreach (var criterion in rung.Criteria)
                {
                    var why = $"{patient} {slug} '{rung.Activity}' on {milestone.ReachedOn}: {criterion.Kind}";
                    switch (criterion.Kind)
                    {
                        case MilestoneCriterionSpec.PainDuringAtMost:
                            Assert.True(before.Count >= criterion.Workouts, why);
                            Assert.All(before.Take(criterion.Workouts), w => Assert.True(w.Exercises.Max(e => e.PainDuring) <= criterion.Value, why));
                            break;
                        case MilestoneCriterionSpec.MorningSettled:
                            Assert.All(before.Take(criterion.Workouts), w => Assert.True(w.PainNextMorning <= ProgramSimulator.BaselineMorningPain + Options.SettledRise, why));
                            break;
                        case MilestoneCriterionSpec.DaysSincePrevious:
                            Assert.True(milestone.ReachedOn.DayNumber - previous.DayNumber >= criterion.Value, why);
                            break;
                        case MilestoneCriterionSpec.PhaseReached:
                            Assert.Contains(result.Transitions, t => t.Date <= milestone.ReachedOn && (t.PhaseIndex + 1 >= criterion.Value || t.Kind == TransitionKind.Finished));
                            break;
                        case MilestoneCriterionSpec.ProgramFinished:
                            Assert.Contains(result.Transitions, t => t.Kind == TransitionKind.Finished && t.Date <= milestone.ReachedOn);
                            break;
                    }
                }
                previous = milestone.ReachedOn;
            }
            if (patient == PatientKind.Flare)
            {
                // The flare's painful workouts (days 14-19) open no rung that looks at pain during exercise.
                var flare = (From: result.Workouts.Min(w => w.Date).AddDays(14), To: result.Workouts.Min(w => w.Date).AddDays(19));
                Assert.DoesNotContain(result.Milestones, m => m.ReachedOn >= flare.From && m.ReachedOn <= flare.To
                    && ladder[m.Rung].Criteria.Any(c => c.Kind == MilestoneCriterionSpec.PainDuringAtMost && c.Value < 5));
            }
        }
    }

    [Fact]
    public async Task The_return_to_running_program_is_offered_after_runners_knee_and_a_steady_runner_climbs_its_walk_run_patterns()
    {
        var program = Library.Current.FindProgram("return-to-running")!;
        Assert.Equal(["runners-knee"], program.Meta.SuggestedAfter);
        Assert.Contains("running", program.Meta.SuggestedForGoals);
        Assert.Equal("return-to-running", Assert.Single(ProgramSuggestions.For(Library.Current, "runners-knee", null)).Program.Slug);

        var result = await SimulateAsync("return-to-running", PatientKind.Steady);

        Assert.Equal(SimulationOutcome.Finished, result.Outcome);
        var walkRun = result.Decisions.Where(d => d.ExerciseSlug == "walk-run-intervals").Select(d => d.Next.Level).ToList();
        Assert.True(walkRun.Max() > walkRun.Min(), "the walk-run pattern moves up");
        Assert.Contains(result.Decisions, d => d.ExerciseSlug == "walk-run-intervals" && d.Kind == DecisionKind.Progress && d.Message.Contains("(level", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patient_who_does_80_percent_of_the_reps_never_steps_up_and_is_sent_for_review()
    {
        var result = await SimulateAsync("runners-knee", PatientKind.Slow, seed: 7);

        Assert.DoesNotContain(result.Decisions, d => d.Kind == DecisionKind.Progress);
        Assert.Equal(SimulationOutcome.Stopped, result.Outcome);
        Assert.Contains("PHASE_REVIEW", result.Reason);
    }

    [Fact]
    public async Task The_leg_press_starts_from_the_weight_the_patient_entered_and_climbs_in_the_machines_steps()
    {
        // The virtual patient enters 40 kg in their first leg-press workout (a weight they could lift about 15 times).
        var result = await SimulateAsync("early-knee-osteoarthritis", PatientKind.Steady);

        var legPress = result.Decisions.Where(d => d.ExerciseSlug == "leg-press").Select(d => d.Next.ToDose()).ToList();
        Assert.NotEmpty(legPress);
        Assert.Equal(40, legPress[0].LoadKg);
        var step = Library.Current.FindGuide("leg-press")!.Meta.LoadIncrementKg!.Value;
        Assert.All(legPress.Zip(legPress.Skip(1)), pair =>
            Assert.True(pair.Second.LoadKg == pair.First.LoadKg || (pair.Second.LoadKg - pair.First.LoadKg) % step == 0, $"{pair.First} → {pair.Second}"));
    }

    [Fact]
    public async Task The_same_patient_and_seed_give_the_same_record()
    {
        var first = await SimulateAsync("whole-chain-knee", PatientKind.Slow, seed: 3);
        var second = await SimulateAsync("whole-chain-knee", PatientKind.Slow, seed: 3);

        Assert.Equal(ProgramSimulator.Format(first), ProgramSimulator.Format(second));
        Assert.Equal(first.Decisions.Select(d => (d.Date, d.ExerciseSlug, d.Kind, d.Next, d.Reasons)), second.Decisions.Select(d => (d.Date, d.ExerciseSlug, d.Kind, d.Next, d.Reasons)));
    }

    [Fact]
    public void The_simulate_command_prints_the_week_table_and_the_result()
    {
        using var output = new StringWriter();

        var exit = SimulateCommand.Run(["simulate", "inner-range-quadriceps", "--patient", "steady", "--weeks", "12"], output);

        Assert.Equal(0, exit);
        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.StartsWith("week | phase |", lines[1]);
        Assert.StartsWith("1 | 1 Switch on |", lines[2]);
        Assert.Matches(@"^result: finished in \d+ weeks$", lines[^1].TrimEnd());
    }

    [Theory]
    [InlineData("no-such-program", "steady", "No program 'no-such-program'")]
    [InlineData("runners-knee", "sometimes", "Unknown patient kind 'sometimes'")]
    public void The_simulate_command_explains_a_bad_argument(string program, string patient, string message)
    {
        using var output = new StringWriter();

        var exit = SimulateCommand.Run(["simulate", program, "--patient", patient], output);

        Assert.Equal(2, exit);
        Assert.Contains(message, output.ToString());
    }
}
