namespace Salon.Application.Moderation.Contracts;

/// <summary>A crisis line, from configuration.</summary>
public sealed record CrisisLineDto(string Name, string Phone, string Hours, string? Url, string? Audience, string LastVerified, bool NeedsReverification);
