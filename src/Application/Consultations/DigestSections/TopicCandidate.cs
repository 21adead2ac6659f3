using Salon.Domain.Common;

namespace Salon.Application.Consultations.DigestSections;

internal sealed record TopicCandidate(Guid Id, string Title, Guid AuthorId, bool IsAnonymous, DateTime CreatedAt, FamilyPositions Audience);
