namespace Salon.Application.Members;

/// <summary>The member's own profile (<c>GET /api/me</c>): the only place their e-mail appears, with the export.</summary>
public sealed record MeDto
{
    public Guid Id { get; init; }

    public string Email { get; init; } = string.Empty;

    public bool EmailConfirmed { get; init; }

    /// <summary>True when mail to the address bounced permanently and Salon stopped sending to it.</summary>
    public bool EmailUndeliverable { get; init; }

    /// <summary>When <see cref="EmailUndeliverable"/>, a message asking the member to fix their address.</summary>
    public string? EmailNotice { get; init; }

    public string Nickname { get; init; } = string.Empty;

    public string[] FamilyPositions { get; init; } = [];

    public string Bio { get; init; } = string.Empty;

    public string[] Roles { get; init; } = [];

    public bool IsOfficial { get; init; }

    public DateTime CreatedAt { get; init; }

    public ConsentDto? Consent { get; init; }
}
