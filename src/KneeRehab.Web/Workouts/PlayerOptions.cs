using System.ComponentModel.DataAnnotations;

namespace KneeRehab.Web.Workouts;

/// <summary>
/// The <c>Player</c> configuration section: the workout player in wwwroot/js/player.js. Browser tests run
/// its hold and rest timers faster; the timers still run, so nothing is skipped.
/// </summary>
public sealed class PlayerOptions
{
    public const string Section = "Player";

    /// <summary>How many times faster than real time the player's timers run (1 for patients).</summary>
    [Range(1, 100)]
    public double TimeScale { get; set; } = 1;
}
