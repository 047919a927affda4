namespace KneeRehab.Web.Content;

/// <summary>The YAML front matter of a plain page (<c>content/pages/&lt;slug&gt;.md</c>).</summary>
public sealed record PageFrontMatter
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
}
