namespace Salon.WebApi.Members;

internal sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
