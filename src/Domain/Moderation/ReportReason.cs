namespace Salon.Domain.Moderation;

public enum ReportReason
{
    Spam = 0,
    Harassment = 1,
    PersonalInfo = 2,
    MedicalMisinformation = 3,
    WorriedAboutMember = 4,
    Other = 5,
}
