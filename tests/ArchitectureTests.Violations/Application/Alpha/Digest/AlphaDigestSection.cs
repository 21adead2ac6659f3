using Salon.Application.Beta.Contracts;

namespace Salon.Application.Alpha.Digest;

/// <summary>Planted (digest sections live in DigestSections): this one is in Digest.</summary>
public sealed class AlphaDigestSection : IDigestSection
{
    public string Kind => "alpha";
}
