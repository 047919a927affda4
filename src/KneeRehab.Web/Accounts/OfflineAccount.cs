using System.Security.Cryptography;
using System.Text;

namespace KneeRehab.Web.Accounts;

/// <summary>
/// Marks what the phone keeps for an account (drafts and workouts saved offline, js/outbox.js) so that
/// another patient logged in on the same phone is never shown or sent them. A one-way hash of the user id:
/// it names the account without revealing anything about it. The server never reads it back.
/// </summary>
public static class OfflineAccount
{
    /// <summary>The form field the workout form carries it in; the model binder ignores it.</summary>
    public const string FieldName = "OfflineAccount";

    public static string Tag(string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("kneerehab-offline:" + userId)))[..32];
}
