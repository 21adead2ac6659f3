using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Salon.Infrastructure.Identity;

/// <summary>How access tokens are sealed: ASP.NET Core data protection, whose keys live in the database,
/// so every instance reads every token and a restart signs nobody out.</summary>
public sealed class AccessTokenFormat(IDataProtectionProvider dataProtection)
{
    public ISecureDataFormat<AuthenticationTicket> Format { get; } =
        new TicketDataFormat(dataProtection.CreateProtector("Salon.AccessToken", "v1"));
}
