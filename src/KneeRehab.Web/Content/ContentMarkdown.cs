using System.Globalization;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
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

    /// <summary>
    /// The body split at its second-level headings, each part rendered on its own with the same pipeline
    /// (heading ids included), so a page can show the parts in another order than the file's.
    /// </summary>
    public static IReadOnlyList<GuideSection> Sections(MarkdownDocument document)
    {
        var sections = new List<GuideSection>();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        HeadingBlock? heading = null;

        void Close()
        {
            var html = writer.ToString();
            if (heading is not null || !string.IsNullOrWhiteSpace(html))
                sections.Add(new(heading is null ? null : Text(heading), heading?.GetAttributes().Id, html));
            writer.GetStringBuilder().Clear();
        }

        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock) continue;
            if (block is HeadingBlock { Level: 2 } next)
            {
                Close();
                heading = next;
            }
            renderer.Render(block);
        }
        Close();
        return sections;
    }

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
