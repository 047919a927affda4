namespace KneeRehab.Web.Content;

/// <summary>The <c>Content</c> configuration section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder. Empty: the repository's content/ folder, found from the app's location.</summary>
    public string? Root { get; set; }

    /// <summary>
    /// The default content folder: the nearest content/ folder above the app's binaries. That is the
    /// repository's folder for <c>dotnet run</c> from anywhere, and the copy beside a published app.
    /// </summary>
    public static string DefaultRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, ContentLoader.ExercisesFolder))) return candidate;
        }
        throw new InvalidOperationException($"No content/ folder found above {AppContext.BaseDirectory}; set Content:Root.");
    }

    public string ResolveRoot(string basePath) =>
        string.IsNullOrWhiteSpace(Root) ? DefaultRoot() : Path.GetFullPath(Root, basePath);
}
