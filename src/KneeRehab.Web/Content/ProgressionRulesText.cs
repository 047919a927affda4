using System.Globalization;
using System.Text.RegularExpressions;
using KneeRehab.Web.Training;

namespace KneeRehab.Web.Content;

/// <summary>The text of a content file with its placeholders filled in, and what was wrong with any of them.</summary>
public sealed record ExpandedText(string Text, IReadOnlyList<string> Problems);

/// <summary>
/// The progression engine's rules in patient words, written from the thresholds the engine runs with, so
/// that what the pages say cannot drift from what the app does (FACTS 2.5 D). Content files ask for it with
/// placeholders: a line <c>{{rules:pain}}</c>, <c>{{rules:dose}}</c> or <c>{{rules:stop}}</c> becomes a block
/// of Markdown, and <c>{{GreenPainMax}}</c> and the other threshold names become the number.
/// </summary>
public sealed partial class ProgressionRulesText(ProgressionOptions options)
{
    public const string BlockPrefix = "rules:";

    private readonly ProgressionOptions _o = options;

    public static IReadOnlyList<string> BlockNames { get; } = ["pain", "dose", "stop"];

    public static IReadOnlyList<string> NumberNames { get; } =
    [
        nameof(ProgressionOptions.GreenPainMax), nameof(ProgressionOptions.AmberPainMax), nameof(ProgressionOptions.SeverePain),
        nameof(ProgressionOptions.StopPain), nameof(ProgressionOptions.SettledRise), nameof(ProgressionOptions.RedNextMorningRise),
        nameof(ProgressionOptions.SevereNextMorningRise), nameof(ProgressionOptions.PendingHours), nameof(ProgressionOptions.GapDays),
        nameof(ProgressionOptions.GreenStreak), nameof(ProgressionOptions.FailStreak), nameof(ProgressionOptions.FailCompletion),
        nameof(ProgressionOptions.WeeklyRise), nameof(ProgressionOptions.LoadIncreasePercent),
        nameof(ProgressionOptions.MaxLoadIncreasePercent), nameof(ProgressionOptions.LoadDecreasePercent),
    ];

