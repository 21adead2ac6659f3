namespace Salon.Web.Api;

/// <summary>A page of a list (API.md, "Lists"): <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
