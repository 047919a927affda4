namespace KneeRehab.Web.Data;

/// <summary>A user's saved list of exercises ("my morning routine"), added to a workout in one tap.</summary>
public sealed class ExerciseList
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Guide slugs in order.</summary>
    public List<string> Slugs { get; set; } = [];
}
