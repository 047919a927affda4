namespace KneeRehab.Web.Content;

/// <summary>A validated program with its body rendered to HTML once, at load time.</summary>
public sealed record TrainingProgram(ProgramFrontMatter Meta, string BodyHtml)
{
    public string Slug => Meta.Slug;

    /// <summary>The phase a week of the program falls in (weeks count from 1); the last phase after the end.</summary>
    public ProgramPhase PhaseOfWeek(int week) =>
        Meta.Phases.FirstOrDefault(p => week >= p.FirstWeek && week <= p.LastWeek) ?? Meta.Phases[^1];
}
