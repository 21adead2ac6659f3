using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Salon.Application.Common.Security;

/// <summary>Secrets handed to members (refresh tokens, unsubscribe and confirmation tokens): 32 random bytes,
/// URL-safe, and stored only as SHA-256, hex.</summary>
public static class TokenHash
{
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Of(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
