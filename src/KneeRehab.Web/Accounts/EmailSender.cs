using System.ComponentModel.DataAnnotations;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KneeRehab.Web.Accounts;

/// <summary>The <c>Email</c> section: an SMTP server, or (when none is set) a folder the messages are written to.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    /// <summary>The SMTP server. Unset: every message is written as an .eml file to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65_535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Where messages go without an SMTP server; relative to the app's folder, beside the default database.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "data/mail";

    [Required]
    public string From { get; set; } = "KneeRehab <no-reply@kneerehab.invalid>";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _))
            yield return new ValidationResult($"Email:From is not an e-mail address: '{From}'.", [nameof(From)]);
    }
}

/// <summary>
/// Sends Identity's messages (confirm an address, reset a password, an attempt to register a known address).
/// A message that cannot be sent is logged, never a failed request: the page says what it would have said, and
/// the patient can ask for the link again. Addresses and links are never logged.
/// </summary>
public sealed class EmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<EmailSender> logger) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var settings = options.Value;
        if (!MailboxAddress.TryParse(email, out var to))
        {
            logger.LogWarning("E-mail not sent ({Subject}): the address cannot be used in a message", subject);
            return;
        }
        var message = new MimeMessage { Subject = subject, Date = clock.GetUtcNow() };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(to);
        message.Body = new BodyBuilder { HtmlBody = htmlMessage }.ToMessageBody();
        try
        {
            if (string.IsNullOrWhiteSpace(settings.SmtpHost))
            {
                var folder = await WriteToPickupDirectoryAsync(message, settings.PickupDirectory);
                if (environment.IsProduction())
                    logger.LogWarning("No SMTP server is set (Email:SmtpHost): a message ({Subject}) was written to {Folder} and nobody receives it", subject, folder);
            }
            else
            {
                using var smtp = new SmtpClient();
                await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort, SecureSocketOptions.Auto);
                if (!string.IsNullOrEmpty(settings.SmtpUserName)) await smtp.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "");
                await smtp.SendAsync(message);
                await smtp.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SocketException or ProtocolException or CommandException or AuthenticationException or SslHandshakeException)
        {
            logger.LogError(e, "E-mail not sent ({Subject})", subject);
        }
    }

    /// <summary>Written whole under a temporary name, then renamed: a reader never sees half a message.</summary>
    private async Task<string> WriteToPickupDirectoryAsync(MimeMessage message, string pickupDirectory)
    {
        var folder = Path.GetFullPath(pickupDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(partial);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
        return folder;
    }
}
