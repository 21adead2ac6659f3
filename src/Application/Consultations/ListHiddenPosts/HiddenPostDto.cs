namespace Salon.Application.Consultations.ListHiddenPosts;

/// <summary><c>Kind</c> is <c>topic</c> or <c>reply</c>; <c>Excerpt</c> is the start of the hidden post.</summary>
public sealed record HiddenPostDto(Guid PostId, string Kind, Guid TopicId, string TopicTitle, string Excerpt, DateTime HiddenAt);
