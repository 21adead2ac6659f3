using Salon.Domain.Common;

namespace Salon.WebApi.Common;

/// <summary>One entry of the Web API's own error catalogue (<see cref="HttpErrors"/>): failures met before a use case
/// runs (routing, body reading, Kestrel, rate limits), whose HTTP status is not one of <see cref="ErrorKind"/>'s.
/// <see cref="Status"/> is null only for the fallback answered with whatever status the framework chose.</summary>
public sealed record HttpError(string Code, int? Status, LocalizedText Text);
