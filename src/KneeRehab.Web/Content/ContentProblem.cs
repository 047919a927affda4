namespace KneeRehab.Web.Content;

/// <summary>One thing wrong with a content file: which file, which field, what is wrong.</summary>
public sealed record ContentProblem(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}
