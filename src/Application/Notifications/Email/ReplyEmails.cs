using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Notifications.Email;

/// <summary>The e-mail that tells a member someone answered their consultation. Neutral: the subject and
/// body carry no post text, no title, no board name, nobody's name — only a link to sign in and read.</summary>
internal static class ReplyEmails
{
    public const string Subject = "サロンからのお知らせ / A message from Salon";

    public static EmailMessage ReplyToMyTopic(Guid memberId, string to, Guid topicId, string publicBaseUrl, string unsubscribeUrl) => new(
        "reply-notice",
        memberId,
        to,
        Subject,
        $"""
        あなたの相談に新しい返信がありました。サロンにログインしてご覧ください。
        {publicBaseUrl.TrimEnd('/')}/topics/{topicId}

        There is a new reply to your consultation. Sign in to Salon to read it.

        ――
        このお知らせのメールを止める / Stop these e-mails:
        {unsubscribeUrl}
        """,
        UnsubscribeUrl: unsubscribeUrl);
}
