namespace Salon.Application.Consultations.Contracts;

/// <summary>Who follows a topic (its author follows it from the start), and its title, for notices.</summary>
public sealed record TopicFollowers(string Title, Guid AuthorId, IReadOnlyList<Guid> FollowerIds);