    /// <summary>Replaces every placeholder; one that is unknown or misplaced is left as it is and reported with its line.</summary>
    public ExpandedText Expand(string text)
    {
        var problems = new List<string>();
        var expanded = Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            var line = 1 + text.AsSpan(0, match.Index).Count('\n');
            if (name.StartsWith(BlockPrefix, StringComparison.Ordinal))
            {
                if (Block(name[BlockPrefix.Length..]) is not { } block)
                {
                    problems.Add($"line {line}: '{match.Value}' is not a known placeholder (known: {Known()})");
                    return match.Value;
                }
                if (!StandsAlone(text, match))
                {
                    problems.Add($"line {line}: '{match.Value}' must stand alone on its line, because it becomes whole paragraphs and lists");
                    return match.Value;
                }
                // Blank lines keep the block from running into the paragraph before or after it.
                return $"\n{block}\n";
            }
            if (Number(name) is { } number) return number;
            problems.Add($"line {line}: '{match.Value}' is not a known placeholder (known: {Known()})");
            return match.Value;
        });
        return new(expanded, problems);
    }

    /// <summary>A block of Markdown by its name (<c>pain</c>, <c>dose</c>, <c>stop</c>), or null for an unknown name.</summary>
    public string? Block(string name) => name switch
    {
        "pain" => Pain(),
        "dose" => Dose(),
        "stop" => Stop(),
        _ => null,
    };

    /// <summary>One threshold as the text shows it, or null for an unknown name. FailCompletion is a percentage ("80%").</summary>
    public string? Number(string name) => name switch
    {
        nameof(ProgressionOptions.GreenPainMax) => Whole(_o.GreenPainMax),
        nameof(ProgressionOptions.AmberPainMax) => Whole(_o.AmberPainMax),
        nameof(ProgressionOptions.SeverePain) => Whole(_o.SeverePain),
        nameof(ProgressionOptions.StopPain) => Whole(_o.StopPain),
        nameof(ProgressionOptions.SettledRise) => Whole(_o.SettledRise),
        nameof(ProgressionOptions.RedNextMorningRise) => Whole(_o.RedNextMorningRise),
        nameof(ProgressionOptions.SevereNextMorningRise) => Whole(_o.SevereNextMorningRise),
        nameof(ProgressionOptions.PendingHours) => Whole(_o.PendingHours),
        nameof(ProgressionOptions.GapDays) => Whole(_o.GapDays),
        nameof(ProgressionOptions.GreenStreak) => Whole(_o.GreenStreak),
        nameof(ProgressionOptions.FailStreak) => Whole(_o.FailStreak),
        nameof(ProgressionOptions.FailCompletion) => $"{Decimal(_o.FailCompletion * 100)}%",
        nameof(ProgressionOptions.WeeklyRise) => Decimal(_o.WeeklyRise),
        nameof(ProgressionOptions.LoadIncreasePercent) => Decimal(_o.LoadIncreasePercent),
        nameof(ProgressionOptions.MaxLoadIncreasePercent) => Decimal(_o.MaxLoadIncreasePercent),
        nameof(ProgressionOptions.LoadDecreasePercent) => Decimal(_o.LoadDecreasePercent),
        _ => null,
    };

    /// <summary>The pain zones during an exercise, the next-morning check and the week-to-week trend.</summary>
    public string Pain()
    {
        var o = _o;
        var acceptable = o.GreenPainMax + 1 == o.AmberPainMax
            ? $"**{o.AmberPainMax} out of 10**"
            : $"**{o.GreenPainMax + 1} to {o.AmberPainMax} out of 10**";
        // With SeverePain right above the amber zone, every painful workout is a severe one.
        var during = o.SeverePain == o.AmberPainMax + 1
            ? $"**Above {o.AmberPainMax} out of 10** is too much: stop that exercise. Next time it is two steps easier, with a rest day first."
            : $"**Above {o.AmberPainMax} out of 10** is too much: stop that exercise, and next time it is one step easier. "
              + $"At **{o.SeverePain} out of 10 or more**, it goes two steps easier, with a rest day first.";
        var settled = o.SettledRise == 0
            ? "back at or below your usual morning pain"
            : $"no more than **{Points(o.SettledRise)}** above your usual morning pain";
        var nextMorning = o.SevereNextMorningRise == o.RedNextMorningRise
            ? $"**{Points(o.RedNextMorningRise)} or more** above it: that exercise goes two steps easier, with a rest day first."
            : $"**{Points(o.RedNextMorningRise)} or more** above it: that exercise goes one step easier. "
              + $"**{Points(o.SevereNextMorningRise)} or more**: two steps easier, with a rest day first.";

        return $"""
            - **During an exercise:** pain up to **{o.GreenPainMax} out of 10** is the green zone. {acceptable} is acceptable, and your dose stays the same. {during}
            - **The next morning:** your knee should have settled: {settled}, the one you gave when you started the program. {nextMorning} Log it every morning after a workout: without it, that workout cannot count towards a step up.
            - **Week to week:** if your average morning pain goes up by **{Points(o.WeeklyRise)} or more** from one week to the next, nothing steps up that week. If it goes up two weeks in a row, the program stops for a review.
            """;
    }

    /// <summary>
    /// The pain rule during an exercise in one plain line, no Markdown: shown beside the pain question of the
    /// workout player, where there is no room for the whole of <see cref="Pain"/>.
    /// </summary>
    public string PainDuring()
    {
        var o = _o;
        var acceptable = o.GreenPainMax + 1 == o.AmberPainMax
            ? $"{o.AmberPainMax} out of 10"
            : $"{o.GreenPainMax + 1} to {o.AmberPainMax} out of 10";
        return $"Pain up to {o.GreenPainMax} out of 10 is fine. {acceptable} is acceptable, and your dose stays the same. "
            + $"Above {o.AmberPainMax} out of 10 is too much: stop this exercise, and it will be made easier.";
    }

    /// <summary>When an exercise steps up, and the step-downs that are not about pain during the exercise.</summary>
    public string Dose()
    {
        var o = _o;
        // The range-ladder guides by name, because patients look for their exercise; a test keeps the list whole.
        return $"""
            - **Stepping up:** an exercise goes one step up after {InARow(o.GreenStreak)} at the same dose in the green zone: pain {o.GreenPainMax} out of 10 or less, every rep and hold done with good form, and your knee settled the next morning.
            - **Too hard to finish:** after {InARow(o.FailStreak)} with less than **{Number(nameof(ProgressionOptions.FailCompletion))}** of the reps done, or without good control, it goes one step down.
            - **After a break:** an exercise you have not done for more than **{o.GapDays} days** starts again one step lower.
            - **Squats and steps:** after a painful workout of the wall slide, wall squat, deep squat, step-up, step-down or decline step-down, the depth or the step height comes down first, and the reps only after that.
            - **Running in steps:** for walk-run intervals, a step up is the next walk-run pattern, with the same number of repeats; a step down is the pattern before, then one repeat fewer.
            """;
    }

    /// <summary>The program-level stops (FACTS 2.5 D) and what a warning sign does to the program.</summary>
    public string Stop()
    {
        var o = _o;
        return $"""
            The app stops the program, and asks you to have your knee checked by a physiotherapist or GP before you carry on, if:

            - your pain reached **{o.StopPain} out of 10 or more** during an exercise in **2 of your last 3 workouts** (any exercise counts)
            - an exercise was too painful **twice in a row**, even after it was made easier (too painful: above {o.AmberPainMax} out of 10 during it, or {Points(o.RedNextMorningRise)} or more above your usual pain the next morning)
            - your average morning pain has gone up by **{Points(o.WeeklyRise)} or more two weeks in a row**

            Even once, pain of **{o.StopPain} out of 10 or more** during an exercise stops that exercise from moving up, and it goes at least one step easier.

            **A warning sign pauses the program.** After an emergency or urgent sign, see a clinician first. To carry on, you confirm in the app that a clinician has seen you, and on what date. Your exercises then start again one step easier.
            """;
    }

    private static string Known() =>
        string.Join(", ", BlockNames.Select(b => $"{{{{{BlockPrefix}{b}}}}}").Concat(NumberNames.Select(n => $"{{{{{n}}}}}")));

    private static bool StandsAlone(string text, Match match)
    {
        if (match.Index > 0 && text[match.Index - 1] != '\n') return false;
        var end = text.IndexOf('\n', match.Index + match.Length);
        var rest = end < 0 ? text[(match.Index + match.Length)..] : text[(match.Index + match.Length)..end];
        return string.IsNullOrWhiteSpace(rest);
    }

    private static string InARow(int workouts) => workouts == 1 ? "**1 workout**" : $"**{Whole(workouts)} workouts in a row**";

    private static string Points(double points) => points == 1 ? "1 point" : $"{Decimal(points)} points";

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}\r\n]*?)\s*\}\}")]
    private static partial Regex Placeholder();
}
