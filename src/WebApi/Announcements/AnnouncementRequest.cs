using System.Text.Json.Serialization;

namespace Salon.WebApi.Announcements;

/// <summary><c>{ title, body, pinned, public, publishAt? }</c>; on PATCH, absent fields stay as they are. Unknown fields
/// are refused (400) on PATCH and, sharing the shape, on POST.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AnnouncementRequest(string? Title, string? Body, bool? Pinned, bool? Public, DateTime? PublishAt);
