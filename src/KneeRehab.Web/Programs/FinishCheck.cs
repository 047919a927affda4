using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Training;

namespace KneeRehab.Web.Programs;

/// <summary>
/// Part of <c>check-content</c>: a steady patient (every workout as prescribed, little pain, settled every
/// morning) must be able to finish every program. Each program is simulated for one and a half times the
/// sum of its phases' weeks; one that does not finish is reported with the phase and the exercises that held it.
/// </summary>
public static class FinishCheck
{
    public static IReadOnlyList<string> Problems(ContentLibrary library, ProgressionOptions options)
    {
        var simulator = new ProgramSimulator(library, options);
        var problems = new List<string>();
        foreach (var program in library.Current.Programs)
        {
            var weeks = (int)Math.Ceiling(program.Meta.Phases.Sum(p => p.MinimumWeeks) * 1.5);
            var result = simulator.RunAsync(program.Slug, PatientKind.Steady, weeks, seed: 1).GetAwaiter().GetResult();
            if (result.Outcome == SimulationOutcome.Finished) continue;
            var stuck = result.Transitions.LastOrDefault(t => t.Kind is TransitionKind.PhaseRepeated or TransitionKind.StoppedForReview);
            var phase = result.Table.Count > 0 ? result.Table[^1].Phase : "1";
            problems.Add($"programs/{program.Slug}.md: a steady patient cannot finish ({result.Summary}); phase {phase}: {stuck?.Note ?? "no phase change happened"}");
        }
        return problems;
    }
}
