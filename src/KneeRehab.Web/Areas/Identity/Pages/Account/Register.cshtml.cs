using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace KneeRehab.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI registration page, which says "already taken" for a known address. Here every
/// registration that passes the checks answers the same way ("we sent you a link"); a new address gets a
/// confirmation link, a known one an e-mail to its owner saying someone tried, so only the owner learns it.
/// </summary>
[AllowAnonymous]
public class RegisterModel(UserManager<ApplicationUser> users, IEmailSender email, ILogger<RegisterModel> logger) : PageModel
{
    /// <summary>Where the confirmation page finds the address it names (not in its URL, which the request log keeps).</summary>
    public const string RegisteredEmailKey = "RegisteredEmail";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(100, ErrorMessage = "The {0} must be at least {2} and at max {1} characters long.", MinimumLength = 6)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Confirm Password")]
        [Compare(nameof(Password), ErrorMessage = "The password and confirmation password do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid) return Page();

        var user = new ApplicationUser { UserName = Input.Email, Email = Input.Email };
        // The same checks for a known address as for a new one: a refused password must not tell them apart.
        foreach (var error in await CheckAsync(user)) ModelState.AddModelError(string.Empty, error.Description);
        if (!ModelState.IsValid) return Page();

        var existing = await users.FindByEmailAsync(Input.Email);
        if (existing is null)
        {
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                logger.LogInformation("Account registered; confirmation link sent");
                await SendConfirmationLinkAsync(user);
            }
            else if (created.Errors.All(IsDuplicate))
            {
                // Registered by another request a moment ago: a known address now.
                existing = await users.FindByEmailAsync(Input.Email);
            }
            else
            {
                foreach (var error in created.Errors) ModelState.AddModelError(string.Empty, error.Description);
                return Page();
            }
        }
        if (existing is not null)
        {
            // The work a new account costs (hashing its password), so the answer takes as long.
            users.PasswordHasher.HashPassword(existing, Input.Password);
            if (await users.IsEmailConfirmedAsync(existing)) await SendAlreadyRegisteredAsync();
            else await SendConfirmationLinkAsync(existing);
        }

        TempData[RegisteredEmailKey] = Input.Email;
        return RedirectToPage("./RegisterConfirmation", new { returnUrl = ReturnUrl });
    }

    private async Task<List<IdentityError>> CheckAsync(ApplicationUser user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.UserValidators)
            errors.AddRange((await validator.ValidateAsync(users, user)).Errors.Where(e => !IsDuplicate(e)));
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, Input.Password)).Errors);
        return errors;
    }

    private static bool IsDuplicate(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);

    private async Task SendConfirmationLinkAsync(ApplicationUser user)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = Url.Page("/Account/ConfirmEmail", pageHandler: null, values: new { area = "Identity", userId = user.Id, code }, protocol: Request.Scheme)!;
        await email.SendEmailAsync(Input.Email, "Confirm your KneeRehab account", $"""
            <p>To finish creating your KneeRehab account, confirm your address:</p>
            <p><a href="{HtmlEncoder.Default.Encode(link)}">Confirm my address</a></p>
            <p>If you did not ask for an account, ignore this message: nothing is used until the address is confirmed.</p>
            """);
    }

    private async Task SendAlreadyRegisteredAsync()
    {
        var logIn = Url.Page("/Account/Login", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!;
        var reset = Url.Page("/Account/ForgotPassword", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!;
        await email.SendEmailAsync(Input.Email, "You already have a KneeRehab account", $"""
            <p>Someone, perhaps you, tried to create a KneeRehab account with this address. It already has one, and nothing was changed.</p>
            <p><a href="{HtmlEncoder.Default.Encode(logIn)}">Log in</a>, or <a href="{HtmlEncoder.Default.Encode(reset)}">choose a new password</a> if you have forgotten it.</p>
            <p>If it was not you, you can ignore this message: your account and your password are as they were.</p>
            """);
    }

    private string SafeReturnUrl(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
