using Microsoft.AspNetCore.Identity;

namespace KneeRehab.Web.Data;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>How loads are shown and typed. Stored loads are always kilograms.</summary>
    [PersonalData]
    public WeightUnit Units { get; set; } = WeightUnit.Kilograms;

    /// <summary>The knee with the problem, said once: /progress compares that side with the other (null: not said, or both).</summary>
    [PersonalData]
    public Side? AffectedKnee { get; set; }

    /// <summary>The user's IANA time zone ("Europe/Oslo"): "today" and "the next morning" are theirs, not the server's. Null: UTC.</summary>
    [PersonalData]
    public string? TimeZoneId { get; set; }
}

public enum WeightUnit
{
    Kilograms,
    Pounds,
}

public static class WeightUnits
{
    public const double PoundsPerKilogram = 2.20462262;

    public static string Symbol(this WeightUnit unit) => unit == WeightUnit.Pounds ? "lb" : "kg";

    public static double FromKilograms(this WeightUnit unit, double kg) =>
        Math.Round(unit == WeightUnit.Pounds ? kg * PoundsPerKilogram : kg, 1);

    /// <summary>Kilograms to the nearest 10 g: a pound value typed in comes back as the same pound value.</summary>
    public static double ToKilograms(this WeightUnit unit, double value) =>
        Math.Round(unit == WeightUnit.Pounds ? value / PoundsPerKilogram : value, 2);
}
