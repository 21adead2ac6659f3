namespace Salon.WebApi.Consultations;

internal sealed record CreateTopicRequest(
    string BoardSlug,
    string Title,
    string Body,
    IReadOnlyList<string>? Tags,
    bool Anonymous,
    bool? RepliesWelcome,
    string? ContentWarning);
