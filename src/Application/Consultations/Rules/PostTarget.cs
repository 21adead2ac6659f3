using Salon.Domain.Common;

namespace Salon.Application.Consultations.Rules;

/// <summary>A topic or reply, addressed by id alone (as in /api/posts/{id}/reactions).</summary>
internal sealed record PostTarget(Guid PostId, PostKind Kind, Guid TopicId, Guid AuthorId, bool IsAnonymous);
