namespace Salon.WebApi.Meetings;

internal sealed record ApplyRequest(string? Note);
