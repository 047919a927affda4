namespace KneeRehab.Web.Data;

/// <summary>
/// A read-only link to a patient's report for a physiotherapist without an account. Only a hash of the
/// token is stored: the database alone cannot be used to open a report.
/// </summary>
public sealed class ShareLink
{
    public const int ValidDays = 14;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public List<ShareLinkView> Views { get; set; } = [];

    public bool IsOpen(DateTime nowUtc) => RevokedUtc is null && nowUtc < ExpiresUtc;

    public static string NewToken() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

/// <summary>One opening of a share link, shown to the patient.</summary>
public sealed class ShareLinkView
{
    public int Id { get; set; }

    public int ShareLinkId { get; set; }

    public DateTime ViewedUtc { get; set; }
}
