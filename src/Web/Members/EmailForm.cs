namespace Salon.Web.Members;

/// <summary>A form with one e-mail field (resend confirmation, forgot password); not posted, it is empty.</summary>
internal sealed class EmailForm
{
    public string Email { get; set => field = value ?? ""; } = "";
}
