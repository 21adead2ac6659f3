namespace Salon.Application.Notifications.Email;

/// <summary>A block of an e-mail: a heading and lines, each optionally linked.</summary>
internal sealed record EmailSection(string Heading, IReadOnlyList<(string Text, string? Url)> Lines);
