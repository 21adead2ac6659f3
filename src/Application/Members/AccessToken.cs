namespace Salon.Application.Members;

public sealed record AccessToken(string Token, int ExpiresInSeconds);
