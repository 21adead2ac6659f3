using System.Text.Json.Serialization;

namespace Salon.WebApi.Members;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record UpdateMeRequest(string? Nickname, IReadOnlyList<string>? FamilyPositions, string? Bio);
