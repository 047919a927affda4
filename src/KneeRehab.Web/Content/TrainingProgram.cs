namespace KneeRehab.Web.Content;

/// <summary>A validated program with its body rendered to HTML once, at load time.</summary>
public sealed record TrainingProgram(ProgramFrontMatter Meta, string BodyHtml)
{
    public string Slug => Meta.Slug;

    /// <summary>The phase a week of the program falls in (weeks count from 1); the last phase after the end.</summary>
    public ProgramPhase PhaseOfWeek(int week) =>
        Meta.Phases.FirstOrDefault(p => week >= p.FirstWeek && week <= p.LastWeek) ?? Meta.Phases[^1];

    /// <summary>Days between workouts: 3 a week is every other day.</summary>
    public int SpacingDays => Math.Max(1, 7 / Meta.WorkoutsPerWeek);

    /// <summary>The workout days of the program started on <paramref name="start"/>, up to <paramref name="until"/> and the program's end.</summary>
    public IEnumerable<DateOnly> PlannedDays(DateOnly start, DateOnly until)
    {
        var end = start.AddDays(Meta.Weeks * 7);
        for (var day = start; day < end && day <= until; day = day.AddDays(SpacingDays)) yield return day;
    }
}
