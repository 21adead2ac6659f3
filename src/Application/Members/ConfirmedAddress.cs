namespace Salon.Application.Members;

/// <summary>A confirmed e-mail address; <c>NormalizedEmail</c> is upper-cased, as the outbox's undeliverable list is.</summary>
public sealed record ConfirmedAddress
{
    public Guid MemberId { get; init; }

    public string Email { get; init; } = string.Empty;

    public string NormalizedEmail { get; init; } = string.Empty;
}
