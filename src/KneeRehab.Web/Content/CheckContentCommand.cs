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
        return result.IsValid ? 0 : 1;
    }
}
