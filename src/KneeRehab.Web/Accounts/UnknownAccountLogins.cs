using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KneeRehab.Web.Accounts;

/// <summary>
/// Log-in must not tell whether an address has an account. For an unknown address this does the work a real
/// one costs (a password hash check) and counts failures the way lockout does, so that the answer, its timing
/// and the lockout page are the same for both.
/// </summary>
public sealed class UnknownAccountLogins(IOptions<IdentityOptions> identity) : IDisposable
{
    /// <summary>The same hasher, with the same settings, as Identity's own (its registration is per request).</summary>
    private static readonly PasswordHasher<ApplicationUser> Hasher = new();

    /// <summary>Its own bounded cache: made-up addresses cannot fill memory, and nothing else shares the limit.</summary>
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private static readonly ApplicationUser Nobody = new() { Id = "unknown", UserName = "unknown" };

    /// <summary>A real hash of a password nobody knows, made once: verifying against it costs what a real check costs.</summary>
    private static readonly string DecoyHash = Hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    /// <summary>Spends a real check, counts the failure, and says whether the address would now be locked out.</summary>
    public bool FailAndCheckLockout(string email, string password)
    {
        Hasher.VerifyHashedPassword(Nobody, DecoyHash, password);
        var lockout = identity.Value.Lockout;
        var key = "unknown-login:" + email.Trim().ToUpperInvariant();
        var count = _failures.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lockout.DefaultLockoutTimeSpan;
            entry.Size = 1;
            return new Counter();
        })!;
        return Interlocked.Increment(ref count.Value) >= lockout.MaxFailedAccessAttempts;
    }

    public void Dispose() => _failures.Dispose();

    private sealed class Counter
    {
        public int Value;
    }
}
