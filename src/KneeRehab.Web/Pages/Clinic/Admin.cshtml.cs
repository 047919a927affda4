using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Accounts;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeRehab.Web.Pages.Clinic;

/// <summary>
/// For the administrators named in <c>Clinic:Administrators</c>: who is a physiotherapist, grant the role to a registered
/// address, take it away. What the grant-physio command does, from the site.
/// </summary>
[Authorize(Policy = ClinicRegistration.AdministratorPolicy)]
[EnableRateLimiting(AccountRateLimiting.ClinicPolicy)]
public class AdminModel(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles) : PageModel
{
    public IReadOnlyList<string> Physiotherapists { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter the physiotherapist's e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
    [StringLength(256, ErrorMessage = "Keep the address to 256 characters.")]
    [Display(Name = "e-mail address")]
    public string? Email { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostGrantAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(Email!.Trim()) is not { } user)
        {
            ModelState.AddModelError(nameof(Email), "No account has this address: the physiotherapist registers first.");
            return Page();
        }
        if (!await roles.RoleExistsAsync(ClinicRegistration.Role)) await roles.CreateAsync(new IdentityRole(ClinicRegistration.Role));
        if (!await users.IsInRoleAsync(user, ClinicRegistration.Role))
        {
            await users.AddToRoleAsync(user, ClinicRegistration.Role);
            // The role is in the session cookie: it counts from the physiotherapist's next log-in.
            await users.UpdateSecurityStampAsync(user);
        }
        Status = $"{user.Email} is a physiotherapist: they log in again to open Patients.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string email)
    {
        if (await users.FindByEmailAsync(email ?? "") is not { } user || !await users.IsInRoleAsync(user, ClinicRegistration.Role)) return NotFound();
        await users.RemoveFromRoleAsync(user, ClinicRegistration.Role);
        await users.UpdateSecurityStampAsync(user);
        Status = $"{user.Email} is no longer a physiotherapist.";
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Physiotherapists = [.. (await users.GetUsersInRoleAsync(ClinicRegistration.Role)).Select(u => u.Email ?? u.Id).Order(StringComparer.OrdinalIgnoreCase)];
}
