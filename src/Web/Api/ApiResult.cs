using System.Diagnostics.CodeAnalysis;

namespace Salon.Web.Api;

/// <summary>An API error (RFC 9457 ProblemDetails), as a page shows it: <see cref="Title"/> at the top,
/// <see cref="ErrorsFor"/> next to each field. The texts come from the API, already in the member's language.</summary>
public sealed record ApiProblem(int Status, string Code, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, int? RetryAfter)
{
    public static ApiProblem Unreachable { get; } = new(
        503, "api-unreachable", "いまサロンにつながりません。少し時間をおいてもう一度お試しください。", null, new Dictionary<string, string[]>(), null);

    /// <summary>The messages for one field (camelCase, as the API names it: <c>email</c>, <c>familyPositions</c>).</summary>
    public IReadOnlyList<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>Messages for fields the page does not show next to an input.</summary>
    public IEnumerable<string> ErrorsExcept(IReadOnlyCollection<string> shownFields) =>
        Errors.Where(e => !shownFields.Contains(e.Key)).SelectMany(e => e.Value);
}

/// <summary>What a call to the API gave: a value, or a problem. Pages branch on <see cref="Ok"/>.</summary>
public sealed class ApiResult<T>
{
    internal ApiResult(T? value, ApiProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ApiProblem? Problem { get; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Ok => Problem is null;

    public int Status => Problem?.Status ?? 200;
}

public static class ApiResult
{
    public static ApiResult<T> Success<T>(T? value) => new(value, null);

    public static ApiResult<T> Failure<T>(ApiProblem problem) => new(default, problem);
}

/// <summary>The value of a call that answers 202/204.</summary>
public readonly record struct NoContent;
