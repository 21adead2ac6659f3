namespace Salon.WebApi.Members;

internal sealed record DeleteAccountRequest(string Password, string ContentHandling);
