using Salon.Domain.Common;

namespace Salon.Application.Members.Contracts;

/// <summary>What a module needs to know before letting a member post.</summary>
public sealed record PosterStanding(Guid Id, FamilyPositions FamilyPositions, bool CanPost, DateTime? SuspendedUntil, DateTime JoinedAt);
