namespace Salon.Application.Moderation.Contracts;

/// <summary>What a client shows at once when text looks like a crisis.</summary>
public sealed record SupportDto(string Message, IReadOnlyList<CrisisLineDto> Resources);
