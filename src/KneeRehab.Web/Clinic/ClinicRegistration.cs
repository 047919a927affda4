using KneeRehab.Web.Accounts;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Clinic;

/// <summary>
/// Physiotherapist mode: the <see cref="Role"/> an operator grants with the <c>grant-physio</c> command, the policy on
/// every clinic page, and the rule every clinic query follows: a patient is reachable only through an active
/// <see cref="CareLink"/> of this physiotherapist.
/// </summary>
public static class ClinicRegistration
{
    public const string Role = "Physiotherapist";

    public const string Policy = "Physiotherapist";

    /// <summary>The addresses in <c>Clinic:Administrators</c>: they grant the role at /clinic/admin (the first administrator is configured, not granted).</summary>
    public const string AdministratorPolicy = "ClinicAdministrator";

    public const string AdministratorsSetting = "Clinic:Administrators";

    public static WebApplicationBuilder AddClinic(this WebApplicationBuilder builder)
    {
        var administrators = builder.Configuration.GetSection(AdministratorsSetting).Get<string[]>() ?? [];
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole(Role))
            .AddPolicy(AdministratorPolicy, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.Identity?.Name is { } name && administrators.Contains(name, StringComparer.OrdinalIgnoreCase)));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, HiddenClinic>();
        return builder;
    }

    /// <summary>
    /// A signed-in user who is not a physiotherapist gets 404 from a clinic page, as from any page that is not theirs:
    /// the clinic does not announce itself. Visitors who are not signed in are still sent to log in.
    /// </summary>
    private sealed class HiddenClinic : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden && (policy.Requirements.OfType<RolesAuthorizationRequirement>().Any(r => r.AllowedRoles.Contains(Role))
                || policy.Requirements.OfType<AssertionRequirement>().Any()))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    /// <summary>The patients this physiotherapist follows now: the only way into a patient's data from the clinic.</summary>
    public static IQueryable<string> PatientsOf(this KneeRehabDbContext db, string physioId) =>
        db.CareLinks.Where(l => l.PhysioId == physioId && l.EndedUtc == null).Select(l => l.PatientId);

    public static Task<bool> FollowsAsync(this KneeRehabDbContext db, string physioId, string patientId) =>
        db.CareLinks.AnyAsync(l => l.PhysioId == physioId && l.PatientId == patientId && l.EndedUtc == null);

    /// <summary>Records what a physiotherapist did with a patient's data; the patient sees the list in Account.</summary>
    /// <remarks>A long reason is cut to the column's 200 characters: the change itself keeps it whole.</remarks>
    public static void Audit(this KneeRehabDbContext db, string physioId, string patientId, DateTime nowUtc, string action) =>
        db.ClinicAudit.Add(new ClinicAuditEntry
        {
            PhysioId = physioId, PatientId = patientId, AtUtc = nowUtc,
            Action = action.Length <= ClinicAuditEntry.ActionLength ? action : action[..(ClinicAuditEntry.ActionLength - 1)] + "…",
        });
}

/// <summary>
/// <c>dotnet run --project src/KneeRehab.Web -- grant-physio &lt;email&gt;</c> (or <c>revoke-physio</c>): gives or takes the
/// physiotherapist role, run by whoever operates the server against the app's own database settings. A user cannot
/// give it to themselves. The account's sessions end, so the role takes effect at the next log-in.
/// </summary>
public static class GrantPhysioCommand
{
    public const string Grant = "grant-physio";

    public const string Revoke = "revoke-physio";

    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine($"usage: {args[0]} <email> [--ConnectionStrings:KneeRehab \"...\"]");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(args[2..]);
        builder.AddDatabase();
        builder.AddAccounts();
        using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<KneeRehabDbContext>().Database.Migrate();
        return RunAsync(scope.ServiceProvider, args[0] == Grant, args[1], output).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(IServiceProvider services, bool grant, string email, TextWriter output)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            output.WriteLine($"No account with the address {email}: the physiotherapist registers first.");
            return 1;
        }
        if (!await roles.RoleExistsAsync(ClinicRegistration.Role)) await roles.CreateAsync(new IdentityRole(ClinicRegistration.Role));
        var result = grant ? await users.AddToRoleAsync(user, ClinicRegistration.Role) : await users.RemoveFromRoleAsync(user, ClinicRegistration.Role);
        if (!result.Succeeded)
        {
            output.WriteLine(string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        // The role is in the session cookie: ending the sessions makes it count (or stop counting) from the next log-in.
        await users.UpdateSecurityStampAsync(user);
        output.WriteLine(grant ? $"{email} is a physiotherapist: they log in again to open /clinic." : $"{email} is no longer a physiotherapist.");
        return 0;
    }
}
