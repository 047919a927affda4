using System.Text.RegularExpressions;
using MimeKit;

namespace KneeRehab.Tests;

/// <summary>
/// The app's pickup folder (Email:PickupDirectory), read as a patient reads their inbox: the messages sent to an
/// address and the links in them.
/// </summary>
public sealed partial class Mailbox(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Every message sent to <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        !System.IO.Directory.Exists(Directory) ? [] : [.. System.IO.Directory.GetFiles(Directory, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The one message to <paramref name="address"/> with this subject; fails when there is none or more than one.</summary>
    public MimeMessage OnlyOne(string address, string subject) => Assert.Single(To(address), m => m.Subject == subject);

    /// <summary>The path and query of the first link in the message whose path starts with <paramref name="path"/>.</summary>
    public static string Link(MimeMessage message, string path)
    {
        foreach (Match match in Href().Matches(message.HtmlBody ?? ""))
        {
            var url = new Uri(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value));
            if (url.AbsolutePath.StartsWith(path, StringComparison.OrdinalIgnoreCase)) return url.PathAndQuery;
        }
        throw new Xunit.Sdk.XunitException($"No link to {path} in \"{message.Subject}\":\n{message.HtmlBody}");
    }

    /// <summary>The confirmation link last sent to <paramref name="address"/>.</summary>
    public string ConfirmationLink(string address) =>
        Link(To(address).Last(m => m.Subject == "Confirm your KneeRehab account"), "/identity/account/confirmemail");

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
