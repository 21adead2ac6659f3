namespace Salon.WebApi.Consultations;

internal sealed record PostReplyRequest(string Body, bool Anonymous, string? ContentWarning);
