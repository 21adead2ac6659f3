namespace Salon.Infrastructure.Identity;

public static class SalonClaims
{
    public const string Scheme = "Bearer";
    public const string MemberId = "sub";
    public const string SessionId = "sid";
    public const string Role = "role";
}
