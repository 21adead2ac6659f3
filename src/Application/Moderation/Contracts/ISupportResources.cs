namespace Salon.Application.Moderation.Contracts;

/// <summary>The crisis lines, for any module that must show them (e.g. in a notice or an e-mail footer).</summary>
public interface ISupportResources
{
    IReadOnlyList<CrisisLineDto> Lines();
}
