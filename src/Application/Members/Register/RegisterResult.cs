namespace Salon.Application.Members.Register;

/// <summary>The same shape whether or not the e-mail was already registered, so registration never
/// reveals who has an account; the confirmation e-mail carries what is needed to continue. The id is the
/// sign-up's, and becomes the member's once the address is confirmed.</summary>
public sealed record RegisterResult(Guid Id, string Nickname, bool EmailConfirmationRequired);
