namespace Salon.Domain.Notifications;

/// <summary>An e-mail waiting to leave the process. Written in the same transaction as the change
/// that causes it, and delivered by a background job, so a crash never loses or duplicates the
/// intent. Delivery is at least once; the claim (<see cref="LockedUntil"/>) keeps two concurrent
/// senders from sending the same row.</summary>
public sealed class OutboxEmail
{
    public const int MaxAttempts = 8;

    private OutboxEmail()
    {
        ToAddress = string.Empty;
        Subject = string.Empty;
        TextBody = string.Empty;
        Kind = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>What the mail is for (e.g. <c>email-confirmation</c>), for metrics and retention; never content.</summary>
    public string Kind { get; private set; }

    public Guid? MemberId { get; private set; }

    public string ToAddress { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string? HtmlBody { get; private set; }

    /// <summary>An unsubscribe URL for List-Unsubscribe (RFC 8058), when the mail is optional.</summary>
    public string? UnsubscribeUrl { get; private set; }

    public OutboxEmailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>A short, address-free reason for the last failure (e.g. an SMTP status code).</summary>
    public string? LastError { get; private set; }

    public static OutboxEmail Create(
        string kind,
        Guid? memberId,
        string toAddress,
        string subject,
        string textBody,
        string? htmlBody,
        string? unsubscribeUrl,
        DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        MemberId = memberId,
        ToAddress = toAddress,
        Subject = subject,
        TextBody = textBody,
        HtmlBody = htmlBody,
        UnsubscribeUrl = unsubscribeUrl,
        Status = OutboxEmailStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTime now)
    {
        Status = OutboxEmailStatus.Sent;
        Attempts++;
        SentAt = now;
        LockedUntil = null;
        LastError = null;
    }

    public void MarkTransientFailure(string reason, DateTime now)
    {
        Attempts++;
        LastError = reason;
        LockedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            Status = OutboxEmailStatus.Failed;
            return;
        }

        // 1, 2, 4, 8 … minutes, at most six hours.
        var delayMinutes = Math.Min(Math.Pow(2, Attempts - 1), 360);
        NextAttemptAt = now.AddMinutes(delayMinutes);
    }

    public void MarkPermanentFailure(string reason)
    {
        Attempts++;
        Status = OutboxEmailStatus.Failed;
        LastError = reason;
        LockedUntil = null;
    }

    public void MarkSuppressed()
    {
        Status = OutboxEmailStatus.Suppressed;
        LockedUntil = null;
    }
}
