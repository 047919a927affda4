using System.Text;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace KneeRehab.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The link from the confirmation e-mail. Replaces the Identity UI page, which answers 404 for an unknown
/// account and 500 for a broken code: here every link that does not confirm gets the same 400 and a way on.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<ApplicationUser> users, ILogger<ConfirmEmailModel> logger) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        if (userId is not null && code is not null && await users.FindByIdAsync(userId) is { } user && Decode(code) is { } token)
        {
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
            if (Confirmed) logger.LogInformation("E-mail address confirmed");
        }
        if (!Confirmed) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
