namespace Salon.WebApi.Members;

internal sealed record ChangeEmailRequest(string NewEmail, string CurrentPassword);
