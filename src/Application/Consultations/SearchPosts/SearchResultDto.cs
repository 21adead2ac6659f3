using Salon.Application.Consultations.Views;

namespace Salon.Application.Consultations.SearchPosts;

public sealed record SearchResultDto(
    string Kind,
    Guid Id,
    Guid TopicId,
    string TopicTitle,
    string Snippet,
    AuthorDto Author,
    string? ContentWarning,
    DateTime CreatedAt);
