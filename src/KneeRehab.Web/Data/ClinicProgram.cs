namespace KneeRehab.Web.Data;

/// <summary>
/// A program a physiotherapist built from the guides (Pages/Clinic/BuildProgram): the same front matter as a file in
/// content/programs/, kept as its YAML and read by the same loader (Programs/ProgramCatalog.cs). It is never changed
/// once saved, so a patient's record always walks the program it was made with; a new version is a new program.
/// </summary>
public sealed class ClinicProgram
{
    /// <summary>Slugs of built programs start with this; content slugs may not.</summary>
    public const string SlugPrefix = "clinic-";

    public const int DefinitionLength = 20_000;

    public int Id { get; set; }

    public required string Slug { get; set; }

    /// <summary>Who built it; kept empty when their account is deleted, so that their patients' programs carry on.</summary>
    public string? PhysioId { get; set; }

    public required string Title { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The program's front matter in YAML, as a content file holds it.</summary>
    public required string Definition { get; set; }
}
