using System.Globalization;
using Riok.Mapperly.Abstractions;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members;

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
