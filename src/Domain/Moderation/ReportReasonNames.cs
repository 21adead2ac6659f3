namespace Salon.Domain.Moderation;

public static class ReportReasonNames
{
    private static readonly (ReportReason Reason, string Name)[] Table =
    [
        (ReportReason.Spam, "spam"),
        (ReportReason.Harassment, "harassment"),
        (ReportReason.PersonalInfo, "personal_info"),
        (ReportReason.MedicalMisinformation, "medical_misinformation"),
        (ReportReason.WorriedAboutMember, "worried_about_member"),
        (ReportReason.Other, "other"),
    ];

    public static ReportReason? Parse(string? name) => Table.Where(t => t.Name == name).Select(t => (ReportReason?)t.Reason).FirstOrDefault();

    public static string ToName(ReportReason reason) => Table.First(t => t.Reason == reason).Name;
}
