namespace Salon.Application.Meetings;

/// <summary>The caller's own application, as they see it.</summary>
public sealed record MyApplicationDto(string Status, DateTime AppliedAt, int? WaitlistPosition);
