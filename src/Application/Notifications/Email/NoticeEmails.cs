using System.Net;
using System.Text;
using Salon.Application.Moderation.Contracts;
using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Notifications.Email;

/// <summary>Builds Salon's optional e-mails (notices and digests) as plain text and HTML with the same
/// content. The subject is always neutral; the unsubscribe link is in the body as well as in
/// List-Unsubscribe; the crisis lines, when given, close the mail.</summary>
internal static class NoticeEmails
{
    public const string Subject = "サロンからのお知らせ / A message from Salon";

    public static EmailMessage Compose(
        string kind,
        Guid memberId,
        string to,
        IReadOnlyList<string> intro,
        IReadOnlyList<EmailSection> sections,
        string unsubscribeUrl,
        IReadOnlyList<CrisisLineDto>? crisisLines = null)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"></head><body>");
        foreach (var line in intro)
        {
            text.AppendLine(line);
            html.Append("<p>").Append(Encode(line)).Append("</p>");
        }

        foreach (var section in sections)
        {
            text.AppendLine().AppendLine("■ " + section.Heading);
            html.Append("<h2>").Append(Encode(section.Heading)).Append("</h2><ul>");
            foreach (var (line, url) in section.Lines)
            {
                text.AppendLine("・" + line);
                if (url is not null)
                {
                    text.AppendLine("  " + url);
                    html.Append("<li><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(line)).Append("</a></li>");
                }
                else
                {
                    html.Append("<li>").Append(Encode(line)).Append("</li>");
                }
            }

            html.Append("</ul>");
        }

        if (crisisLines is { Count: > 0 })
        {
            text.AppendLine().AppendLine("――").AppendLine("つらいときは、ひとりで抱えこまずに相談してください / If things feel heavy, these lines can listen:");
            html.Append("<hr><p>つらいときは、ひとりで抱えこまずに相談してください / If things feel heavy, these lines can listen:</p><ul>");
            foreach (var line in crisisLines)
            {
                var entry = $"{line.Name} {line.Phone}（{line.Hours}）";
                text.AppendLine("・" + entry);
                html.Append("<li>").Append(Encode(entry)).Append("</li>");
            }

            html.Append("</ul>");
        }

        text.AppendLine().AppendLine("――").AppendLine("このお知らせのメールを止める / Stop these e-mails:").AppendLine(unsubscribeUrl);
        html.Append("<hr><p><a href=\"").Append(Encode(unsubscribeUrl)).Append("\">このお知らせのメールを止める / Stop these e-mails</a></p></body></html>");
        return new EmailMessage(kind, memberId, to, Subject, text.ToString(), html.ToString(), unsubscribeUrl);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
