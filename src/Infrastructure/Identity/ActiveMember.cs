using Salon.Domain.Common;

namespace Salon.Infrastructure.Identity;

public sealed record ActiveMember(MemberRoles Roles, DateTime? LastSeenAt, DateTime SessionExpiresAt);
