using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace KneeRehab.Web.Accounts;

public static class AccountsRegistration
{
    /// <summary>ASP.NET Core Identity with its Razor Pages UI, stored in the app's database.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddDefaultIdentity<ApplicationUser>(options =>
            {
                // No mail server yet: an account is usable as soon as it is registered.
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                // Length and a block list, no composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<KneeRehabDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Lowercase like every other URL of the site.
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/identity/account/login";
            options.LogoutPath = "/identity/account/logout";
            options.AccessDeniedPath = "/identity/account/accessdenied";
        });
        builder.Services.AddTransient<IEmailSender, LoggingEmailSender>();
        builder.AddAccountRateLimiting();
        return builder;
    }
}
