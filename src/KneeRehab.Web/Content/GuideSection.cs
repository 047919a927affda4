namespace KneeRehab.Web.Content;

/// <summary>
/// One part of a guide's body: a second-level heading and what follows it up to the next one, as HTML.
/// Text before the first heading is a section without a heading.
/// </summary>
public sealed record GuideSection(string? Heading, string? Id, string Html);
