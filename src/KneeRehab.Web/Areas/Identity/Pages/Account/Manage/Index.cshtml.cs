using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Accounts;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces Identity UI's profile page, which hides why a phone number was refused ("Unexpected error"):
/// here a number that is too long or not a phone number gets its message next to the field.
/// </summary>
public class IndexModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    public string? Username { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Phone(ErrorMessage = "Enter a phone number, for example +44 20 7946 0000.")]
        [StringLength(FieldLengthUserValidator.MaxPhoneLength, ErrorMessage = "A phone number can be at most 20 characters.")]
        [Display(Name = "Phone number")]
        public string? PhoneNumber { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        Username = user.UserName;
        Input.PhoneNumber = user.PhoneNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        Username = user.UserName;
        if (!ModelState.IsValid) return Page();

        var phone = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim();
        if (phone != user.PhoneNumber)
        {
            var result = await users.SetPhoneNumberAsync(user, phone);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.PhoneNumber)}", error.Description);
                return Page();
            }
        }
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your profile has been updated.";
        return RedirectToPage();
    }
}
