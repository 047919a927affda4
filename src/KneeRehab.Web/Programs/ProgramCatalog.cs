using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Programs;

/// <summary>
/// Finds the program an enrollment follows: one of content/programs/, or one a physiotherapist built (kept in the
/// database as the same front matter, read by the same loader). Every page and the record look programs up here.
/// </summary>
public static class ProgramCatalog
{
    public static async Task<TrainingProgram?> FindProgramAsync(this KneeRehabDbContext db, ContentSnapshot content, string slug)
    {
        if (content.FindProgram(slug) is { } published) return published;
        if (!slug.StartsWith(ClinicProgram.SlugPrefix, StringComparison.Ordinal)) return null;
        var built = await db.ClinicPrograms.AsNoTracking().Where(p => p.Slug == slug).Select(p => p.Definition).FirstOrDefaultAsync();
        return built is null ? null : Read(built, content);
    }

    /// <summary>Several at once (the caseload): one query for the built ones among them.</summary>
    public static async Task<Dictionary<string, TrainingProgram>> FindProgramsAsync(this KneeRehabDbContext db, ContentSnapshot content, IEnumerable<string> slugs)
    {
        var found = new Dictionary<string, TrainingProgram>(StringComparer.Ordinal);
        var built = new List<string>();
        foreach (var slug in slugs.Distinct())
        {
            if (content.FindProgram(slug) is { } published) found[slug] = published;
            else if (slug.StartsWith(ClinicProgram.SlugPrefix, StringComparison.Ordinal)) built.Add(slug);
        }
        if (built.Count > 0)
            foreach (var row in await db.ClinicPrograms.AsNoTracking().Where(p => built.Contains(p.Slug)).Select(p => new { p.Slug, p.Definition }).ToListAsync())
                if (Read(row.Definition, content) is { } program) found[row.Slug] = program;
        return found;
    }

    /// <summary>
    /// A built program as the current content reads it. It passed the loader's checks when it was saved; should a guide
    /// it names be taken down later, it no longer reads, and the pages treat it as a program taken down.
    /// </summary>
    /// <remarks>
    /// /today and every save look the program up: the reading is kept per content snapshot and definition (a saved
    /// program never changes, and a content reload makes a new snapshot), up to <see cref="MostKept"/> a snapshot.
    /// </remarks>
    public static TrainingProgram? Read(string definition, ContentSnapshot content)
    {
        var kept = Readings.GetOrCreateValue(content);
        if (kept.TryGetValue(definition, out var program)) return program;
        if (kept.Count >= MostKept) kept.Clear();
        return kept[definition] = ContentLoader.ReadProgram(definition, content, []);
    }

    private const int MostKept = 1000;

    private static readonly ConditionalWeakTable<ContentSnapshot, ConcurrentDictionary<string, TrainingProgram?>> Readings = new();

    /// <summary>
    /// A built program as a file for content/programs/: the front matter under a slug made from its title (the
    /// <see cref="ClinicProgram.SlugPrefix"/> is kept for built programs), and its summary as the body.
    /// </summary>
    public static string ToMarkdown(TrainingProgram program) =>
        $"---\n{FrontMatterReader.Write(program.Meta with { Slug = FileSlug(program.Meta.Title) })}---\n\n{program.Meta.Summary}\n";

    /// <summary>"Knee after a fall (adapted)" → "knee-after-a-fall-adapted".</summary>
    public static string FileSlug(string title)
    {
        var words = System.Text.RegularExpressions.Regex.Split(title.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0);
        var slug = string.Join('-', words);
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        return slug.Length == 0 || slug.StartsWith(ClinicProgram.SlugPrefix, StringComparison.Ordinal) ? $"program-{slug}".TrimEnd('-') : slug;
    }
}
