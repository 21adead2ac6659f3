using System.Text.Json.Serialization;

namespace Salon.Application.Consultations.Views;

/// <summary>What creating a post returns: its id, and the crisis lines when the text looks like a crisis.</summary>
public sealed record PostCreatedDto(Guid Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Moderation.Contracts.SupportDto? Support = null);
