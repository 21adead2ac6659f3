namespace Salon.Application.Consultations;

/// <summary>One matching post. <see cref="Rank"/> is the provider's relevance (lower is better) and is
/// only meaningful within one query.</summary>
public sealed record PostMatch(Guid PostId, bool IsReply, Guid TopicId, DateTime CreatedAt, double Rank);
