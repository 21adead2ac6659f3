namespace Salon.Application.Members.ExportMyData;

public sealed record MemberDataExport(DateTime ExportedAt, IReadOnlyDictionary<string, object> Sections);
