using Salon.Domain.Common;
using System.Globalization;
using Riok.Mapperly.Abstractions;
using Salon.Domain.Members;

namespace Salon.Application.Members;

/// <summary>What another member may see: never e-mail, never precise activity.</summary>
public sealed record PublicProfileDto(
    Guid Id,
    string Nickname,
    string[] FamilyPositions,
    string Bio,
    bool IsOfficial,
    string JoinedAt);

public sealed record ConsentDto(
    string TermsVersion,
    DateTime TermsAcceptedAt,
    string SensitiveInfoConsentVersion,
    DateTime SensitiveInfoConsentedAt);

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

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class MembersMapper
{
    [MapProperty(nameof(Member.CreatedAt), nameof(PublicProfileDto.JoinedAt))]
    public static partial PublicProfileDto ToPublicProfile(Member member);

    [MapperIgnoreTarget(nameof(MeDto.Email))]
    [MapperIgnoreTarget(nameof(MeDto.EmailConfirmed))]
    [MapperIgnoreTarget(nameof(MeDto.EmailUndeliverable))]
    [MapperIgnoreTarget(nameof(MeDto.EmailNotice))]
    [MapPropertyFromSource(nameof(MeDto.Consent), Use = nameof(ToConsent))]
    public static partial MeDto ToMe(Member member);

    private static string[] PositionNames(FamilyPositions positions) => FamilyPositionNames.ToNames(positions);

    private static string[] RoleNames(MemberRoles roles) => MemberRoleNames.ToNames(roles);

    private static ConsentDto ToConsent(Member member) => new(
        member.TermsVersion,
        member.TermsAcceptedAt,
        member.SensitiveInfoConsentVersion,
        member.SensitiveInfoConsentedAt);

    /// <summary>Month only: when someone joined is shown no more precisely than that.</summary>
    private static string JoinedMonth(DateTime joinedAt) => joinedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
