using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KneeRehab.Web.Content;

/// <summary>The one Markdown pipeline every content file goes through, built once and shared.</summary>
public static class ContentMarkdown
{
    /// <summary>Raw HTML is disabled: a content file can never inject live markup or script.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UseYamlFrontMatter()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string text) => Markdown.Parse(text, Pipeline);

    public static string ToHtml(MarkdownDocument document) => document.ToHtml(Pipeline);

    /// <summary>The front matter's YAML and the file line it starts on, or null when the file has none.</summary>
    public static (string Yaml, int FirstLine)? FrontMatter(MarkdownDocument document)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null) return null;
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()).Where(l => l.TrimEnd() is not ("---" or "..."));
        return (string.Join('\n', lines), block.Line + 2);
    }

    public static IEnumerable<string> Headings(MarkdownDocument document, int level) =>
        document.OfType<HeadingBlock>().Where(h => h.Level == level).Select(Text);

    public static string Text(HeadingBlock heading) =>
        heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    public static IEnumerable<string> LinkTargets(MarkdownDocument document) =>
        document.Descendants<LinkInline>().Where(l => !l.IsImage && l.Url is not null).Select(l => l.Url!);
}
