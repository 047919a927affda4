using Microsoft.AspNetCore.Identity.UI.Services;

namespace KneeRehab.Web.Accounts;

/// <summary>
/// No mail server yet: in Development the message (with its link) goes to the log so the reset flow can
/// be tried by hand; elsewhere only the fact that nothing was sent is logged, never the address or link.
/// </summary>
public sealed class LoggingEmailSender(IHostEnvironment environment, ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        if (environment.IsDevelopment())
            logger.LogInformation("Email to {Email}: {Subject}: {Message}", email, subject, htmlMessage);
        else
            logger.LogInformation("Email sending is not configured; a message ({Subject}) was not sent", subject);
        return Task.CompletedTask;
    }
}
