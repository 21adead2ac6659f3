using System.Text.Json.Serialization;

namespace Salon.WebApi.Consultations;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record EditReplyRequest(string? Body, string? ContentWarning);
