namespace Salon.Application.Members;

public sealed record ConsentDto(
    string TermsVersion,
    DateTime TermsAcceptedAt,
    string SensitiveInfoConsentVersion,
    DateTime SensitiveInfoConsentedAt);
