namespace Salon.Domain.Common;

/// <summary>The classes of expected failure; the Web API maps each to one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>400: the input itself is wrong.</summary>
    Invalid,

    /// <summary>401: not signed in, or the credentials are wrong.</summary>
    Unauthenticated,

    /// <summary>403: signed in but not allowed.</summary>
    Forbidden,

    /// <summary>404: does not exist, or the caller may not know that it exists.</summary>
    NotFound,

    /// <summary>409: conflicts with the current state (already exists, already applied).</summary>
    Conflict,

    /// <summary>422: a business rule forbids it.</summary>
    Rule,

    /// <summary>429: too many attempts.</summary>
    RateLimited,
}
