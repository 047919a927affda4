using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeRehab.Web.Areas.Identity.Pages.Account;

/// <summary>
/// "Check your e-mail", the same after every registration, whether the address was new or known. Replaces the
/// Identity UI page, which looks the address up and answers 404 for an unknown one.
/// </summary>
[AllowAnonymous]
public class RegisterConfirmationModel : PageModel
{
    /// <summary>The address just registered, when this browser registered it (a reload shows the page without it).</summary>
    public string? Email { get; private set; }

    public void OnGet() => Email = TempData[RegisterModel.RegisteredEmailKey] as string;
}
