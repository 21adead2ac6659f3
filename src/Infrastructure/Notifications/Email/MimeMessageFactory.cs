using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Notifications.Email;

public sealed class MimeMessageFactory(IOptions<EmailOptions> options)
{
    /// <summary>The failure's reason when <see cref="Create"/> cannot address the message (short, address-free).</summary>
    public const string UnreadableAddress = "unreadable address";

    /// <summary>Null when the address cannot be mailed as written (the mail library cannot read it, or reads a name and
    /// another address into it): a permanent failure for the transports, never an exception out of the outbox run.</summary>
    public MimeMessage? Create(OutboxEmail email)
    {
        if (!MailboxAddress.TryParse(email.ToAddress, out var to)
            || !string.IsNullOrEmpty(to.Name)
            || !string.Equals(to.Address, email.ToAddress.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(to);
        message.Subject = email.Subject;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(email.CreatedAt, DateTimeKind.Utc));
        message.MessageId = $"{email.Id:N}@{DomainOf(options.Value.FromAddress)}";

        if (email.UnsubscribeUrl is not null)
        {
            // RFC 8058 one-click unsubscribe.
            message.Headers.Add("List-Unsubscribe", $"<{email.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        // 8bit keeps the Japanese text (and long one-line tokens) readable in the .eml file.
        var text = new TextPart(TextFormat.Plain) { Text = email.TextBody, ContentTransferEncoding = ContentEncoding.EightBit };
        if (email.HtmlBody is null)
        {
            message.Body = text;
        }
        else
        {
            var html = new TextPart(TextFormat.Html) { Text = email.HtmlBody, ContentTransferEncoding = ContentEncoding.EightBit };
            message.Body = new MultipartAlternative { text, html };
        }

        return message;
    }

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 ? address[(at + 1)..] : "salon.invalid";
    }
}
