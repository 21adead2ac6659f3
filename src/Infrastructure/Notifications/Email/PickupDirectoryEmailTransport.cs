using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salon.Application.Notifications;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Notifications.Email;

/// <summary>Writes each e-mail as an .eml file: the default, so a newcomer can open the confirmation
/// mail without running a mail server.</summary>
public sealed class PickupDirectoryEmailTransport(
    MimeMessageFactory factory,
    IOptions<EmailOptions> options,
    ILogger<PickupDirectoryEmailTransport> logger) : IEmailTransport
{
    public async Task<EmailDeliveryResult> DeliverAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        if (factory.Create(email) is not { } message)
        {
            logger.LogWarning("E-mail {EmailKind} has an address that cannot be mailed; it fails for good", email.Kind);
            return new EmailDeliveryResult(EmailDeliveryOutcome.PermanentFailure, MimeMessageFactory.UnreadableAddress);
        }

        var directory = Path.GetFullPath(options.Value.PickupDirectory, Directory.GetCurrentDirectory());
        Directory.CreateDirectory(directory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{email.CreatedAt:yyyyMMdd-HHmmss}-{email.Kind}-{email.Id:N}.eml");
        var path = Path.Combine(directory, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);

        // The file name says what kind of mail it is; no address, no content.
        logger.LogInformation("Wrote e-mail {EmailKind} to the pickup directory as {FileName}", email.Kind, name);
        return new EmailDeliveryResult(EmailDeliveryOutcome.Delivered);
    }
}
