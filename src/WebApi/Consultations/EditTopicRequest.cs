using System.Text.Json.Serialization;

namespace Salon.WebApi.Consultations;

/// <summary>PATCH /api/topics/{id}: the fields present change. <c>isClosed</c> is the same name the topic's responses
/// use. An unknown field is refused (400), never silently ignored.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record EditTopicRequest(string? Title, string? Body, IReadOnlyList<string>? Tags, string? ContentWarning, bool? RepliesWelcome, bool? IsClosed);
