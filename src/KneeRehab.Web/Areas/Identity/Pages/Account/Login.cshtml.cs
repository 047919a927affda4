using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI log-in page, whose handler does not count failed attempts towards lockout:
/// here every wrong password counts, and the fifth locks the account for 15 minutes. An account whose address is not
/// confirmed yet gets the answer an unknown address gets.
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

        var user = await signInManager.UserManager.FindByNameAsync(Input.Email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.NotAllowed : await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsNotAllowed)
        {
            // An unknown address, or one not confirmed yet (Identity then checks no password): the same work, answer
            // and lockout page as for a real account, so log-in does not reveal who has one.
            if (unknownAccounts.FailAndCheckLockout(Input.Email, Input.Password)) return RedirectToPage("./Lockout");
            ModelState.AddModelError(string.Empty, NoMatch);
            return Page();
        }
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account locked out after failed log-ins");
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError(string.Empty, NoMatch);
        return Page();
    }

    private const string NoMatch = "That email and password do not match an account, or the address is not confirmed yet.";

    private string SafeReturnUrl(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
