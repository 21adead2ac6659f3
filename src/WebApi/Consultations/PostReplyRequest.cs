namespace Salon.WebApi.Consultations;

/// <summary>POST /api/topics/{id}/replies. <c>anonymous</c> must be given, true or false (docs/adr/0048).</summary>
internal sealed record PostReplyRequest(string Body, bool? Anonymous, string? ContentWarning);
