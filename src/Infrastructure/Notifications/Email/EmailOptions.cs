namespace Salon.Infrastructure.Notifications.Email;

/// <summary>Settings under <c>Email</c>. Without <see cref="SmtpHost"/>, mail is written as .eml files
/// under <see cref="PickupDirectory"/> so it can be read without a mail server.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Sender address. Keep it neutral: no words about illness or families.</summary>
    public string FromAddress { get; set; } = "no-reply@salon.invalid";

    /// <summary>Sender name shown in mail clients; neutral for the same reason.</summary>
    public string FromName { get; set; } = "サロン";

    public string PickupDirectory { get; set; } = "data/mail";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public string SmtpSecurity { get; set; } = "StartTlsWhenAvailable";

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
