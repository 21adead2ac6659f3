namespace Salon.WebApi.Members;

internal sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);
