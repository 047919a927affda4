namespace KneeRehab.Benchmarks;

/// <summary>The repository's folders, found from the build output (bench/KneeRehab.Benchmarks/bin/...).</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    public static string Content => Path.Combine(Root, "content");

    private static string Find(string folder) =>
        File.Exists(Path.Combine(folder, "KneeRehab.sln")) ? folder
        : Directory.GetParent(folder) is { } parent ? Find(parent.FullName)
        : throw new InvalidOperationException("KneeRehab.sln not found above " + AppContext.BaseDirectory);
}
