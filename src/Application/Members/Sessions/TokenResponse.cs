namespace Salon.Application.Members.Sessions;

/// <summary>What a client receives when it signs in or refreshes.</summary>
public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);
