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

    /// <summary>Asked when a program starts: the warning signs differ for teenagers and for people of 55 and over. Null: not said.</summary>
    [PersonalData]
    public AgeBand? AgeBand { get; set; }

    /// <summary>What the patient wants to get back to (asked when a program starts); null: not said.</summary>
    [PersonalData]
    public GoalActivity? Goal { get; set; }

    /// <summary>The sport, or the other activity, in the patient's words.</summary>
    [PersonalData]
    [System.ComponentModel.DataAnnotations.MaxLength(AboutMe.GoalDetailLength)]
    public string? GoalDetail { get; set; }
}

public enum AgeBand
{
    Under16,
    From16To54,
    From55,
}

public enum GoalActivity
{
    Running,
    Sport,
    StairsAndWalking,
    Work,
    Other,
}

/// <summary>The answers to "about you", in the words the pages use.</summary>
public static class AboutMe
{
    public const int GoalDetailLength = 60;

    public static string InWords(this AgeBand band) => band switch
    {
        AgeBand.Under16 => "Under 16",
        AgeBand.From16To54 => "16 to 54",
        _ => "55 or over",
    };

    public static string InWords(this GoalActivity goal) => goal switch
    {
        GoalActivity.Running => "Running",
        GoalActivity.Sport => "A sport",
        GoalActivity.StairsAndWalking => "Stairs and walking",
        GoalActivity.Work => "My work",
        _ => "Something else",
    };

    /// <summary>"Football", "Running", "Stairs and walking": the goal as the report and /progress name it.</summary>
    public static string? GoalText(GoalActivity? goal, string? detail) => goal switch
    {
        null => null,
        GoalActivity.Sport or GoalActivity.Other when !string.IsNullOrWhiteSpace(detail) => detail.Trim(),
        GoalActivity.Work when !string.IsNullOrWhiteSpace(detail) => $"My work ({detail.Trim()})",
        { } known => known.InWords(),
    };
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
