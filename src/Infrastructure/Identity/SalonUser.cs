using Microsoft.AspNetCore.Identity;

namespace Salon.Infrastructure.Identity;

/// <summary>Credentials only (e-mail, password hash, lockout, security stamp), keyed by the member id.
/// The user name is the id, so no personal data sits in it.</summary>
public sealed class SalonUser : IdentityUser<Guid>
{
    public DateTime CreatedAt { get; set; }
}
