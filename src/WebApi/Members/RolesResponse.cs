namespace Salon.WebApi.Members;

internal sealed record RolesResponse(IReadOnlyList<string> Roles);
