namespace KneeRehab.Web.Content;

/// <summary>A plain page (evidence, safety) with its body rendered to HTML once, at load time.</summary>
public sealed record ContentPage(PageFrontMatter Meta, string BodyHtml);
