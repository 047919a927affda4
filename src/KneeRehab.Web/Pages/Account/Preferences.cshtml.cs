using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Data;
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
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        Input.Units = user.Units;
        Input.AffectedKnee = user.AffectedKnee;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();

        user.Units = Input.Units!.Value;
        user.AffectedKnee = Input.AffectedKnee;
        await userManager.UpdateAsync(user);
        StatusMessage = $"Loads are now shown in {(user.Units == WeightUnit.Pounds ? "pounds" : "kilograms")}.";
        return RedirectToPage();
    }
}
