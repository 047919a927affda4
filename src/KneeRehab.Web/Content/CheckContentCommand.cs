namespace KneeRehab.Web.Content;

/// <summary><c>dotnet run --project src/KneeRehab.Web -- check-content [folder]</c>: validate content without starting the site.</summary>
public static class CheckContentCommand
{
    public const string Name = "check-content";

    public static int Run(string[] args, TextWriter output)
    {
        var root = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? Path.GetFullPath(args[1]) : ContentOptions.DefaultRoot();
        // The thresholds the site runs with: the rules' text and the finish check both depend on them.
        var options = Programs.ProgramsRegistration.ProgressionOptionsFor(args);
        var result = ContentLoader.Load(root, options);
        output.WriteLine(result.Report());
        if (!result.IsValid) return 1;
        var unfinished = Programs.FinishCheck.Problems(new ContentLibrary(result.Snapshot!, root, options), options);
        foreach (var problem in unfinished) output.WriteLine(problem);
        if (unfinished.Count == 0) output.WriteLine("Every program can be finished by a steady patient.");
        return unfinished.Count == 0 ? 0 : 1;
    }
}
