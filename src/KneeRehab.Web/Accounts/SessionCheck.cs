using System.Security.Claims;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeRehab.Web.Accounts;

/// <summary>
/// Every request compares the cookie's security stamp with the account's, so log-out, a password change and
/// account deletion end every earlier session at once. One primary-key read: Identity's own validator, asked to
/// check every time, also rebuilds the user's principal and issues a new cookie on every request.
/// </summary>
public static class SessionCheck
{
    private static readonly Func<KneeRehabDbContext, string, Task<string?>> StampOf = EF.CompileAsyncQuery(
        (KneeRehabDbContext db, string userId) => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        try
        {
            if (userId is not null && stamp is not null
                && await StampOf(context.HttpContext.RequestServices.GetRequiredService<KneeRehabDbContext>(), userId) == stamp)
                return;
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            // Nothing to check against now; the session stays as it was until the database is back, and a page
            // that needs the database answers 503 on its own.
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
