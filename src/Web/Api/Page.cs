namespace Salon.Web.Api;

/// <summary>A page of a list (every list route of the API: <c>items</c> and <c>nextCursor</c>): <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
