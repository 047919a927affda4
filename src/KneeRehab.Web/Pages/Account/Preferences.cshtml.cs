using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Data;
using KneeRehab.Web.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Pages.Account;

public class PreferencesModel(UserManager<ApplicationUser> userManager) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose kilograms or pounds.")]
        [EnumDataType(typeof(WeightUnit), ErrorMessage = "Choose kilograms or pounds.")]
        public WeightUnit? Units { get; set; }

        [EnumDataType(typeof(Side), ErrorMessage = "Choose left, right or both.")]
        public Side? AffectedKnee { get; set; }

        /// <summary>An IANA zone such as "Europe/Oslo"; empty is UTC.</summary>
        [StringLength(64)]
        public string? TimeZone { get; set; }

        public AboutYouInput About { get; set; } = new();
    }

    /// <summary>The zones the server knows, for the list; the browser's own zone is picked by js/timezone.js when none is saved.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        Input.Units = user.Units;
        Input.AffectedKnee = user.AffectedKnee;
        Input.TimeZone = user.TimeZoneId;
        Input.About = AboutYouInput.Of(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        var zone = string.IsNullOrWhiteSpace(Input.TimeZone) ? null : Input.TimeZone.Trim();
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.TimeZone)}", "Choose your time zone from the list.");
        if (!ModelState.IsValid) return Page();

        user.Units = Input.Units!.Value;
        user.AffectedKnee = Input.AffectedKnee;
        user.TimeZoneId = zone;
        Input.About.SaveTo(user);
        await userManager.UpdateAsync(user);
        StatusMessage = $"Loads are now shown in {(user.Units == WeightUnit.Pounds ? "pounds" : "kilograms")}.";
        return RedirectToPage();
    }
}
