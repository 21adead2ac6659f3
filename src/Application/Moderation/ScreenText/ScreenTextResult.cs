using Salon.Application.Moderation.Contracts;

namespace Salon.Application.Moderation.ScreenText;

public sealed record ScreenTextResult(bool Crisis, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] SupportDto? Support);
