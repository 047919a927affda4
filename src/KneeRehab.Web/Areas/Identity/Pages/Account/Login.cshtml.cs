using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI log-in page, whose handler does not count failed attempts towards lockout:
/// here every wrong password counts, and the fifth locks the account for 15 minutes.
/// </summary>
[AllowAnonymous]
public class LoginModel(SignInManager<ApplicationUser> signInManager, Accounts.UnknownAccountLogins unknownAccounts, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me logged in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid) return Page();

        if (await signInManager.UserManager.FindByNameAsync(Input.Email) is null)
        {
            // The same work, answer and lockout page as for a real account: log-in does not reveal who has one.
            if (unknownAccounts.FailAndCheckLockout(Input.Email, Input.Password)) return RedirectToPage("./Lockout");
            ModelState.AddModelError(string.Empty, "That email and password do not match an account.");
            return Page();
        }
        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account locked out after failed log-ins");
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError(string.Empty, "That email and password do not match an account.");
        return Page();
    }

    private string SafeReturnUrl(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
