using KneeRehab.Web.Content;
using KneeRehab.Web.Training;

namespace KneeRehab.Web.Programs;

/// <summary>
/// <c>dotnet run --project src/KneeRehab.Web -- simulate &lt;program&gt; --patient &lt;kind&gt; [--weeks N] [--seed S] [--content DIR]</c>:
/// walks a virtual patient through a program and prints the week-by-week table and the result.
/// </summary>
public static class SimulateCommand
{
    public const string Name = "simulate";

    private const string Usage = "usage: simulate <program> --patient steady|flare|slow|gappy|red-flag|bad-days [--weeks N] [--seed S] [--content DIR]";

    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine(Usage);
            return 2;
        }
        var patientText = Option(args, "--patient") ?? "steady";
        if (!TryParsePatient(patientText, out var patient))
        {
            output.WriteLine($"Unknown patient kind '{patientText}'. {Usage}");
            return 2;
        }
        if (!int.TryParse(Option(args, "--weeks") ?? "20", System.Globalization.CultureInfo.InvariantCulture, out var weeks) || weeks is < 1 or > 104
            || !int.TryParse(Option(args, "--seed") ?? "1", System.Globalization.CultureInfo.InvariantCulture, out var seed))
        {
            output.WriteLine($"--weeks is 1 to 104 and --seed a whole number. {Usage}");
            return 2;
        }

        var root = Option(args, "--content") is { } folder ? Path.GetFullPath(folder) : ContentOptions.DefaultRoot();
        var options = ProgramsRegistration.ProgressionOptionsFor(args);
        var loaded = ContentLoader.Load(root, options);
        if (!loaded.IsValid)
        {
            output.WriteLine(loaded.Report());
            return 1;
        }
        var library = new ContentLibrary(loaded.Snapshot!, root, options);
        if (library.Current.FindProgram(args[1]) is null)
        {
            output.WriteLine($"No program '{args[1]}'. Programs: {string.Join(", ", library.Current.Programs.Select(p => p.Slug))}.");
            return 2;
        }
        var result = new ProgramSimulator(library, options).RunAsync(args[1], patient, weeks, seed).GetAwaiter().GetResult();
        output.WriteLine(ProgramSimulator.Format(result));
        return 0;
    }

    /// <summary>"red-flag" and "bad-days" as the command line spells them.</summary>
    public static bool TryParsePatient(string text, out PatientKind patient) =>
        Enum.TryParse(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out patient) && Enum.IsDefined(patient);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
