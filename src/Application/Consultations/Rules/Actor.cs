namespace Salon.Application.Consultations.Rules;

/// <summary>Who is acting: their id and whether they moderate.</summary>
public sealed record Actor(Guid Id, bool IsModerator);
