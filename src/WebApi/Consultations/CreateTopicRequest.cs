namespace Salon.WebApi.Consultations;

/// <summary>POST /api/topics. <c>anonymous</c> must be given, true or false (docs/adr/0048).</summary>
internal sealed record CreateTopicRequest(
    string BoardSlug,
    string Title,
    string Body,
    IReadOnlyList<string>? Tags,
    bool? Anonymous,
    bool? RepliesWelcome,
    string? ContentWarning);
