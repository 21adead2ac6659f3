namespace Salon.Application.Notifications.Contracts;

/// <summary>An e-mail to send. Subjects must be neutral: they may be read by someone else in the
/// household, so never post text, board names or diagnoses.</summary>
public sealed record EmailMessage(
    string Kind,
    Guid? MemberId,
    string ToAddress,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    string? UnsubscribeUrl = null);
