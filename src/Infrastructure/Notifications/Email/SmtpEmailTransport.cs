using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salon.Application.Notifications;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Notifications.Email;

/// <summary>Delivers through an SMTP server with MailKit. A 5xx refusal of the recipient or message is
/// permanent (the address is marked undeliverable); anything else is retried later.</summary>
public sealed class SmtpEmailTransport(MimeMessageFactory factory, IOptions<EmailOptions> options, ILogger<SmtpEmailTransport> logger)
    : IEmailTransport
{
    public async Task<EmailDeliveryResult> DeliverAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (factory.Create(email) is not { } message)
        {
            logger.LogWarning("E-mail {EmailKind} has an address that cannot be mailed; it fails for good", email.Kind);
            return new EmailDeliveryResult(EmailDeliveryOutcome.PermanentFailure, MimeMessageFactory.UnreadableAddress);
        }

        using var client = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.SmtpHost ?? "localhost", settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.SmtpSecurity), cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUsername))
            {
                await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new EmailDeliveryResult(EmailDeliveryOutcome.Delivered);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500
            && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            logger.LogWarning("SMTP refused e-mail {EmailKind} permanently with status {StatusCode}", email.Kind, (int)ex.StatusCode);
            return new EmailDeliveryResult(EmailDeliveryOutcome.PermanentFailure, $"smtp {(int)ex.StatusCode}");
        }
        catch (SmtpCommandException ex)
        {
            logger.LogWarning("SMTP refused e-mail {EmailKind} for now with status {StatusCode}", email.Kind, (int)ex.StatusCode);
            return new EmailDeliveryResult(EmailDeliveryOutcome.TransientFailure, $"smtp {(int)ex.StatusCode}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            or AuthenticationException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("SMTP delivery of e-mail {EmailKind} failed: {ErrorType}", email.Kind, ex.GetType().Name);
            return new EmailDeliveryResult(EmailDeliveryOutcome.TransientFailure, ex.GetType().Name);
        }
    }
}
