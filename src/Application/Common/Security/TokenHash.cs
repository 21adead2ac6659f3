using System.Security.Cryptography;
using System.Text;

namespace Salon.Application.Common.Security;

/// <summary>How secrets handed to members (refresh tokens, unsubscribe tokens) are stored: SHA-256, hex.</summary>
public static class TokenHash
{
    public static string Of(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
