namespace Salon.Application.Members.Contracts;

/// <summary>Each module contributes what it stores about a member to their data export
/// (<c>GET /api/me/export</c>). Register implementations in the module's registration entry point.</summary>
public interface IPersonalDataContributor
{
    /// <summary>The key of this module's section in the export (camelCase, e.g. <c>consultations</c>).</summary>
    string Section { get; }

    Task<object> CollectAsync(Guid memberId, CancellationToken cancellationToken);
}
