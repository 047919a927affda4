using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace KneeRehab.Web.Accounts;

/// <summary>
/// Refuses the passwords attackers try first (NIST SP 800-63B: length and a block list, no composition
/// rules). The list is common-passwords.txt beside this file, one password a line.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly HashSet<string> Common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var normalised = (password ?? "").Trim().ToLowerInvariant();
        var isCommon = Common.Contains(normalised)
            || (user.Email is { Length: > 0 } email && normalised.Contains(email.ToLowerInvariant(), StringComparison.Ordinal))
            || normalised.Distinct().Count() <= 2;
        return Task.FromResult(isCommon
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is too common or too easy to guess. Try a few unrelated words together." })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("KneeRehab.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#')) passwords.Add(line.Trim().ToLowerInvariant());
        }
        return passwords;
    }
}
