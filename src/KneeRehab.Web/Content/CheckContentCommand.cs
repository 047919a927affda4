namespace KneeRehab.Web.Content;

/// <summary><c>dotnet run --project src/KneeRehab.Web -- check-content [folder]</c>: validate content without starting the site.</summary>
public static class CheckContentCommand
{
    public const string Name = "check-content";

    public static int Run(string[] args, TextWriter output)
    {
        var root = args.Length > 1 ? Path.GetFullPath(args[1]) : ContentOptions.DefaultRoot();
        var result = ContentLoader.Load(root);
        output.WriteLine(result.Report());
        if (!result.IsValid) return 1;
        var options = new Training.ProgressionOptions();
        var unfinished = Programs.FinishCheck.Problems(new ContentLibrary(result.Snapshot!, root, options), options);
        foreach (var problem in unfinished) output.WriteLine(problem);
        if (unfinished.Count == 0) output.WriteLine("Every program can be finished by a steady patient.");
        return unfinished.Count == 0 ? 0 : 1;
    }
}
