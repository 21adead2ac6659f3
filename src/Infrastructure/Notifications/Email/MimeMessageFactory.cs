using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Notifications.Email;

public sealed class MimeMessageFactory(IOptions<EmailOptions> options)
{
    public MimeMessage Create(OutboxEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.ToAddress));
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
