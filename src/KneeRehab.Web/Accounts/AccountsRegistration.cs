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
                // An account is used once its owner opened the link sent to the address: registration then answers
                // the same for a known address as for a new one, and tells the owner by e-mail instead.
                options.SignIn.RequireConfirmedAccount = true;
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
            // Roles: the physiotherapist's (Clinic/), granted by the grant-physio command only.
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KneeRehabDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddUserValidator<FieldLengthUserValidator>();

        // Lowercase like every other URL of the site.
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/identity/account/login";
            options.LogoutPath = "/identity/account/logout";
            options.AccessDeniedPath = "/identity/account/accessdenied";
            options.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            // Log-out ends every session of the account, not just this browser's: a copied cookie dies with it.
            options.Events.OnSigningOut = async context =>
            {
                var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
                if (await users.GetUserAsync(context.HttpContext.User) is { } user) await users.UpdateSecurityStampAsync(user);
            };
        });
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddTransient<IEmailSender, EmailSender>();
        builder.Services.AddSingleton<UnknownAccountLogins>();
        builder.AddAccountRateLimiting();
        return builder;
    }
}
